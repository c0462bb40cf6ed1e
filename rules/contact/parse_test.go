package contact

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

// Each phone is parsed once per file, whichever contact rules run: each
// rule parsed every phone again (15 MB of numbers took 91 s).
func TestPhoneParsedOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Offices\n\nBerlin office, Unter den Linden 5, 10117 Berlin, Germany.\n")
	const n = 50
	for i := range n {
		fmt.Fprintf(&b, "Call +49 30 %07d or +44 20 7946 %04d.\n", 2000000+i, 1000+i)
	}
	all := []*rules.Rule{countryRule, cityRule, postcodeRule, invalidRule, premiumRule, domainRule, formatRule}
	before := parses.Load()
	res := rules.Run(rules.Config{Rules: all}, []rules.Source{{Path: "o.md", Data: []byte(b.String())}})
	if got := parses.Load() - before; got != 2*n {
		t.Errorf("%d parses of %d phones by %d rules, want one each", got, 2*n, len(all))
	}
	if len(res.Findings) == 0 {
		t.Error("no findings: the London numbers in a Berlin block are a country mismatch")
	}
}
