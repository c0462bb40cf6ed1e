package placeholder

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/draftlint/draftlint/draft"
)

// bracketMarkersByByte is bracketMarkers as it was before it skipped to the
// openers with IndexByte: every byte looked at.
func bracketMarkersByByte(f draft.Format, t string) []hit {
	var hits []hit
	for i := 0; i < len(t); i++ {
		c := t[i]
		var closeS string
		switch c {
		case '[':
			closeS = "]"
		case '<':
			closeS = ">"
		case '{':
			if i+1 < len(t) && (t[i+1] == '{' || t[i+1] == '%') {
				if t[i+1] == '{' {
					closeS = "}}"
				} else {
					closeS = "%}"
				}
			} else {
				continue
			}
		default:
			continue
		}
		open := 1
		if c == '{' {
			open = 2
		}
		j := strings.Index(t[i+open:min(len(t), i+open+120+len(closeS))], closeS)
		if j < 0 || j > 120 {
			continue
		}
		inner := t[i+open : i+open+j]
		end := i + open + j + len(closeS)
		var why string
		switch c {
		case '[':
			why = bracketNote(inner)
		case '<':
			if i > 0 && (unicode.IsLetter(lastRune(t[:i])) || unicode.IsDigit(lastRune(t[:i]))) {
				continue
			}
			if angleName(inner) {
				why = "A bracketed name stands in for the real one."
			}
		case '{':
			why = templateLeftover(f, inner, t[i+1] == '%')
		}
		if why != "" {
			hits = append(hits, hit{i, end, why})
			i = end - 1
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
