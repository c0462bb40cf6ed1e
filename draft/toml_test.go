package draft

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TOML front matter's top-level one-line strings are read, each block's
// text standing at its exact place in the source and equal to what a TOML
// parser (BurntSushi/toml) reads; values with escapes, multi-line strings
// and keys inside tables are not read.
func TestTOMLFrontMatter(t *testing.T) {
	for _, c := range []struct {
		toml string
		want map[string]string // key → text of its block
	}{
		{"title = \"Night buses return\"\ndate = 2025-01-01", map[string]string{"title": "Night buses return"}},
		{"title='Literal: C:\\path'  # a comment\ndescription = \"A report.\"", map[string]string{"title": "Literal: C:\\path", "description": "A report."}},
		{"  title   =   \"Spaced out\"\r\nslug = \"night-buses\"", map[string]string{"title": "Spaced out"}},
		{"title = \"Escaped \\\" quote\"", map[string]string{}},
		{"title = \"\"\"\nMulti-line\"\"\"", map[string]string{}},
		{"draft = true\n[params]\ntitle = \"In a table\"", map[string]string{}},
		{"title = \"Größe und “Anführung”\"", map[string]string{"title": "Größe und “Anführung”"}},
		{"title = \"unclosed", map[string]string{}},
		{"title = \"Trailing junk\" x", map[string]string{}},
	} {
		src := "+++\n" + c.toml + "\n+++\n\nBody text.\n"
		d := Parse("post.md", []byte(src), Markdown)
		got := map[string]string{}
		for _, b := range d.Blocks {
			if b.Kind != FrontMatter {
				continue
			}
			got[b.Field] = b.Text
			if src[b.Start:b.End] != b.Text {
				t.Errorf("%q: block %q stands at %q", c.toml, b.Text, src[b.Start:b.End])
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: blocks %v, want %v", c.toml, got, c.want)
		}
		var parsed map[string]any
		_, err := toml.Decode(strings.ReplaceAll(c.toml, "\r", ""), &parsed)
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%q: %s = %q, want %q", c.toml, k, got[k], v)
			}
			if err == nil && parsed[k] != v {
				t.Errorf("%q: %s = %q, but TOML reads %q", c.toml, k, v, parsed[k])
			}
		}
		if c.want["title"] != "" && (d.Title < 0 || d.Blocks[d.Title].Text != c.want["title"]) {
			t.Errorf("%q: the title is not the front matter's", c.toml)
		}
	}
}
