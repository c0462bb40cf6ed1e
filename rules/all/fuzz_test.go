package all_test

import (
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/rules"
)

// FuzzLint runs every rule on arbitrary input in each format: no panic (a
// rule that panics becomes a notice, which fails here), every finding
// inside the document and on character boundaries, and line/column in
// agreement with the offsets.
func FuzzLint(f *testing.F) {
	for _, s := range []string{
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nHirtenstraße 19, 10178 Berlin\n(+44) 871.075.0336\n",
		"# A\n\n## A\n\nFor the first time, every city won. TK [INSERT QUOTE] {{name}} XX% 555-0123 example.com\n",
		"<title>x</title><h1>x</h1><p>Call +1 212 736 3100, New York, NY 10118.</p>",
		"---\ntitle: T\n---\n# T\n\n> quote\n\n| a |\n|---|\n| TBD |\n",
	} {
		for _, ext := range []string{"md", "html", "txt"} {
			f.Add([]byte(s), ext)
		}
	}
	all := rules.All()
	f.Fuzz(func(t *testing.T, src []byte, ext string) {
		name := "f." + ext
		res := rules.Run(rules.Config{Rules: all, KeepDocs: true, Workers: 1}, []rules.Source{{Path: name, Data: src}})
		for _, n := range res.Notices {
			if n.Message != "skipped: binary file (NUL byte in its first 8 KB)" && n.Message != "skipped: UTF-16 text; save it as UTF-8 to lint it" {
				t.Fatalf("notice: %s", n)
			}
		}
		doc := res.Docs[name]
		for _, fd := range res.Findings {
			if fd.Offset < 0 || fd.EndOffset > len(src) || fd.Offset > fd.EndOffset {
				t.Fatalf("%s: offsets %d-%d outside %d bytes", fd.Rule, fd.Offset, fd.EndOffset, len(src))
			}
			for _, o := range []int{fd.Offset, fd.EndOffset} {
				if o < len(src) && utf8.Valid(src) && !utf8.RuneStart(src[o]) {
					t.Fatalf("%s: offset %d inside a character", fd.Rule, o)
				}
			}
			if doc == nil {
				continue
			}
			if p := doc.Position(fd.Offset); p.Line != fd.Line || p.Column != fd.Column {
				t.Fatalf("%s: %d:%d but offset %d is %d:%d", fd.Rule, fd.Line, fd.Column, fd.Offset, p.Line, p.Column)
			}
			for _, fx := range fd.Fixes {
				for _, e := range fx.Edits {
					if e.Offset < 0 || e.EndOffset > len(src) || e.Offset > e.EndOffset {
						t.Fatalf("%s: fix edit %d-%d outside the file", fd.Rule, e.Offset, e.EndOffset)
					}
				}
			}
		}
	})
}
