package lex

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/draftlint/draftlint/draft"
)

// The blocks' words and indexes live in arrays that a document gives back
// to a pool when it forgets its analyses; the next document reuses them.
func TestBlockDataReuse(t *testing.T) {
	docs := []string{
		"# Title One\n\nThe Council met on Monday. It's A Test.\n\n- one item\n- Two Items\n",
		"Another draft, with “quotes” and Größe.\n\nA second paragraph of several words here.\n",
		"# Title One\n\nThe Council met on Monday. It's A Test.\n\n- one item\n- Two Items\n",
		"Don`t say state-of-the-art Rock'n'Roll -x x- 'quoted' 3-4 a\tb O'Brien's.\n",
	}
	for round := 0; round < 3; round++ {
		for k, src := range docs {
			d := draft.Parse(fmt.Sprintf("d%d.md", k), []byte(src), draft.Markdown)
			// blocks in reverse order, so arrays are shared out of order
			for i := len(d.Blocks) - 1; i >= 0; i-- {
				got, want := fmt.Sprint(BlockWords(d, i)), fmt.Sprint(Words(d.Blocks[i].Text))
				if got != want {
					t.Errorf("round %d doc %d block %d: words\n got  %s\n want %s", round, k, i, got, want)
				}
				n := BlockNorm(d, i)
				if got, want := fmt.Sprint(n.wordIndex()), fmt.Sprint(indexOf(n.Text)); got != want {
					t.Errorf("round %d doc %d block %d: index\n got  %s\n want %s", round, k, i, got, want)
				}
			}
			d.ForgetMemo()
		}
	}
}

// indexOf is a normalised text's word index made on its own.
func indexOf(s string) []wordPos {
	n := Normalized{Text: s}
	return n.wordIndex()
}

// asciiWordsAndIndex gives what appendWords and wordIndex give apart.
func TestASCIIWordsAndIndex(t *testing.T) {
	parts := []string{"a", "Bc", "DEF", "9", "'", "-", "`", " ", "\t", "\n", ".", ",", "x-Y", "it's", "O'Brien", "--", "''", "(", "3-4"}
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.IntN(14); k > 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		norm := Normalize(s)
		if norm.Offs != nil || norm.Text == "" {
			continue // not single-spaced: not this path
		}
		ws, idx := asciiWordsAndIndex(s, norm.Text, nil, nil)
		if got, want := fmt.Sprint(ws), fmt.Sprint(Words(s)); got != want {
			t.Fatalf("%q: words\n got  %s\n want %s", s, got, want)
		}
		if got, want := fmt.Sprint(idx), fmt.Sprint(indexOf(norm.Text)); got != want {
			t.Fatalf("%q: index\n got  %s\n want %s", s, got, want)
		}
	}
}

// A long block's words and word index are allocated once, at their size:
// grown by doubling, 2 MB of one-letter words took several times it.
func TestLongBlockWordsAllocatedOnce(t *testing.T) {
	s := strings.Repeat("a b ", 1<<18)
	norm := Normalize(s)
	words := 1 << 19
	want := uint64(words) * uint64(unsafe.Sizeof(Word{})+unsafe.Sizeof(wordPos{}))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ws, idx := asciiWordsAndIndex(s, norm.Text, nil, nil)
	runtime.ReadMemStats(&after)
	if len(ws) != words || len(idx) != words {
		t.Fatalf("%d words, %d index entries, want %d", len(ws), len(idx), words)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > want*5/4 {
		t.Errorf("%d bytes allocated for %d words, want at most %d", got, words, want*5/4)
	}
}
