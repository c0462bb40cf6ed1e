package placeholder

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
)

// bracketMarkersByByte is bracketMarkers without the skip to the openers:
// every byte is looked at.
func bracketMarkersByByte(f draft.Format, t string) []hit {
	var hits []hit
	for i := 0; i < len(t); i++ {
		if h, ok := bracketAt(f, t, i); ok {
			hits = append(hits, h)
			i = h.end - 1
		}
	}
	return hits
}

// The skip to the openers finds what looking at every byte finds, on texts
// dense with brackets, nested, unclosed and next to each other.
func TestBracketMarkersSkip(t *testing.T) {
	pieces := []string{"[", "]", "<", ">", "{", "}", "{{", "}}", "{%", "%}", "INSERT QUOTE", "Name", "name",
		"first_name", " ", "x", "the", "TK", "\n", "é", "include", "1", "[INSERT QUOTE]", "<Name>", "{{name}}", "a<b"}
	r := rand.New(rand.NewSource(7))
	for n := range 20000 {
		var b strings.Builder
		for range r.Intn(40) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		for _, f := range []draft.Format{draft.Markdown, draft.Text} {
			got, want := bracketMarkers(f, text), bracketMarkersByByte(f, text)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d %q (%v): got %v, want %v", n, text, f, got, want)
			}
		}
	}
}
