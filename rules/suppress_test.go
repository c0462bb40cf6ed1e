package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/placeholder"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// TestSuppression runs the placeholder rules with --report-unused over
// fixtures whose want comments expect what is left.
func TestSuppression(t *testing.T) {
	files, _ := filepath.Glob("testdata/suppress/*")
	sort.Strings(files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rulestest.CheckWith(t, f, src, rules.Config{ReportUnused: true}, "placeholder")
		})
	}
}
