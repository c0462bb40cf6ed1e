package moderation_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/report"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// TestReportsMask: no report format prints what the family found, neither
// in a message nor in an excerpt of the draft.
func TestReportsMask(t *testing.T) {
	src := []byte(`# Leaks

Her card 4539 1488 0343 6467 and his IBAN DE44 5001 0517 5407 3249 31 were shown.

The key AKIAUJZDEGXDNCF32EPF and [the export](https://admin:Tr0ub4dor3x@db.acme-news.com/x) leaked.

The councillor called the plan bullshit.
`)
	secrets := []string{"1488 0343", "5001 0517 5407", "UJZDEGXDNCF32EPF", "Tr0ub4dor3x", "bullshit"}
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "moderation")}, []rules.Source{{Path: "leak.md", Data: src}})
	if len(res.Findings) != 5 {
		t.Fatalf("%d findings, want 5: %v", len(res.Findings), res.Findings)
	}
	r := &report.Report{Findings: res.Findings, Sources: map[string][]byte{"leak.md": src}, Files: 1, FileNames: []string{"leak.md"}, Rules: rules.All()}
	for _, name := range report.Names {
		f, err := report.New(name, report.Options{Width: 200})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := f.Format(&out, r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, s := range secrets {
			if strings.Contains(out.String(), s) {
				t.Errorf("the %s report prints %q", name, s)
			}
		}
	}
}
