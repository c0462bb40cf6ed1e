package lex

import (
	"sync"

	"github.com/draftlint/draftlint/draft"
)

// blockData is what rule families share about a document's blocks. The
// blocks' words and word indexes are kept in two arrays per document, taken
// from a pool and given back when the document forgets its analyses.
type blockData struct {
	norms []*Normalized
	words [][]Word
	arena []Word    // every block's words, block after block
	idx   []wordPos // every block's word index
}

// the arrays of documents that are done, for the next ones
var (
	wordPool = sync.Pool{}
	idxPool  = sync.Pool{}
)

// maxPooled: arrays larger than this (from a very large document) are left
// to the collector rather than kept.
const maxPooled = 1 << 20

func data(d *draft.Document) *blockData {
	return d.Memo("lex.blocks", func() any {
		bd := &blockData{norms: make([]*Normalized, len(d.Blocks)), words: make([][]Word, len(d.Blocks))}
		if a, ok := wordPool.Get().(*[]Word); ok {
			bd.arena = (*a)[:0]
		}
		if a, ok := idxPool.Get().(*[]wordPos); ok {
			bd.idx = (*a)[:0]
		}
		return bd
	}).(*blockData)
}

// Release gives the document's arrays back to the pools. The document's
// words and word indexes must not be used after it.
func (bd *blockData) Release() {
	if a := bd.arena; cap(a) > 0 && cap(a) <= maxPooled {
		clear(a) // drop the words' strings, which point into the document
		a = a[:0]
		wordPool.Put(&a)
	}
	if a := bd.idx; cap(a) > 0 && cap(a) <= maxPooled {
		a = a[:0]
		idxPool.Put(&a)
	}
	bd.arena, bd.idx = nil, nil
	bd.norms, bd.words = nil, nil
}

// BlockNorm is block i's normalised text, made once per document.
func BlockNorm(d *draft.Document, i int) *Normalized {
	bd := data(d)
	if bd.norms[i] == nil {
		n := Normalize(d.Blocks[i].Text)
		n.arena = &bd.idx
		bd.norms[i] = &n
	}
	return bd.norms[i]
}

// BlockWords are block i's words, made once per document.
func BlockWords(d *draft.Document, i int) []Word {
	bd := data(d)
	if bd.words[i] == nil {
		// the normalised text of an ASCII single-spaced block is the block
		// lower-cased (white space aside): words take their lower case from it
		lowered := ""
		if n := BlockNorm(d, i); n.Offs == nil {
			lowered = n.Text
		}
		base := len(bd.arena)
		bd.arena = appendWords(bd.arena, d.Blocks[i].Text, lowered)
		bd.words[i] = bd.arena[base:len(bd.arena):len(bd.arena)]
	}
	return bd.words[i]
}

// WordsIn returns the words of ws (sorted by position) inside [start, end).
func WordsIn(ws []Word, start, end int) []Word {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].Start < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	k := lo
	for k < len(ws) && ws[k].End <= end {
		k++
	}
	return ws[lo:k]
}
