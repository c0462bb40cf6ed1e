package headline_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// pseudoWords builds a vocabulary of n made-up words.
func pseudoWords(r *rand.Rand, n int) []string {
	syl := []string{"ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "de", "po", "ha", "li", "ba", "ge", "tu"}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := 0; k < 2+r.IntN(3); k++ {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		out[i] = b.String()
	}
	return out
}

// drafts makes n small Markdown drafts with titles of 6 to 10 words; one in
// fifty repeats an earlier title exactly, one in fifty with a word added.
func drafts(n int) []rules.Source {
	r := rand.New(rand.NewPCG(7, 7))
	vocab := pseudoWords(r, 20000)
	titles := make([][]string, n)
	srcs := make([]rules.Source, n)
	for i := range srcs {
		switch {
		case i > 10 && i%50 == 0:
			titles[i] = titles[r.IntN(i)]
		case i > 10 && i%50 == 1:
			t := append([]string(nil), titles[r.IntN(i)]...)
			titles[i] = append(t, vocab[r.IntN(len(vocab))]) // one word added
		default:
			t := make([]string, 6+r.IntN(5))
			for k := range t {
				t[k] = vocab[r.IntN(len(vocab))]
			}
			titles[i] = t
		}
		srcs[i] = rules.Source{Path: fmt.Sprintf("posts/%06d.md", i),
			Data: []byte("# " + strings.Join(titles[i], " ") + "\n\nA short body for the draft.\n")}
	}
	return srcs
}

// BenchmarkAcrossFiles lints 10,000 and 100,000 drafts with the cross-file
// title rule only; compare ns/op between the two to see linear growth.
func BenchmarkAcrossFiles(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		srcs := drafts(n)
		rs := rulestest.Select(b, "headline/duplicate-across-files")
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			var found int
			for b.Loop() {
				found = len(rules.Run(rules.Config{Rules: rs}, srcs).Findings)
			}
			b.ReportMetric(float64(found), "findings")
		})
	}
}
