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

// headingDraft makes one Markdown draft of n sections whose headings have
// 2 to 10 words; one in twenty repeats an earlier heading with a word
// changed or added.
func headingDraft(n int) []byte {
	r := rand.New(rand.NewPCG(3, 5))
	vocab := pseudoWords(r, 5000)
	var b strings.Builder
	var hs [][]string
	for i := 0; i < n; i++ {
		var h []string
		switch {
		case i > 10 && i%20 == 0:
			h = append([]string(nil), hs[r.IntN(i)]...)
			h[r.IntN(len(h))] = vocab[r.IntN(len(vocab))]
		case i > 10 && i%20 == 1:
			h = append(append([]string(nil), hs[r.IntN(i)]...), vocab[r.IntN(len(vocab))])
		default:
			h = make([]string, 2+r.IntN(9))
			for k := range h {
				h[k] = vocab[r.IntN(len(vocab))]
			}
		}
		hs = append(hs, h)
		fmt.Fprintf(&b, "%s %s\n\nA paragraph of the section.\n\n", strings.Repeat("#", 1+r.IntN(3)), strings.Join(h, " "))
	}
	return []byte(b.String())
}

// BenchmarkInDraft lints one draft of 2,000 sections with the in-draft
// headline rules.
func BenchmarkInDraft(b *testing.B) {
	srcs := []rules.Source{{Path: "long.md", Data: headingDraft(2000)}}
	rs := rulestest.Select(b, "headline/duplicate", "headline/title-repeated", "headline/near-duplicate")
	b.ReportAllocs()
	var found int
	for b.Loop() {
		found = len(rules.Run(rules.Config{Rules: rs}, srcs).Findings)
	}
	b.ReportMetric(float64(found), "findings")
}
