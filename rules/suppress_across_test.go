package rules_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
)

// titleAcross reports a document whose title an earlier document had, on
// that title, from its Across function: a rule that compares files.
func titleAcross() *rules.Rule {
	return &rules.Rule{ID: "test/same-title", Category: "test", Severity: rules.Warning,
		Run: func(p *rules.Pass) {
			for i := range p.Doc.Blocks {
				if b := &p.Doc.Blocks[i]; b.Kind == draft.Heading {
					f := rules.Finding{Offset: b.Src(0), EndOffset: b.SrcEnd(len(b.Text)), Message: b.Text}
					rules.Locate(p.Doc, &f)
					p.Export(f)
					return
				}
			}
		},
		Across: func() func(*rules.AcrossPass) {
			seen := map[string]bool{}
			return func(p *rules.AcrossPass) {
				for _, fact := range p.Facts {
					f := fact.(rules.Finding)
					if seen[f.Message] {
						p.Report(f)
					}
					seen[f.Message] = true
				}
			}
		}}
}

// Findings of rules that compare files obey the suppression comments and
// the accepted words of the file they are reported in, like any other, and
// a comment that hides only such a finding is not reported as unused.
func TestAcrossFindingsSuppressed(t *testing.T) {
	const first = "# Council approves budget\n\nThe council met.\n"
	cases := []struct {
		name   string
		second string
		accept []string
		want   []string // rule and line of each finding in b.md
	}{
		{"no comment", "# Council approves budget\n\nAgain.\n",
			nil, []string{"test/same-title:1"}},
		{"the file, by rule", "<!-- draftlint-disable-file test/same-title -->\n# Council approves budget\n",
			nil, nil},
		{"the file, by category", "<!-- draftlint-disable-file test -->\n# Council approves budget\n",
			nil, nil},
		{"the next line", "<!-- draftlint-disable-next-line -->\n# Council approves budget\n",
			nil, nil},
		{"a region", "<!-- draftlint-disable test -->\n# Council approves budget\n<!-- draftlint-enable test -->\n",
			nil, nil},
		{"another rule: reported, and the comment with it", "<!-- draftlint-disable-file placeholder -->\n# Council approves budget\n",
			nil, []string{"draftlint/unused-suppression:1", "test/same-title:2"}},
		{"another line: reported, and the comment with it", "# Council approves budget\n\nText.\n<!-- draftlint-disable-next-line -->\nMore text.\n",
			nil, []string{"test/same-title:1", "draftlint/unused-suppression:4"}},
		{"an accepted word", "# Council approves budget\n",
			[]string{"approves budget"}, nil},
		{"an accepted word elsewhere", "# Council approves budget\n",
			[]string{"parliament"}, []string{"test/same-title:1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set := &rules.Settings{Rules: []*rules.Rule{titleAcross()}, Accept: c.accept}
			srcs := []rules.Source{
				{Path: "a.md", Data: []byte(first), Settings: set},
				{Path: "b.md", Data: []byte(c.second), Settings: set},
			}
			for _, drop := range []bool{false, true} {
				cfg := rules.Config{Rules: set.Rules, ReportUnused: true, DropSources: drop}
				var got []string
				rules.Stream(cfg, srcs, func(r *rules.FileResult) bool {
					for _, f := range r.Findings {
						if f.File != r.Path || r.Path != "b.md" {
							t.Errorf("finding in %s handed on with %s", f.File, r.Path)
						}
						got = append(got, f.Rule+":"+strconv.Itoa(f.Line))
					}
					return true
				})
				if strings.Join(got, " ") != strings.Join(c.want, " ") {
					t.Errorf("DropSources %v: got %q, want %q", drop, got, c.want)
				}
			}
		})
	}
}
