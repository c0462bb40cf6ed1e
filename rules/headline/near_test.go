package headline_test

import (
	"os"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// TestNearPairs runs headline/near-duplicate on labelled pairs of
// headings, each pair two sibling sections of one draft, and asks for
// precision and recall of at least 0.95.
func TestNearPairs(t *testing.T) {
	data, err := os.ReadFile("testdata/near-pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rs := rulestest.Select(t, "headline/near-duplicate")
	var tp, fp, fn, pairs, negatives int
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] != "near" && f[0] != "different" {
			t.Fatalf("near-pairs.tsv:%d: want label<TAB>heading<TAB>heading", n+1)
		}
		src := "## " + f[1] + "\n\nThe first section.\n\n## " + f[2] + "\n\nThe second section.\n"
		res := rules.Run(rules.Config{Rules: rs}, []rules.Source{{Path: "pair.md", Data: []byte(src)}})
		got := len(res.Findings) > 0
		want := f[0] == "near"
		pairs++
		if !want {
			negatives++
		}
		switch {
		case got && want:
			tp++
		case got:
			fp++
			t.Logf("near-pairs.tsv:%d: reported, labelled different: %s", n+1, res.Findings[0].Message)
		case want:
			fn++
			t.Logf("near-pairs.tsv:%d: not reported, labelled near: %q / %q", n+1, f[1], f[2])
		}
	}
	if pairs < 40 || 2*negatives < pairs {
		t.Fatalf("%d pairs, %d of them different: want at least 40, half different", pairs, negatives)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d pairs: precision %.3f, recall %.3f", pairs, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: want both at least 0.95", precision, recall)
	}
}

// Odd headings do not break the comparison: hyphens, dashes, brackets and
// symbols alone, empty parts.
func TestNearOddHeadings(t *testing.T) {
	var b strings.Builder
	for _, h := range []string{"a--b c--d e--f", "-- -- --", "( ( (", "[x] [y] [z]", "ﬁ ﬂ ﬃ ‐‐ ‑", "A: B: C: D:", "\u00a0x\u00a0 y z", "x- -y -z-"} {
		b.WriteString("## " + h + "\n\nText.\n\n## " + h + " w\n\nText.\n\n")
	}
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/near-duplicate")}, []rules.Source{{Path: "odd.md", Data: []byte(b.String())}})
	for _, n := range res.Notices {
		t.Errorf("notice: %v", n)
	}
}
