package all_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/draftlint/draftlint/internal/gen"
	"github.com/draftlint/draftlint/rules"
)

// Documents lend their words, word indexes and claim analyses to pools
// when they are done; the next documents reuse them. Linting the same set
// one file at a time and several at once, twice over, finds the same.
func TestPooledAnalysesAgree(t *testing.T) {
	var srcs []rules.Source
	for i, d := range gen.Corpus(7, 150, 4000) {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("g%03d.md", i), Data: []byte(d)})
	}
	// the families' fixtures: other formats, other languages, every problem
	fixtures, _ := filepath.Glob("../*/testdata/*.*")
	for _, p := range fixtures {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, rules.Source{Path: p, Data: data})
	}
	if len(fixtures) < 5 {
		t.Fatalf("only %d fixtures found", len(fixtures))
	}
	run := func(workers int) []rules.Finding {
		return rules.Run(rules.Config{Rules: rules.All(), Workers: workers}, srcs).Findings
	}
	one := run(1)
	if len(one) < 100 {
		t.Fatalf("only %d findings", len(one))
	}
	for _, w := range []int{4, 1, 3} {
		if got := run(w); !reflect.DeepEqual(got, one) {
			t.Fatalf("%d workers: %d findings, one worker: %d (or they differ)", w, len(got), len(one))
		}
	}
}
