package all_test

import (
	"fmt"
	"strings"
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
		rules.Run(rules.Config{Rules: defaults()}, srcs)
	}
}

// BenchmarkCategory runs one rule family at a time on the same corpus, and
// each rule that is off by default alone.
func BenchmarkCategory(b *testing.B) {
	docs := gen.Corpus(1, 1000, 10_000)
	srcs := make([]rules.Source, len(docs))
	total := 0
	for i, d := range docs {
		srcs[i] = rules.Source{Path: fmt.Sprintf("draft%04d.md", i), Data: []byte(d)}
		total += len(d)
	}
	sets := map[string][]*rules.Rule{}
	names := append([]string{"(parse only)"}, rules.Categories()...)
	for _, r := range rules.All() {
		if r.Off {
			// a rule that is off by default on its own: a family's
			// figure is what a default run pays for it
			// (named off:claim:check-worthy, so that -bench Category/claim$
			// is the family alone)
			name := "off:" + strings.ReplaceAll(r.ID, "/", ":")
			names = append(names, name)
			sets[name] = []*rules.Rule{r}
			continue
		}
		sets[r.Category] = append(sets[r.Category], r)
	}
	for _, cat := range names {
		rs := sets[cat]
		b.Run(cat, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				rules.Run(rules.Config{Rules: rs}, srcs)
			}
		})
	}
}

// defaults are the rules a run without config uses.
func defaults() []*rules.Rule {
	var rs []*rules.Rule
	for _, r := range rules.All() {
		if !r.Off {
			rs = append(rs, r)
		}
	}
	return rs
}
