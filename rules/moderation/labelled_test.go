package moderation_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// TestLabelled scores the family on a labelled set (the format of
// shared/tools/score.py: LINE<TAB>CATEGORY lines in NAME.expect; every
// other line of the case is a hard negative): precision and recall by line
// must both reach 0.95.
func TestLabelled(t *testing.T) {
	const name = "testdata/labelled/cases.txt"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := os.ReadFile(name + ".expect")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{}
	for _, l := range strings.Split(string(exp), "\n") {
		f := strings.Split(l, "\t")
		if n, err := strconv.Atoi(f[0]); err == nil && len(f) > 1 && f[1] == "moderation" {
			want[n] = true
		}
	}
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "moderation")}, []rules.Source{{Path: name, Data: src}})
	got := map[int]bool{}
	for _, f := range res.Findings {
		got[f.Line] = true
	}
	tp := 0
	for n := range got {
		if want[n] {
			tp++
		} else {
			t.Logf("false positive on line %d", n)
		}
	}
	for n := range want {
		if !got[n] {
			t.Logf("missed line %d", n)
		}
	}
	p, r := float64(tp)/float64(len(got)), float64(tp)/float64(len(want))
	t.Logf("%d lines expected, %d reported, %d right: precision %.2f, recall %.2f", len(want), len(got), tp, p, r)
	if p < 0.95 || r < 0.95 {
		t.Errorf("precision %.2f, recall %.2f: both must reach 0.95", p, r)
	}
}
