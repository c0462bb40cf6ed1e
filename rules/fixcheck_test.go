package rules

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
)

// TestVetFixes: a fix offered by any rule is checked against the draft's
// markup. The finding covers the text between « and »; its fix deletes
// (or replaces with repl) the text between ‹ and › (the whole finding when
// there are none).
func TestVetFixes(t *testing.T) {
	tests := []struct {
		name, file, in, repl string
		want                 string // the text after the fix; "" = the fix is withheld
	}{
		{"plain sentence deleted", "a.md", "Real. «‹Lorem ipsum. ›»Real.\n", "", "Real. Real.\n"},
		{"yaml read as text: the key stays", "home.yml", "title: «‹\"Lorem ipsum dolor\"›»\nsub: x\n", "", "title: \nsub: x\n"},
		{"yaml read as text: a fix that swallows a key is withheld", "home.yml", "«‹title: \"Lorem ipsum dolor\"\n›»sub: x\n", "", ""},
		{"toml read as text: a table header is never deleted", "hugo.toml", "«‹[params.recent_posts]\nLorem ipsum dolor›»\n", "", ""},
		{"astro read as text: a component tag is never deleted", "page.astro", "<Layout>«‹Lorem ipsum dolor sit amet.›»</Layout>\n", "", "<Layout></Layout>\n"},
		{"astro read as text: a fix taking a component is withheld", "page.astro", "«‹<Layout>Lorem ipsum dolor sit amet.›»</Layout>\n", "", ""},
		{"liquid tag in Markdown is never deleted", "a.md", "Real.\n\n«‹Lorem ipsum dolor. {% endcapture %}›»\n", "", ""},
		{"liquid tag: a replacement inside it is withheld", "a.md", "Hi {{ «‹web site›» }} there.\n", "website", ""},
		{"a paragraph deleted between two lists would merge them", "a.md", "- a\n- b\n\n«‹Lorem ipsum dolor.\n\n›»- c\n", "", ""},
		{"a paragraph deleted between two paragraphs", "a.md", "A.\n\n«‹Lorem ipsum dolor.\n\n›»B.\n", "", "A.\n\nB.\n"},
		{"a line deleted from a setext heading", "a.md", "Real text\n«‹Lorem ipsum.\n›»---\n", "", "Real text\n---\n"},
		{"deleting a paragraph's first line keeps it a paragraph", "a.md", "«‹Lorem ipsum dolor.\n›»Real words here.\n", "", "Real words here.\n"},
		{"a deletion that turns prose into a list is withheld", "a.md", "Real words «‹here. Lorem ipsum›»\n- x\n", "", "Real words \n- x\n"},
		{"a deletion across two paragraphs is withheld", "a.md", "Real «‹words.\n\nLorem›» ipsum.\n", "", ""},
		{"HTML: a deletion taking one tag of a pair takes both", "a.html", "<p>Real. «‹<b>Lorem ipsum.›»</b> Real.</p>\n", "", "<p>Real. Real.</p>\n"},
		{"MDX: a JSX expression is never deleted", "a.mdx", "Real.\n\n«‹Lorem ipsum {frontmatter.title} dolor.\n›»\nReal.\n", "", ""},
		{"MDX: a JSX component is never deleted", "a.mdx", "Real.\n\n«‹<Card>Lorem ipsum dolor.</Card>\n›»\nReal.\n", "", ""},
		{"MDX: prose inside a component may go", "a.mdx", "Real.\n\n<Card>«‹Lorem ipsum dolor.›»</Card> Real.\n", "", "Real.\n\n<Card></Card> Real.\n"},
		{"a deletion of a word outside the finding is withheld", "a.md", "Real ‹words «Lorem ipsum.»›\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, fOff, fEnd, eOff, eEnd := marks(t, tt.in)
			d := draft.Parse(tt.file, src, draft.FormatFor(tt.file))
			fs := []Finding{{Rule: "x/y", Offset: fOff, EndOffset: fEnd, Fixes: []Fix{{Description: "fix", Edits: []Edit{{Offset: eOff, EndOffset: eEnd, NewText: tt.repl}}}}}}
			VetFixes(d, fs)
			if tt.want == "" {
				if len(fs[0].Fixes) > 0 {
					t.Errorf("fix offered, giving %q; want none", ApplyFixes(src, fs).Out)
				}
				return
			}
			if len(fs[0].Fixes) == 0 {
				t.Fatalf("fix withheld; want %q", tt.want)
			}
			if got := string(ApplyFixes(src, fs).Out); got != tt.want {
				t.Errorf("fixed %q, want %q", got, tt.want)
			}
		})
	}
}

// marks takes the «» and ‹› marks out of s and returns their offsets.
func marks(t *testing.T, s string) (src []byte, fOff, fEnd, eOff, eEnd int) {
	t.Helper()
	eOff, eEnd = -1, -1
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '«':
			fOff = b.Len()
		case '»':
			fEnd = b.Len()
		case '‹':
			eOff = b.Len()
		case '›':
			eEnd = b.Len()
		default:
			b.WriteRune(r)
		}
	}
	if eOff < 0 {
		eOff, eEnd = fOff, fEnd
	}
	return []byte(b.String()), fOff, fEnd, eOff, eEnd
}

func TestVetFixesRuneBoundary(t *testing.T) {
	src := []byte("Réal words\n")
	d := draft.Parse("a.md", src, draft.Markdown)
	in := strings.Index(string(src), "é") + 1 // inside é
	fs := []Finding{{Rule: "x/y", Offset: in, EndOffset: in + 3, Fixes: []Fix{{Edits: []Edit{{Offset: in, EndOffset: in + 3}}}}}}
	VetFixes(d, fs)
	if len(fs[0].Fixes) > 0 {
		t.Errorf("an edit inside a character was offered: %q", ApplyFixes(src, fs).Out)
	}
}

func TestApart(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{" rest.\n\nA block.\n\nNext", true},
		{" rest.\n\nNext", false},                 // one blank line: the next block may be what an edit changes
		{" rest.\n\n\n\nNext", false},             // blank lines with nothing between
		{" rest.\n  \nA block.\n \t\nNext", true}, // white space on the blank lines
		{" rest.\nA line.\nNext", false},
	}
	for _, tt := range tests {
		if got := apart(blankRuns([]byte(tt.p)), 0, len(tt.p)); got != tt.want {
			t.Errorf("apart(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

// TestVetFixesAcross: a rule that compares files gets its fixes checked
// too.
func TestVetFixesAcross(t *testing.T) {
	r := &Rule{ID: "test/across", Across: func() func(*AcrossPass) {
		return func(p *AcrossPass) {
			// a replacement across emphasis: it would leave "website**"
			p.Report(Finding{Offset: 4, EndOffset: 14, Message: "x", Fixes: []Fix{{Edits: []Edit{{Offset: 4, EndOffset: 14, NewText: "website"}}}}})
		}
	}, Run: func(p *Pass) { p.Export(1) }}
	src := []byte("Our web **site** today.\n")
	res := Run(Config{Rules: []*Rule{r}, Workers: 1}, []Source{{Path: "a.md", Data: src}})
	if len(res.Findings) != 1 {
		t.Fatalf("%d findings", len(res.Findings))
	}
	if len(res.Findings[0].Fixes) > 0 {
		t.Errorf("a fix that cuts markup was offered: %q", ApplyFixes(src, res.Findings).Out)
	}
}
