package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

// settingsOf parses a config and makes its settings, failing the test on
// an error.
func settingsOf(t *testing.T, yml string) (*File, *rules.Settings) {
	t.Helper()
	f, err := Parse("x.yml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.Settings(Flags{})
	if err != nil {
		t.Fatal(err)
	}
	return f, s
}

func TestCustomRulesAndWords(t *testing.T) {
	_, s := settingsOf(t, `
words:
  accept: ["John Doe"]
  reject: ["synergy"]
custom:
  - id: style/click-here
    type: existence
    tokens: ["click here"]
    message: "Avoid %q"
  - id: style/numbers
    type: existence
    pattern: "\\bno\\. [0-9]+"
    message: "Write %q as number"
    severity: info
  - id: style/spelling
    type: substitution
    swap: {"e-mail": "email", "web site": "website"}
    message: "Use %q instead of %q"
rules:
  style/numbers: warning
`)
	src := "# Title\n\nClick here to read the e-mail from John Doe on our Web site about synergy, no. 5.\n"
	res := rules.Run(rules.Config{Rules: s.Rules}, []rules.Source{{Path: "a.md", Data: []byte(src), Settings: s}})
	var got []string
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.Rule, "style/") && !strings.HasPrefix(f.Rule, "custom/") && f.Rule != "placeholder/dummy-contact" {
			continue
		}
		fix := ""
		if len(f.Fixes) > 0 {
			e := f.Fixes[0].Edits[0]
			fixed := src[:e.Offset] + e.NewText + src[e.EndOffset:]
			fix = " fix:" + strings.TrimSpace(fixed[strings.Index(fixed, "\n\n")+2:])
		}
		got = append(got, f.Rule+" "+f.Severity.String()+" "+f.Message+fix)
	}
	want := []string{
		`style/click-here warning Avoid "Click here"`,
		`style/spelling warning Use "email" instead of "e-mail" fix:Click here to read the email from John Doe on our Web site about synergy, no. 5.`,
		`style/spelling warning Use "Website" instead of "Web site" fix:Click here to read the e-mail from John Doe on our Website about synergy, no. 5.`,
		`custom/reject error "synergy" is on the rejected-words list`,
		`style/numbers warning Write "no. 5" as number`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A custom pattern whose program is too large, or too many custom rules,
// stop the run with the config file, the line and the rule: a short
// pattern with a large counted repeat cost ~50 µs a byte of prose.
func rule(id, pattern string) string {
	return fmt.Sprintf("  - id: %s\n    type: existence\n    pattern: %q\n    message: \"x\"\n", id, pattern)
}

// manyRules is n custom rules of one pattern.
func manyRules(n int, pattern string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(rule(fmt.Sprintf("style/r%d", i), pattern))
	}
	return b.String()
}

func TestCustomRuleBounds(t *testing.T) {
	for _, tt := range []struct {
		name, yml, want string
	}{
		{"a large counted repeat", "custom:\n" + rule("style/ok", `\bno\. [0-9]+`) + rule("style/heavy", `(?:\w+\s+){1,1000}budget`),
			`x.yml:8: custom style/heavy: pattern compiles to 5007 instructions; the limit is 5000`},
		{"too many rules", "custom:\n" + manyRules(MaxCustomRules+1, "a"), "x.yml:2: 201 custom rules; the limit is 200"},
	} {
		_, err := Parse("x.yml", []byte(tt.yml))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	// at the limits, and a pattern of a few hundred instructions, are fine
	if _, err := Parse("x.yml", []byte("custom:\n"+manyRules(MaxCustomRules, `(?:\w+\s+){1,400}budget`))); err != nil {
		t.Errorf("%d rules of 2006 instructions: %v", MaxCustomRules, err)
	}
}

// A costly pattern stops on a file once its work (bytes of prose times
// instructions) would pass MaxPatternWork, with a notice naming the rule and
// the line; what it found before stays, and other rules go on. A cheap
// pattern reads the same file whole.
func TestCustomPatternWorkBound(t *testing.T) {
	f, s := settingsOf(t, `custom:
  - id: style/costly
    type: existence
    pattern: "(?:[a-z]+ ){1,1000}budgetx"
    message: "costly %q"
  - id: style/cheap
    type: existence
    pattern: "\\bTK\\b"
    message: "cheap %q"
`)
	program := f.Custom[0].program
	defer func(w int) { patternWork = w }(patternWork)
	patternWork = 40_000 * program                                                           // (the limit is 1 << 27; the test reads 40 KB)
	head, para := "The budgetx first", strings.Repeat("the budget was set again ", 40)+"TK." // 1,003 bytes
	fit := (patternWork - len(head)*program) / (len(para) * program)                         // paragraphs read whole
	src := "# " + head + "\n\n" + strings.Repeat(para+"\n\n", fit+20)
	res := rules.Run(rules.Config{Rules: s.Rules}, []rules.Source{{Path: "a.md", Data: []byte(src), Settings: s}})
	count := map[string]int{}
	for _, f := range res.Findings {
		count[f.Rule]++
	}
	if count["style/costly"] != 1 || count["style/cheap"] != fit+20 {
		t.Errorf("findings %v, want 1 of the costly rule (before it stopped) and every TK", count)
	}
	var notes []string
	for _, n := range res.Notices {
		if strings.Contains(n.Message, "style/") {
			notes = append(notes, n.String())
		}
	}
	// it stops at the paragraph after the last that fits (lines 3, 5, …)
	want := fmt.Sprintf("a.md: rule style/costly: its pattern stopped at line %d: %d instructions over this file's prose would pass the limit of %d steps a file", 3+2*fit, program, patternWork)
	if len(notes) != 1 || !strings.HasPrefix(notes[0], want) {
		t.Errorf("notices %q, want one starting %q", notes, want)
	}
}
