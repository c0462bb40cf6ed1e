package claim_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/claim"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// TestSentences lints each labelled sentence as a paragraph of its own and
// measures precision and recall of claim/unsupported on them.
func TestSentences(t *testing.T) {
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs := rulestest.Select(t, "claim/unsupported")
	var tp, fp, fn, tn int
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, sentence, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		n++
		res := rules.Run(rules.Config{Rules: rs}, []rules.Source{{Path: "s.txt", Data: []byte("Title\n\n" + sentence + "\n")}})
		got := len(res.Findings) > 0
		switch {
		case label == "C" && got:
			tp++
		case label == "C":
			fn++
			t.Logf("missed claim: %s", sentence)
		case got:
			fp++
			t.Logf("false claim: %s (%s)", sentence, res.Findings[0].Explanation)
		default:
			tn++
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	t.Logf("%d sentences: precision %.2f recall %.2f (tp %d fp %d fn %d tn %d)", n, p, r, tp, fp, fn, tn)
	if n < 60 {
		t.Errorf("only %d sentences", n)
	}
	if p < 0.9 || r < 0.9 {
		t.Errorf("precision %.2f recall %.2f, want both ≥ 0.90", p, r)
	}
}

func TestFixtures(t *testing.T) {
	rulestest.Run(t, "testdata", "claim")
}

func TestCheckWorthyFixtures(t *testing.T) {
	rulestest.Run(t, "testdata/checkworthy", "claim/check-worthy")
}
