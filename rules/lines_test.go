package rules_test

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

// --max-lines counts every line end, a lone CR included (a file saved with
// CR line ends was one line, and a million of them were parsed), in
// Markdown and plain text alike.
func TestMaxLinesCountsEveryLineEnd(t *testing.T) {
	for _, path := range []string{"f.md", "f.txt"} {
		for _, nl := range []string{"\n", "\r\n", "\r"} {
			for _, tt := range []struct {
				lines   int
				skipped bool
			}{{10, false}, {11, true}} {
				src := strings.Repeat("# A line TK"+nl, tt.lines)
				res := rules.Run(rules.Config{MaxLines: 10}, []rules.Source{{Path: path, Data: []byte(src)}})
				skipped := len(res.Notices) == 1 && res.Notices[0].Message == "skipped: 11 lines, more than the 10-line limit (--max-lines)"
				if skipped != tt.skipped || res.Files == 1 == tt.skipped {
					t.Errorf("%s, %d lines ending %q: files linted %d, notices %v; want skipped %v", path, tt.lines, nl, res.Files, res.Notices, tt.skipped)
				}
			}
		}
	}
}
