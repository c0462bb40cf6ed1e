package draft

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// frontMatterBoth reads front matter y with the flat fast path and with
// yaml.v3: whether the fast path took it, and the blocks of each.
func frontMatterBoth(y string) (took bool, fast, slow string) {
	src := []byte("---\n" + y + "\n---\n")
	yStart, yEnd := 4, 4+len(y)+1
	df := &Document{Src: src, Title: -1}
	took = flatFrontMatter(df, yStart, yEnd)
	ds := &Document{Src: src, Title: -1}
	yamlFrontMatter(ds, yStart, yEnd)
	show := func(d *Document) string {
		return fmt.Sprintf("title %d %+v meta %+v", d.Title, d.Blocks, d.Meta)
	}
	return took, show(df), show(ds)
}

func TestFlatFrontMatter(t *testing.T) {
	for _, c := range []struct {
		yaml string
		flat bool // the fast path reads it (else yaml.v3 does)
	}{
		{"title: The council met on Monday\ndate: 2026-09-16\ndescription: A report from Dublin on a pilot scheme.", true},
		{"title: \"Quoted: with a colon\"\nsummary: 'Single quoted, it is prose here'", true},
		{"# a comment\n\ntitle: Größe und “Anführung” in a title\nauthor: Jane Doe", true},
		{"title:\nlayout: post", true},
		{"tags: [a, b]\ntitle: Plain words after a flow list", true},
		{"title: C# and F# are languages", true},
		{"title: 100 ways to cook", false},            // a number first
		{"title: yes", false},                         // a boolean in YAML 1.1
		{"title: a: b", false},                        // not a plain scalar
		{"title: words # and a comment", false},       // a comment
		{"title: \"escaped \\\" quote\"", false},      // an escape
		{"title: 'it''s'", false},                     // a quoted quote
		{"title: one\ntitle: two", false},             // a key twice: yaml.v3 fails
		{"about:\n  content: some words here", false}, // nested
		{"tags:\n- a\n- b", false},                    // a sequence
		{"title: |\n  a literal\n  block", false},     // a block scalar
		{"title: tab\there", false},                   // a tab
		{"title: x\r\nsummary: y", false},             // CRLF
		{"# a comment\rA few words of prose", false},  // a lone CR ends the comment for yaml.v3
		{"\"quoted key\": value here", false},         // a quoted key
		{"title : spaced colon", false},               // space before the colon
		{"title: &anchor value words", false},         // an anchor
		{"title: *alias", false},                      // an alias
		{"title: !!str tagged words", false},          // a tag
		{"author: TK\ntags: [news,  TODO , x]\nbyline: \"[Name]\"\nsource: 'TK Maxx'\nlayout: 2026-09-16", true}, // meta values
		{"tags:\n- TBD\n- \"tk\"\nauthor:\n  name: TK\n  email: \"esc\\\" x\"", false},                           // meta values, nested
		{manyKeys(maxFlatFields), true},
		{manyKeys(maxFlatFields + 1), false}, // more fields than it looks up
	} {
		took, fast, slow := frontMatterBoth(c.yaml)
		if took != c.flat {
			t.Errorf("%q: fast path took it: %v, want %v", c.yaml, took, c.flat)
		}
		if took && fast != slow {
			t.Errorf("%q:\n fast %s\n yaml %s", c.yaml, fast, slow)
		}
	}
}

// The values of published fields that are not prose (author, byline, tags)
// are kept item by item, with their ranges in the source; prose fields and
// other keys are not.
func TestMeta(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"author: TK\ntitle: Words of a title here\nlayout: post", "author=TK"},
		{"tags: [news,  TODO , x]", "tags=news tags=TODO tags=x"},
		{"byline: \"[Reporter name]\"\nsource: 'TK Maxx'", "byline=[Reporter name] source=TK Maxx"},
		{"tags:\n- TBD\n- \"tk\"\nauthor:\n  name: TK\n  email: a@b.c", "tags=TBD tags=tk author.name=TK author.email=a@b.c"},
		{"author: Jane Doe wrote this long byline", "author=Jane Doe wrote this long byline"},
		{"status: TODO\ndescription: TBD\nslug: tk", ""},
		{"author: \"esc \\\" x\"\ntags: [a]", "tags=a"}, // an escape: not as written
	} {
		src := []byte("---\n" + c.yaml + "\n---\n")
		d := Parse("x.md", src, Markdown)
		var got []string
		for _, m := range d.Meta {
			got = append(got, m.Key+"="+string(src[m.Start:m.End]))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: meta %q, want %q", c.yaml, strings.Join(got, " "), c.want)
		}
	}
}

// manyKeys is front matter of n distinct fields, prose ones among them.
func manyKeys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "notes%d: the words of note number %d", i, i)
	}
	return b.String()
}

// Front matter assembled from pieces that sit near the fast path's edges:
// whatever it takes, it reads as yaml.v3 does.
func TestFlatFrontMatterAgreesWithYAML(t *testing.T) {
	keys := []string{"title", "summary", "date", "tags", "notes", "x-y", "a_b", "Title", "desc", "description", "slug", "draft",
		"author", "byline", "Categories"}
	vals := []string{"", "The council met on Monday", "words: with colon", "C# and F#", "a #comment", "2026-09-16", "12:30",
		"1.5", "true", "Yes", "no", "null", "~", "-", "- item", "[a, b]", "[a, [b]]", "[", "]", "{a: b}", "\"quoted words here\"",
		"'single quoted words'", "\"unterminated", "'it''s'", "\"esc \\\" here\"", "“Curly” quotes in a title", "ends with:",
		"?", "? x", "| x", "> x", "&a x", "*a", "!t x", "%x", "@x", "`x`", "/path/to/x", "./x.png", ".inf", "+1", "0x1F",
		"three word value", "é accents first", "tab\tinside", "nbsp\u00a0inside", "\u0085next line", "dots... and more",
		"= sign", "<b>bold</b> words here", "100 ways to do it", "a, b, c"}
	extra := []string{"", "# comment", "  indented: x", "- item", "key", "...", "title: dup", " ", "k: v"}
	r := rand.New(rand.NewPCG(3, 4))
	took := 0
	for n := 0; n < 30000; n++ {
		var lines []string
		for k := 1 + r.IntN(4); k > 0; k-- {
			if r.IntN(8) == 0 {
				lines = append(lines, extra[r.IntN(len(extra))])
				continue
			}
			sep := ": "
			switch r.IntN(10) {
			case 0:
				sep = ":"
			case 1:
				sep = ":  "
			}
			lines = append(lines, keys[r.IntN(len(keys))]+sep+vals[r.IntN(len(vals))])
		}
		y := strings.Join(lines, "\n")
		ok, fast, slow := frontMatterBoth(y)
		if ok {
			took++
			if fast != slow {
				t.Fatalf("%q:\n fast %s\n yaml %s", y, fast, slow)
			}
		}
	}
	if took < 3000 {
		t.Errorf("the fast path took only %d of 30000", took)
	}
}
