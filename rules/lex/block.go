package lex

import (
	"slices"

	"github.com/draftlint/draftlint/draft"
)

// blockData is what rule families share about a document's blocks. The
// blocks' words and word indexes are kept in two arrays per document, taken
// from a pool and given back when the document forgets its analyses.
type blockData struct {
	norms []Normalized // valid where made[i]
	made  []bool
	words [][]Word
	arena []Word    // every block's words, block after block
	idx   []wordPos // every block's word index
}

// the arrays of documents that are done, for the next ones
var (
	wordPool = ArrayPool[Word]{Max: 1 << 20}
	idxPool  = ArrayPool[wordPos]{Max: 1 << 20}
)

func data(d *draft.Document) *blockData {
	return d.Memo("lex.blocks", func() any {
		bd := &blockData{norms: make([]Normalized, len(d.Blocks)), made: make([]bool, len(d.Blocks)), words: make([][]Word, len(d.Blocks))}
		bd.arena, bd.idx = wordPool.Get(), idxPool.Get()
		return bd
	}).(*blockData)
}

// Release gives the document's arrays back to the pools. The document's
// words and word indexes must not be used after it.
func (bd *blockData) Release() {
	wordPool.Put(bd.arena)
	idxPool.Put(bd.idx)
	bd.arena, bd.idx = nil, nil
	bd.norms, bd.made, bd.words = nil, nil, nil
}

// BlockNorm is block i's normalised text, made once per document.
func BlockNorm(d *draft.Document, i int) *Normalized {
	bd := data(d)
	if !bd.made[i] {
		t := d.Blocks[i].Text
		bd.norms[i] = Normalize(t)
		bd.made[i] = true
		n := &bd.norms[i]
		n.arena = &bd.idx
		if n.Offs == nil && n.Text != "" {
			// ASCII with single spaces: the words and the word index in
			// one pass
			wb, ib := len(bd.arena), len(bd.idx)
			bd.arena, bd.idx = asciiWordsAndIndex(t, n.Text, bd.arena, bd.idx)
			bd.words[i] = bd.arena[wb:len(bd.arena):len(bd.arena)]
			n.idx = bd.idx[ib:len(bd.idx):len(bd.idx)]
		}
	}
	return &bd.norms[i]
}

// asciiWordsAndIndex appends the words of s, an ASCII text, to words (as
// appendWords would) and the words of its normalised form lowered (s folded
// byte for byte) to idx (as wordIndex would): the index's words are the
// runs of letters and digits, which the words join across inner
// apostrophes and hyphens.
func asciiWordsAndIndex(s, lowered string, words []Word, idx []wordPos) ([]Word, []wordPos) {
	base := len(idx)
	n := len(s)
	lowered = lowered[:n]
	if n > 1<<16 {
		// a long block: room for its words at once, not doubled into
		// (copies of a dense block's words took several times their size)
		k, in := 0, false
		for i := 0; i < n; i++ {
			w := asciiWord[s[i]]
			if w && !in {
				k++
			}
			in = w
		}
		words, idx = slices.Grow(words, k), slices.Grow(idx, k)
	}
	for i := 0; i < n; {
		for i < n && !asciiWord[s[i]] {
			i++
		}
		if i >= n {
			break
		}
		start := i
		var diff byte // not 0 when the word has upper-case letters
		for {
			rs := i
			h := uint64(14695981039346656037)
			for i < n {
				c := s[i]
				if !asciiWord[c] {
					break
				}
				lc := lowered[i]
				diff |= c ^ lc
				h ^= uint64(lc)
				h *= 1099511628211
				i++
			}
			if k := len(idx) - 1; k >= base && idx[k].e+1 == int32(rs) && lowered[idx[k].e] == ' ' {
				idx[k].h2 = pairHash(idx[k].h, h)
			}
			idx = append(idx, wordPos{s: int32(rs), e: int32(i), h: h})
			if i+1 < n && (s[i] == '\'' || s[i] == '-') && (s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') {
				i++
				continue
			}
			break
		}
		t := s[start:i]
		lower := t
		if diff != 0 {
			lower = lowered[start:i]
		}
		words = append(words, Word{Text: t, Lower: lower, Start: start, End: i})
	}
	return words, idx
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
