package moderation

import (
	"testing"

	"github.com/draftlint/draftlint/internal/gen"
)

// BenchmarkFindSecrets runs gitleaks' rules over a generated 10 MB corpus
// of Markdown drafts (go test -run NONE -bench FindSecrets ./rules/moderation).
func BenchmarkFindSecrets(b *testing.B) {
	docs := gen.Corpus(1, 1000, 10_000)
	total := 0
	srcs := make([][]byte, len(docs))
	for i, d := range docs {
		srcs[i] = []byte(d)
		total += len(d)
	}
	secrets()
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range srcs {
			findSecrets(s)
		}
	}
}
