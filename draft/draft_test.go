package draft

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// locate finds word in the prose of d and returns its source offset
// through the block's mapping (never by searching the source).
func locate(t *testing.T, d *Document, word string) (int, *Block) {
	t.Helper()
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if k := strings.Index(b.Text, word); k >= 0 {
			return b.Src(k), b
		}
	}
	t.Fatalf("%q not in any prose block of %s", word, d.Path)
	return 0, nil
}

func TestOffsets(t *testing.T) {
	tests := []struct {
		name, path, src, word string
		line, col             int
	}{
		{"md heading", "a.md", "# Größe des Hafens\n\nText.\n", "Hafens", 1, 13},
		{"md after front matter", "a.md", "---\ntitle: Über alles\ndate: 2024-01-01\n---\n\nDer Zug fährt **schnell** ab.\n", "schnell", 6, 17},
		{"md front matter title", "a.md", "---\ntitle: Über alles\n---\n", "alles", 2, 13},
		{"md quoted front matter", "a.md", "---\ntitle: \"Straße frei\"\n---\n", "frei", 2, 16},
		{"md block scalar", "a.md", "---\ndescription: |\n  Erste Zeile.\n  Zweite Zeile.\n---\n", "Zweite", 4, 3},
		{"md CRLF", "a.md", "# Title\r\n\r\nFirst line\r\nsecond ünïcode word\r\n", "word", 4, 16},
		{"md list item", "a.md", "- alpha\n- beta gamma\n", "gamma", 2, 8},
		{"md link text", "a.md", "See [the report](https://x.org/r) now.\n", "report", 1, 10},
		{"md table cell", "a.md", "| a | b |\n|---|---|\n| x | TBD |\n", "TBD", 3, 7},
		{"md emoji before", "a.md", "😀 café ok\n", "ok", 1, 8},
		{"md BOM", "a.md", "\ufeff# Head\n", "Head", 1, 3},
		{"md blockquote", "a.md", "> quoted *text* here\n", "here", 1, 17},
		{"html paragraph", "a.html", "<html><body>\n<p>Hello <b>wörld</b> again</p>\n</body></html>", "again", 2, 23},
		{"html entity", "a.html", "<p>Fish &amp; chips for all</p>", "chips", 1, 15},
		{"html title", "a.html", "<title>Ünïcode title</title>", "title", 1, 16},
		{"html CRLF", "a.html", "<p>one\r\ntwo three</p>", "three", 2, 5},
		{"txt paragraph", "a.txt", "Title here\n\nSome prose with ünïcode in it.\n", "in it", 3, 25},
		{"txt CRLF", "a.txt", "Title\r\n\r\nAlpha beta.\r\nGamma delta.\r\n", "delta", 4, 7},
		{"txt lone CR", "a.txt", "Title\r\rAlpha beta.\rGamma delta.", "delta", 4, 7},
		{"txt bullet", "a.txt", "Intro text here.\n\n  • Bullet with words.\n", "words", 3, 17},
		{"txt invalid utf8", "a.txt", "Bad \xff\xfe bytes here.\n", "here", 1, 14},
		{"txt BOM", "a.txt", "\ufeffTitle line\n", "line", 1, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.path, []byte(tt.src), FormatFor(tt.path))
			off, _ := locate(t, d, tt.word)
			if got := tt.src[off : off+len(tt.word)]; got != tt.word {
				t.Fatalf("offset %d maps to %q, want %q", off, got, tt.word)
			}
			pos := d.Position(off)
			if pos.Line != tt.line || pos.Column != tt.col {
				t.Errorf("%q at %d:%d, want %d:%d", tt.word, pos.Line, pos.Column, tt.line, tt.col)
			}
		})
	}
}

func TestNotProse(t *testing.T) {
	tests := []struct {
		path, src, absent string
	}{
		{"a.md", "Text\n\n```\nTODO fenced\n```\n", "TODO"},
		{"a.md", "Text\n\n    TODO indented code\n", "TODO"},
		{"a.md", "Use `TODO` here.\n", "TODO"},
		{"a.md", "Note <!-- TODO hidden --> here.\n", "TODO"},
		{"a.md", "Visit <https://tbd.example.com/x>.\n", "tbd"},
		{"a.md", "Visit https://tbd.example.com/x today.\n", "tbd"},
		{"a.md", "[text](https://tbd.org/x)\n", "tbd"},
		{"a.md", "---\nslug: lorem-ipsum\nlayout: post\n---\n\nBody.\n", "lorem"},
		{"a.html", "<p>x</p><script>var TODO=1;</script><pre>TODO</pre><p>y <code>TODO</code></p>", "TODO"},
		{"a.html", "<style>p{}</style><p>ok</p>", "p{}"},
	}
	for _, tt := range tests {
		d := Parse(tt.path, []byte(tt.src), FormatFor(tt.path))
		for _, b := range d.Blocks {
			if strings.Contains(b.Text, tt.absent) {
				t.Errorf("%q: %q found in prose block %q", tt.src, tt.absent, b.Text)
			}
		}
	}
}

func TestTitleAndHeadings(t *testing.T) {
	tests := []struct {
		path, src, title string
		headings         []string
	}{
		{"a.md", "---\ntitle: From front matter\n---\n\n# An H1\n\n## Sub\n", "From front matter", []string{"An H1", "Sub"}},
		{"a.md", "Intro.\n\n# First H1\n\n# Second H1\n", "First H1", []string{"First H1", "Second H1"}},
		{"a.html", "<title>Page</title><h1>Head</h1><h2>Sub</h2>", "Page", []string{"Page", "Head", "Sub"}},
		{"a.txt", "A Plain Title\n\nBody text here.\n\nA heading\n\nMore text here.\n", "A Plain Title", []string{"A Plain Title", "A heading"}},
		{"a.txt", "Short head\nA body line that follows the heading and ends with a stop.\n", "", []string{"Short head"}},
		// a lone CR ends a line, as LF and CRLF do: front matter, ATX and
		// setext headings are seen in a file saved with CR line ends
		{"a.md", "---\rtitle: From front matter\r---\r\r# An H1\r\rText.\r\rSub\r---\r", "From front matter", []string{"An H1", "Sub"}},
		{"a.md", "# One\r\rText.\r\r# Two\r\nText.\n# Three\r", "One", []string{"One", "Two", "Three"}},
	}
	for _, tt := range tests {
		d := Parse(tt.path, []byte(tt.src), FormatFor(tt.path))
		got := ""
		if tb := d.TitleBlock(); tb != nil {
			got = tb.Text
		}
		if got != tt.title {
			t.Errorf("%q: title %q, want %q", tt.src, got, tt.title)
		}
		var hs []string
		for _, b := range d.Blocks {
			if b.Kind == Heading {
				hs = append(hs, b.Text)
			}
		}
		if strings.Join(hs, "|") != strings.Join(tt.headings, "|") {
			t.Errorf("%q: headings %q, want %q", tt.src, hs, tt.headings)
		}
	}
}

func TestLinks(t *testing.T) {
	src := "Mail info@acme.de or see https://www.acme.de/kontakt. Also acme.fr.\n"
	d := Parse("a.txt", []byte(src), Text)
	var got []string
	for _, b := range d.Blocks {
		for _, l := range b.Links {
			got = append(got, src[l.Start:l.End])
		}
	}
	want := []string{"https://www.acme.de/kontakt", "info@acme.de", "acme.fr"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", got, want)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Dr. Smith met Mr. Jones at 10 a.m. in Berlin. They talked.", []string{"Dr. Smith met Mr. Jones at 10 a.m. in Berlin.", "They talked."}},
		{"The U.S. economy grew. It was 3.5 percent.", []string{"The U.S. economy grew.", "It was 3.5 percent."}},
		{"He lives in the U.S. The rest is history.", []string{"He lives in the U.S.", "The rest is history."}},
		{"“Stop!” she said. “Now.” He left.", []string{"“Stop!” she said.", "“Now.”", "He left."}},
		{"It’s e.g. a test. J. K. Rowling wrote it.", []string{"It’s e.g. a test.", "J. K. Rowling wrote it."}},
		{"Good and bad… but it works. Really? Yes.", []string{"Good and bad… but it works.", "Really?", "Yes."}},
		{"See No. 5 on the list. Done", []string{"See No. 5 on the list.", "Done"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.text, false) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestBinary(t *testing.T) {
	if !IsBinary([]byte("abc\x00def")) || IsBinary([]byte("plain text")) {
		t.Fatal("IsBinary is wrong")
	}
}

// Columns on lines longer than the checkpoint span must equal a count from
// the line's start, with multi-byte characters, invalid bytes and a BOM.
func TestPositionOnLongLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeffshort line\n")
	pieces := []string{"word ", "ünï ", "\xff", "€", "😀 ", "a", "\xe2\x82"}
	for i := 0; b.Len() < 30000; i++ {
		b.WriteString(pieces[(i*7+i/3)%len(pieces)])
		if i%2500 == 2499 {
			b.WriteString("\n")
		}
	}
	src := []byte(b.String())
	d := Parse("a.txt", src, Text)
	lineStart := 0
	line := 1
	for off := 0; off <= len(src); off++ {
		if off > 0 && src[off-1] == '\n' {
			lineStart, line = off, line+1
		}
		if off < len(src) && !utf8.RuneStart(src[off]) {
			continue // offsets fall on character boundaries
		}
		start := lineStart
		if line == 1 && off >= 3 {
			start = 3 // the BOM is not a character
		}
		want := Position{Line: line, Column: utf8.RuneCount(src[start:off]) + 1}
		if got := d.Position(off); got != want {
			t.Fatalf("offset %d: %+v, want %+v", off, got, want)
		}
	}
}

// A paragraph with more brackets than goldmark parses in linear time is read
// as plain text: its words keep their brackets and positions, and the
// paragraphs around it keep their links.
func TestBracketGuard(t *testing.T) {
	heavy := strings.Repeat("[x] ", maxBrackets)
	src := "See [the site](https://a.example.org/) first.\n\n" + heavy + "TK here\n\nThen [more](https://b.example.org/).\n"
	d := Parse("a.md", []byte(src), Markdown)
	var texts []string
	links := 0
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
		for _, l := range b.Links {
			if !l.Bare {
				links++
			}
		}
	}
	if len(d.Blocks) != 3 {
		t.Fatalf("%d blocks", len(d.Blocks))
	}
	if !strings.HasPrefix(texts[1], "[x] [x]") || !strings.HasSuffix(texts[1], "TK here") {
		t.Errorf("heavy paragraph read as %.40q…", texts[1])
	}
	if links != 2 {
		t.Errorf("%d links, want the 2 outside the heavy paragraph", links)
	}
	off := strings.Index(src, "TK here")
	b := d.Blocks[1]
	if got := b.Src(strings.Index(b.Text, "TK here")); got != off {
		t.Errorf("TK maps to %d, want %d", got, off)
	}
}

// A long run of tildes inside a line goes to goldmark as periods (its
// strikethrough parser is quadratic in a run), a fence of tildes stays a
// fence, and the prose keeps its tildes.
func TestTildeGuard(t *testing.T) {
	long := strings.Repeat("~", 5000)
	src := "Text " + long + " TK and ~~struck~~ words.\n\n" + strings.Repeat("~", 20) + "\nTODO in code\n" + strings.Repeat("~", 20) + "\n\nAfter.\n"
	d := Parse("a.md", []byte(src), Markdown)
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text)
	}
	all := strings.Join(texts, "|")
	if !strings.Contains(all, long+" TK") {
		t.Errorf("the run of tildes is not in the prose: %.80q", all)
	}
	if strings.Contains(all, "TODO") {
		t.Errorf("the fenced code was read as prose: %q", all)
	}
	if !strings.Contains(all, "After.") || strings.Contains(all, "~~struck~~") {
		t.Errorf("blocks %q", all)
	}
	if string(d.Src) != src {
		t.Error("the source was changed")
	}
}

// indexFoldWWW, which looks before each full stop, finds what looking at
// every byte finds.
func TestIndexFoldWWW(t *testing.T) {
	every := func(s string) int {
		for i := 0; i+4 <= len(s); i++ {
			if s[i]|0x20 == 'w' && s[i+1]|0x20 == 'w' && s[i+2]|0x20 == 'w' && s[i+3] == '.' {
				return i
			}
		}
		return -1
	}
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"w", "W", ".", "x", "ww", "www", "WwW.", " ", "\x57", "\x77", "é"}
	for range 200_000 {
		var b strings.Builder
		for k := r.IntN(12); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := indexFoldWWW(s), every(s); got != want {
			t.Fatalf("indexFoldWWW(%q) = %d, want %d", s, got, want)
		}
	}
}

// lineStarts finds the same line starts with and without a CR in the text
// (the first by IndexByte, the second byte by byte): for CR-free text, the
// ends are where a byte loop finds '\n'.
func TestLineStarts(t *testing.T) {
	every := func(src []byte) []int {
		ls := []int{0}
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
				ls = append(ls, i+1)
			}
		}
		return ls
	}
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"\n", "\r", "\r\n", "\n\n", "a", "word ", "é"}
	for range 50_000 {
		var b strings.Builder
		for k := r.IntN(20); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		if got, want := lineStarts(src), every(src); !slices.Equal(got, want) {
			t.Fatalf("lineStarts(%q) = %v, want %v", src, got, want)
		}
	}
}

// LineEnds counts every line end once: an LF, a CRLF, a lone CR.
func TestLineEnds(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{"", 0}, {"a", 0}, {"a\n", 1}, {"a\r", 1}, {"a\r\n", 1}, {"\r\r", 2}, {"\n\r", 2}, {"\r\n\r\n", 2},
		{"a\rb\nc\r\nd\r", 4}, {"\n\n\r\r\n\r", 5},
	} {
		if got := LineEnds([]byte(tt.src)); got != tt.want {
			t.Errorf("LineEnds(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

// A Markdown file with lone CRs is parsed as if they were LFs, with every
// offset in the file as it is (its Src unchanged): a word's position is
// found through the block's mapping.
func TestLoneCROffsets(t *testing.T) {
	src := []byte("# Head one\r\rSome *text* here,\rand TK there.\r\r## Head two\r")
	orig := append([]byte(nil), src...)
	d := Parse("cr.md", src, Markdown)
	if string(d.Src) != string(orig) || string(src) != string(orig) {
		t.Fatalf("the source was changed: %q", d.Src)
	}
	for _, tt := range []struct {
		word string
		off  int
		pos  Position
	}{
		{"Head one", 2, Position{1, 3}}, {"text", 18, Position{3, 7}}, {"TK", 34, Position{4, 5}}, {"Head two", 48, Position{6, 4}},
	} {
		off, _ := locate(t, d, tt.word)
		if off != tt.off || d.Position(off) != tt.pos {
			t.Errorf("%q at %d %+v, want %d %+v", tt.word, off, d.Position(off), tt.off, tt.pos)
		}
	}
	var hs []string
	for _, b := range d.Blocks {
		if b.Kind == Heading {
			hs = append(hs, b.Text)
		}
	}
	if strings.Join(hs, "|") != "Head one|Head two" {
		t.Errorf("headings %q", hs)
	}
}

// A body denser in inline markup than goldmark's tree can hold cheaply has
// its dense paragraphs read as plain text: their words keep their markup
// characters and positions, a suppression comment in them still counts,
// their lines keep their block markup, and the other paragraphs keep
// their emphasis and links.
func TestMarkupGuard(t *testing.T) {
	dense := "- " + strings.Repeat("*a* ", markupFloor/2) + "TK <!-- draftlint-disable-line --> `x`\n"
	src := "# Head *one*\n\nSee [the site](https://a.example.org/) *first*.\n\n" + dense + "\nThen [more](https://b.example.org/) `code`.\n"
	d := Parse("a.md", []byte(src), Markdown)
	checkDoc(t, d)
	var kinds []string
	links := 0
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind.String())
		for _, l := range b.Links {
			if !l.Bare {
				links++
			}
		}
	}
	if strings.Join(kinds, ",") != "heading,paragraph,list-item,paragraph" {
		t.Fatalf("blocks %v", kinds)
	}
	if d.Blocks[0].Text != "Head one" || d.Blocks[1].Text != "See the site first." || d.Blocks[3].Text != "Then more  ." {
		t.Errorf("the light paragraphs lost their markup: %q, %q, %q", d.Blocks[0].Text, d.Blocks[1].Text, d.Blocks[3].Text)
	}
	b := d.Blocks[2]
	if !strings.HasPrefix(b.Text, "*a* *a*") || !strings.HasSuffix(b.Text, "TK  `x`") {
		t.Errorf("the dense item read as %.20q…%q", b.Text, b.Text[len(b.Text)-20:])
	}
	if links != 2 {
		t.Errorf("%d links, want the 2 outside the dense item", links)
	}
	if got, want := b.Src(strings.Index(b.Text, "TK")), strings.Index(src, "TK"); got != want {
		t.Errorf("TK maps to %d, want %d", got, want)
	}
	if len(d.Comments) != 1 || d.Comments[0].Text != " draftlint-disable-line " {
		t.Errorf("comments %+v", d.Comments)
	}
	if string(d.Src) != src {
		t.Error("the source was changed")
	}
	// below the floor, or not dense, nothing changes
	light := strings.Repeat("Some words and *one* emphasis, `code` and [a link](x).\n\n", markupFloor/40)
	if g := []byte(light); &markupGuard(g, g, 0)[0] != &g[0] {
		t.Error("a light body was guarded")
	}
	small := []byte(strings.Repeat("*a* ", markupFloor/4-1))
	if &markupGuard(small, small, 0)[0] != &small[0] {
		t.Error("a body under the floor was guarded")
	}
}
