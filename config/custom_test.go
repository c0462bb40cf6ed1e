package config

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

func TestCustomRulesAndWords(t *testing.T) {
	f, err := Parse("x.yml", []byte(`
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
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.Settings(Flags{})
	if err != nil {
		t.Fatal(err)
	}
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
