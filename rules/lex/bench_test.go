package lex

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/gen"
)

// paragraphs of generated drafts, as blocks reach Normalize
func benchText() []string {
	var out []string
	for i := 0; i < 50; i++ {
		for _, p := range strings.Split(gen.Draft(1, i, 10000), "\n\n") {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

func BenchmarkNormalize(b *testing.B) {
	ps := benchText()
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range ps {
			Normalize(p)
		}
	}
}
