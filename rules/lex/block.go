package lex

import (
	"github.com/draftlint/draftlint/draft"
)

// blockData is what rule families share about a document's blocks.
type blockData struct {
	norms []*Normalized
	words [][]Word
}

func data(d *draft.Document) *blockData {
	return d.Memo("lex.blocks", func() any {
		return &blockData{norms: make([]*Normalized, len(d.Blocks)), words: make([][]Word, len(d.Blocks))}
	}).(*blockData)
}

// BlockNorm is block i's normalised text, made once per document.
func BlockNorm(d *draft.Document, i int) *Normalized {
	bd := data(d)
	if bd.norms[i] == nil {
		n := Normalize(d.Blocks[i].Text)
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
		bd.words[i] = words(d.Blocks[i].Text, lowered)
		if bd.words[i] == nil {
			bd.words[i] = []Word{}
		}
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
