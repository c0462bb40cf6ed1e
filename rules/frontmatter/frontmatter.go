// Package frontmatter holds the rule that reports front matter that cannot
// be read: its fields (a title, a byline) are then not linted at all, and a
// site generator will refuse the page or publish it without them.
package frontmatter

import (
	"github.com/draftlint/draftlint/rules"
)

func init() {
	rules.Register(&rules.Rule{
		ID:       "draft/front-matter",
		Category: "draft",
		Doc:      "YAML front matter that cannot be parsed (its fields go unchecked; the body is still linted)",
		Explanation: "The block between the opening and closing --- lines is not valid YAML, so none of its fields " +
			"(title, description, author, tags) could be read or checked, and a site generator will reject the page " +
			"or publish it without them. The finding names the line the YAML parser stopped at: mend the syntax " +
			"there (quote a value holding a colon followed by a space, or starting with a quote, @, ` or %; " +
			"indent with spaces, not tabs; close every quote and bracket).",
		Severity: rules.Error,
		Run: func(p *rules.Pass) {
			if e := p.Doc.FrontMatterErr; e != nil {
				p.Reportf(e.Offset, e.EndOffset, "front matter is not valid YAML: %s; its fields were not linted", e.Message)
			}
		},
	})
}
