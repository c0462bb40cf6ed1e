package draft

import (
	"encoding/json"
	"testing"
)

// JSON front matter (Hugo's: a "{" line, an object, a "}" line) is read for
// its top-level string fields without escapes, each block's text standing at
// its exact place and equal to what encoding/json reads; the body is
// Markdown from the line after the "}". A "{" that does not open such an
// object is the body's first line.
func TestJSONFrontMatter(t *testing.T) {
	for _, c := range []struct {
		src       string
		want      map[string]string // key → text of its prose block
		meta      map[string]string // key → meta value
		bodyStart int               // -1: the line after the "}"
	}{
		{"{\n  \"title\": \"Night buses return\",\n  \"date\": \"2025-01-01\"\n}\n\n# Body\n",
			map[string]string{"title": "Night buses return"}, nil, -1},
		{"{\r\n\"description\" : \"A report.\", \"title\":\"Größe und “Anführung”\",\r\n\"author\": \"TK\"\r\n}\r\nBody text.\r\n",
			map[string]string{"description": "A report.", "title": "Größe und “Anführung”"}, map[string]string{"author": "TK"}, -1},
		// escapes, nested values and non-strings are not read
		{"{\n\"title\": \"Escaped \\\" quote\",\n\"summary\": \"caf\\u00e9\"\n}\nBody.\n", map[string]string{}, nil, -1},
		{"{\n\"params\": {\"title\": \"Nested\", \"x\": [\"title\", \"y\"]},\n\"tags\": [\"TODO\"],\n\"title\": \"After nesting\"\n}\nBody.\n",
			map[string]string{"title": "After nesting"}, nil, -1},
		{"{\n\"title\": \"Once\", \"title\": \"Twice\", \"summary\": \"One\", \"summary\": 2\n}\n", map[string]string{}, nil, -1},
		{"{\n\"title\": 3, \"subtitle\": null, \"description\": \"Read\"\n}\n", map[string]string{"description": "Read"}, nil, -1},
		// a key that reads like a value
		{"{\n\"description\": \"title\", \"title\": \"description\"\n}\n", map[string]string{"description": "title", "title": "description"}, nil, -1},
		// hard negatives: not front matter
		{"{{< figure src=\"a.png\" >}}\n\n# Night buses\n", nil, nil, 0},
		{"{note} Night buses return.\n", nil, nil, 0},
		{"{\nNight buses return to the old town.\n}\n", nil, nil, 0},
		{"{\n\"title\": \"Unclosed\"\n", nil, nil, 0},
		{"{\n\"title\": \"Brace shares its line\"}\n\nBody.\n", nil, nil, 0},
		{"{\n\"title\": \"Text after the brace\"\n} more\n", nil, nil, 0},
		{"{ \"title\": \"On the first line\"\n}\n", nil, nil, 0},
		{"{\n\"title\": \"Trailing comma\",\n}\n", nil, nil, 0},
	} {
		d := Parse("post.md", []byte(c.src), Markdown)
		got := map[string]string{}
		for _, b := range d.Blocks {
			if b.Kind != FrontMatter {
				continue
			}
			got[b.Field] = b.Text
			if c.src[b.Start:b.End] != b.Text {
				t.Errorf("%q: block %q stands at %q", c.src, b.Text, c.src[b.Start:b.End])
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: blocks %v, want %v", c.src, got, c.want)
		}
		meta := map[string]string{}
		for _, m := range d.Meta {
			meta[m.Key] = c.src[m.Start:m.End]
		}
		if len(meta) != len(c.meta) {
			t.Errorf("%q: meta %v, want %v", c.src, meta, c.meta)
		}
		for k, v := range c.meta {
			if meta[k] != v {
				t.Errorf("%q: meta %s = %q, want %q", c.src, k, meta[k], v)
			}
		}
		var parsed map[string]any
		err := json.Unmarshal([]byte(c.src[:max(d.BodyStart, 0)]), &parsed)
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%q: %s = %q, want %q", c.src, k, got[k], v)
			}
			if err != nil || parsed[k] != v {
				t.Errorf("%q: %s = %q, but JSON reads %q (%v)", c.src, k, v, parsed[k], err)
			}
		}
		if c.want["title"] != "" && (d.Title < 0 || d.Blocks[d.Title].Text != c.want["title"]) {
			t.Errorf("%q: the title is not the front matter's", c.src)
		}
		want := c.bodyStart
		if want < 0 {
			want = len(c.src) - len(c.src[indexLine(c.src, "}")+1:])
		}
		if d.BodyStart != want {
			t.Errorf("%q: body starts at %d, want %d", c.src, d.BodyStart, want)
		}
		if c.bodyStart == 0 && len(d.Blocks) == 0 {
			t.Errorf("%q: no body blocks", c.src)
		}
	}
}

// indexLine is the offset of the line end after the first line of s that
// starts with prefix.
func indexLine(s, prefix string) int {
	for off := 0; off < len(s); {
		e := off
		for e < len(s) && s[e] != '\n' {
			e++
		}
		if len(s[off:e]) >= len(prefix) && s[off:off+len(prefix)] == prefix {
			return e
		}
		off = e + 1
	}
	return len(s)
}
