// Package all registers every rule family; import it for its side effect.
package all

import (
	_ "github.com/draftlint/draftlint/rules/claim"       // claim family
	_ "github.com/draftlint/draftlint/rules/contact"     // contact family
	_ "github.com/draftlint/draftlint/rules/frontmatter" // draft/front-matter
	_ "github.com/draftlint/draftlint/rules/headline"    // headline family
	_ "github.com/draftlint/draftlint/rules/moderation"  // moderation family
	_ "github.com/draftlint/draftlint/rules/placeholder" // placeholder family
)
