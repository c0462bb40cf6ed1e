package draft

import (
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/draftlint/draftlint/internal/gen"
)

// BenchmarkParse parses the generated 10 MB Markdown corpus on one core:
// goldmark alone (the floor any Markdown linter built on it pays), and
// draftlint's whole parse (goldmark, front matter, prose text with its
// source map, links, sentences).
func BenchmarkParse(b *testing.B) {
	docs := gen.Corpus(1, 1000, 10_000)
	srcs := make([][]byte, len(docs))
	total := 0
	for i, d := range docs {
		srcs[i] = []byte(d)
		total += len(d)
	}
	b.Run("goldmark", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, s := range srcs {
				mdParser.Parse(text.NewReader(s), parser.WithContext(parser.NewContext()))
			}
		}
	})
	b.Run("draftlint", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, s := range srcs {
				Parse("d.md", s, Markdown)
			}
		}
	})
}
