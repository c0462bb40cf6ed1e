package draft

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// checkDoc asserts the invariants every parse must keep: blocks, segments,
// sentences and links point inside the source, and positions agree with
// offsets.
func checkDoc(t *testing.T, d *Document) {
	t.Helper()
	n := len(d.Src)
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Start < 0 || b.End > n || b.Start > b.End {
			t.Fatalf("block %d range %d-%d outside 0-%d", i, b.Start, b.End, n)
		}
		for _, s := range b.Segs {
			if s.Src < 0 || s.Src+s.SrcLen > n || s.Text < 0 || s.Text+s.TextLen > len(b.Text) {
				t.Fatalf("block %d segment %+v outside source %d / text %d", i, s, n, len(b.Text))
			}
			if s.TextLen == s.SrcLen && !s.Atomic {
				// verbatim, but for masked URLs
				tx, sx := b.Text[s.Text:s.Text+s.TextLen], d.Src[s.Src:s.Src+s.SrcLen]
				for k := 0; k < len(tx); k++ {
					if tx[k] != sx[k] && tx[k] != ' ' {
						t.Fatalf("block %d: verbatim segment %q does not match source %q", i, tx, sx)
					}
				}
			}
		}
		for k := 0; k <= len(b.Text); k++ {
			if o := b.Src(k); o < 0 || o > n {
				t.Fatalf("block %d: text offset %d maps to %d", i, k, o)
			}
			if o := b.SrcEnd(k); o < 0 || o > n {
				t.Fatalf("block %d: text end %d maps to %d", i, k, o)
			}
		}
		for _, s := range b.Sentences {
			if s.Start < 0 || s.End > len(b.Text) || s.Start >= s.End {
				t.Fatalf("block %d: sentence %+v outside text of %d", i, s, len(b.Text))
			}
		}
		for _, l := range b.Links {
			if l.Start < 0 || l.End > n || l.Start > l.End {
				t.Fatalf("block %d: link %+v outside source", i, l)
			}
		}
	}
	for _, m := range d.Meta {
		if m.Start < d.bom || m.End > d.BodyStart || m.Start >= m.End || !utf8.RuneStart(d.Src[m.Start]) ||
			m.End < n && !utf8.RuneStart(d.Src[m.End]) {
			t.Fatalf("meta %+v outside the front matter (body at %d) or not on rune boundaries", m, d.BodyStart)
		}
	}
	// positions: the line is the count of line breaks before the offset
	for _, off := range []int{0, n / 3, n / 2, n} {
		p := d.Position(off)
		line := 1
		for i := 0; i < off; i++ {
			if d.Src[i] == '\n' || d.Src[i] == '\r' && (i+1 >= n || d.Src[i+1] != '\n') {
				line++
			}
		}
		if p.Line != line || p.Column < 1 {
			t.Fatalf("Position(%d) = %+v, want line %d", off, p, line)
		}
	}
}

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "\n", "# Title\n\nText with **bold** and `code` and [link](http://x.org).\n",
		"---\ntitle: T\ndescription: |\n  a\n  b\n---\n# H\n", "---\ntitle: \"q\\\"x\"\n---\n", "---\n: [\n---\n",
		"<p>Fish &amp; chips</p><title>T</title><script>x</script>", "<a href='x'>y</a><img alt=\"z\">",
		"Title\r\n\r\n• item\r\n  more\r\nbody\rline", "\ufeff\xff\xfe# x", "| a | b |\n|---|---|\n| TBD | y |\n",
		"> > > deep\n- - - list\n", "---\rtitle: T\r---\r# H\r\rA <Your\rName> `co\rde` *x\ry*\r- i\r  j\r", "<!-- draftlint-disable -->\nx\n", "Dr. J. K. Rowling said “Stop!” He left…",
	} {
		f.Add([]byte(s))
	}
}

func FuzzMarkdown(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) { checkDoc(t, Parse("f.md", src, Markdown)) })
}

func FuzzHTML(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) { checkDoc(t, Parse("f.html", src, HTML)) })
}

func FuzzText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) { checkDoc(t, Parse("f.txt", src, Text)) })
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"title: x", "author: TK\ntags: [a, TODO]", "tags:\n- TBD\n- 'x'\nauthor:\n  name: \"TK\"", "title: |\n  a\n  b", "a:\n  b:\n    content: some words here", "title: 'it''s'", "- a\n- b", "title: \"\\u00e9t\\u00e9\"", `"title": "x", "author": "TK"`, `"a": {"title": "y"}, "description": "some words", "tags": ["TODO"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, yaml string) {
		if !utf8.ValidString(yaml) {
			return
		}
		checkDoc(t, Parse("f.md", []byte("---\n"+yaml+"\n---\n\n# Body\n"), Markdown))
		// the flat fast path reads what it takes as yaml.v3 does
		if took, fast, slow := frontMatterBoth(yaml); took && fast != slow {
			t.Fatalf("%q:\n fast %s\n yaml %s", yaml, fast, slow)
		}
		// the same text as the inside of JSON front matter: what is read
		// is what encoding/json reads
		src := "{\n" + yaml + "\n}\n\n# Body\n"
		d := Parse("f.md", []byte(src), Markdown)
		checkDoc(t, d)
		var parsed map[string]any
		if err := json.Unmarshal([]byte(src[:d.BodyStart]), &parsed); d.BodyStart > 0 && err != nil {
			t.Fatalf("%q: front matter that JSON does not read: %v", src, err)
		}
		for _, b := range d.Blocks {
			if b.Kind == FrontMatter && parsed[b.Field] != b.Text {
				t.Fatalf("%q: %s = %q, JSON reads %q", src, b.Field, b.Text, parsed[b.Field])
			}
		}
		for _, m := range d.Meta {
			if parsed[m.Key] != src[m.Start:m.End] {
				t.Fatalf("%q: %s = %q, JSON reads %q", src, m.Key, src[m.Start:m.End], parsed[m.Key])
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	f.Add("Dr. Smith met Mr. Jones. It rained… but “no.” Yes?!", false)
	f.Fuzz(func(t *testing.T, s string, lines bool) {
		prev := 0
		for _, sp := range Sentences(s, lines) {
			if sp.Start < prev || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
