package all_test

import (
	"fmt"
	"testing"

	"github.com/draftlint/draftlint/internal/gen"
	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/all"
)

// BenchmarkLint parses and lints a generated 10 MB Markdown corpus (1,000
// drafts of 10 KB) with every default rule; b.SetBytes makes MB/s visible.
func BenchmarkLint(b *testing.B) {
	docs := gen.Corpus(1, 1000, 10_000)
	srcs := make([]rules.Source, len(docs))
	total := 0
	for i, d := range docs {
		srcs[i] = rules.Source{Path: fmt.Sprintf("draft%04d.md", i), Data: []byte(d)}
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		rules.Run(rules.Config{Rules: rules.All()}, srcs)
	}
}

// BenchmarkCategory runs one rule family at a time on the same corpus.
func BenchmarkCategory(b *testing.B) {
	docs := gen.Corpus(1, 1000, 10_000)
	srcs := make([]rules.Source, len(docs))
	total := 0
	for i, d := range docs {
		srcs[i] = rules.Source{Path: fmt.Sprintf("draft%04d.md", i), Data: []byte(d)}
		total += len(d)
	}
	for _, cat := range append([]string{"(parse only)"}, rules.Categories()...) {
		var rs []*rules.Rule
		for _, r := range rules.All() {
			if r.Category == cat {
				rs = append(rs, r)
			}
		}
		b.Run(cat, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				rules.Run(rules.Config{Rules: rs}, srcs)
			}
		})
	}
}
