package report

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

func TestAppendFindingMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"", "a", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<&>", "é", "…",
		"\u2028", "\u2029", "\u009b", "\u202e", "\xff", "\xe2\x80", "😀", "line one\nline two", "'"}
	rng := rand.New(rand.NewPCG(3, 4))
	str := func() string {
		var b strings.Builder
		for k := rng.IntN(6); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := 0; i < 2000; i++ {
		f := rules.Finding{File: str(), Line: rng.IntN(1000), Column: rng.IntN(100), EndLine: -rng.IntN(3), EndColumn: rng.IntN(100),
			Offset: rng.IntN(1 << 20), EndOffset: rng.IntN(1 << 20), Rule: str(), Category: str(),
			Severity: rules.Severity(rng.IntN(3) + 1), Message: str(), Explanation: str()}
		// a score, or none (left out), small and large ones written as encoding/json writes them
		f.Score = []float64{0, 0, 0.5, 0.8731, 1, 1e-7, 3.2e-12, 1e21, rng.Float64()}[rng.IntN(9)]
		for k := rng.IntN(3); k > 0; k-- {
			fx := rules.Fix{Description: str()}
			if rng.IntN(2) == 0 {
				fx.Edits = []rules.Edit{}
			}
			for e := rng.IntN(3); e > 0; e-- {
				fx.Edits = append(fx.Edits, rules.Edit{Offset: rng.IntN(100), EndOffset: rng.IntN(100), NewText: str()})
			}
			f.Fixes = append(f.Fixes, fx)
		}
		// what encoding/json writes (nil lists as [])
		g := f
		if g.Fixes == nil {
			g.Fixes = []rules.Fix{}
		}
		for j := range g.Fixes {
			if g.Fixes[j].Edits == nil {
				g.Fixes[j].Edits = []rules.Edit{}
			}
		}
		want, err := marshalIndent(g, "    ")
		if err != nil {
			t.Fatal(err)
		}
		// and DEL, C1 and bidirectional controls escaped: the same JSON
		want = escapeJSON(want)
		if got := appendFinding(nil, &f, "    "); string(got) != string(want) {
			t.Fatalf("finding %d:\n got  %s\n want %s", i, got, want)
		}
	}
}
