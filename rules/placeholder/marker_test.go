package placeholder_test

import (
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

func TestMarker(t *testing.T) {
	rulestest.Run(t, "testdata/marker", "placeholder/marker")
}

func TestDummyContact(t *testing.T) {
	rulestest.Run(t, "testdata/dummy", "placeholder/dummy-contact")
}

// A marker in JSON front matter's title or author is reported where it
// stands (columns in characters); a "{" line that is not JSON is the body.
func TestMarkerJSONFrontMatter(t *testing.T) {
	for _, c := range []struct {
		src  string
		want [][2]int // line, column of each finding
	}{
		{"{\n  \"title\": \"Größe: TK\",\n  \"draft\": true\n}\n\nThe council met.\n", [][2]int{{2, 20}}},
		{"{\r\n\"date\": \"2025-01-01\", \"author\": \"TBD\"\r\n}\r\nThe council met.\r\n", [][2]int{{2, 34}}},
		{"{\n\"title\": \"The council met\"\n}\n\nText here. [INSERT QUOTE]\n", [][2]int{{5, 12}}},
		// escapes are not read; nested values are not read
		{"{\n\"title\": \"\\u0054K\",\n\"params\": {\"author\": \"TK\"}\n}\nThe council met.\n", nil},
	} {
		res := rules.Run(rules.Config{Rules: rulestest.Select(t, "placeholder/marker")}, []rules.Source{{Path: "post.md", Data: []byte(c.src)}})
		var got [][2]int
		for _, f := range res.Findings {
			got = append(got, [2]int{f.Line, f.Column})
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: findings at %v, want %v", c.src, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: finding at %v, want %v", c.src, got[i], c.want[i])
			}
		}
	}
}
