package frontmatter_test

import (
	"testing"

	_ "github.com/draftlint/draftlint/rules/placeholder" // the marker rule, on the body
	"github.com/draftlint/draftlint/rules/rulestest"
)

// Front matter that YAML cannot read is reported on the line the parser
// names, and the body is still linted (the marker rule runs beside it).
func TestFrontMatter(t *testing.T) {
	rulestest.Run(t, "testdata", "draft/front-matter", "placeholder/marker")
}
