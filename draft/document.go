// Package draft parses Markdown, HTML and plain-text drafts into one Document
// model whose prose blocks map every character back to a byte offset in the
// source file.
package draft

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Format is the syntax a draft is written in.
type Format int

// The formats draftlint reads.
const (
	Text Format = iota
	Markdown
	HTML
)

func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	default:
		return "text"
	}
}

// FormatFor chooses a format from a file name's extension; unknown
// extensions are plain text.
func FormatFor(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	default:
		return Text
	}
}

// Kind says what role a prose block plays in the draft.
type Kind int

// Block kinds.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	TableCell
	Caption
	Address
	FrontMatter
)

func (k Kind) String() string {
	return [...]string{"paragraph", "heading", "list-item", "table-cell", "caption", "address", "front-matter"}[k]
}

// Link is a URL or email address seen in or next to prose. URLs are not
// prose, but rules that judge them (example domains, country domains) need
// them with their positions.
type Link struct {
	URL        string
	Start, End int // byte range of the URL (or of the link text when the URL has no place of its own) in the source
	// TextStart and TextEnd are the range in the block's Text that the link
	// covers: its link text, or the masked URL itself.
	TextStart, TextEnd int
	Email              bool
	Bare               bool // a bare domain such as acme.de, left in the prose
}

// Comment is an HTML comment (Markdown and HTML) or a `#`/`//` comment line
// (plain text), kept for inline suppression directives.
type Comment struct {
	Text       string
	Start, End int
}

// Segment maps a run of a block's Text to the source. When TextLen equals
// SrcLen the mapping is byte for byte; otherwise (a decoded entity, a line
// break turned into a space, a code span reduced to a space) the run is
// atomic: offsets inside it map to its start.
type Segment struct {
	Text, TextLen int
	Src, SrcLen   int
	// Atomic marks text that stands for its source bytes as a whole, even
	// when the lengths agree ("&#0" decoded to U+FFFD).
	Atomic bool
}

// Span is a half-open byte range into a block's Text.
type Span struct{ Start, End int }

// Block is one unit of prose: a heading, paragraph, list item, table cell,
// caption, address or front-matter value.
type Block struct {
	Kind    Kind
	Level   int    // heading level (1-6); 0 for other kinds
	Field   string // front-matter key path, e.g. "title" or "about.content"
	IsTitle bool   // this block is the document's title
	InQuote bool   // inside a block quote
	Lines   bool   // a run of short lines (address, signature): each line stands alone
	Text    string // the prose, markup removed
	Start   int    // byte range of the block's prose in the source
	End     int
	Segs    []Segment
	// Sentences are byte ranges into Text.
	Sentences []Span
	Links     []Link
	// Parent is the index of the nearest heading above this block (-1 if none).
	Parent int
}

// Src maps a byte offset in b.Text to a byte offset in the source.
func (b *Block) Src(i int) int {
	if len(b.Segs) == 0 {
		return b.Start
	}
	k := sort.Search(len(b.Segs), func(j int) bool { return b.Segs[j].Text+b.Segs[j].TextLen > i })
	if k == len(b.Segs) {
		last := b.Segs[len(b.Segs)-1]
		return last.Src + last.SrcLen
	}
	s := b.Segs[k]
	if i <= s.Text {
		return s.Src
	}
	if s.TextLen == s.SrcLen && !s.Atomic {
		return s.Src + (i - s.Text)
	}
	return s.Src
}

// SrcEnd maps an exclusive end offset in b.Text to an exclusive end offset in
// the source (an end inside an atomic segment covers the whole segment).
func (b *Block) SrcEnd(i int) int {
	if len(b.Segs) == 0 || i <= 0 {
		return b.Src(i)
	}
	k := sort.Search(len(b.Segs), func(j int) bool { return b.Segs[j].Text+b.Segs[j].TextLen >= i })
	if k == len(b.Segs) {
		last := b.Segs[len(b.Segs)-1]
		return last.Src + last.SrcLen
	}
	s := b.Segs[k]
	if s.TextLen == s.SrcLen && !s.Atomic {
		return s.Src + (i - s.Text)
	}
	return s.Src + s.SrcLen
}

// SentenceText returns the text of sentence s.
func (b *Block) SentenceText(s Span) string { return b.Text[s.Start:s.End] }

// MetaValue is a string value of a front-matter field such as author or
// tags: its key path and its byte range in the source.
type MetaValue struct {
	Key        string
	Start, End int
}

// Document is a parsed draft.
type Document struct {
	Path   string
	Format Format
	Src    []byte
	// Title is the index in Blocks of the title block, or -1.
	Title    int
	Blocks   []Block
	Comments []Comment
	// Meta are the values of front-matter fields that are published but
	// are not prose (author, byline, tags, …), one per list item.
	Meta []MetaValue
	// BodyStart is the offset where the body begins (after a BOM and front matter).
	BodyStart int
	// FrontMatterErr, when not nil, says the YAML front matter could not be
	// read (its fields are then not linted; the body is).
	FrontMatterErr *SyntaxError
	lines          []int      // offsets where lines start
	marks          []runeMark // character counts at checkpoints, for long lines
	bom            int
	memo           map[string]any
}

// ForgetMemo drops every memoised analysis, first calling Release on each
// that has the method (to give its memory back to a pool): nothing taken
// from an analysis may be used after it.
func (d *Document) ForgetMemo() {
	for _, v := range d.memo {
		if r, ok := v.(interface{ Release() }); ok {
			r.Release()
		}
	}
	d.memo = nil
}

// Memo returns the value build made for key, building it on first use.
// Rules of one family share analyses through it: a document is linted by
// one goroutine, so no lock is needed.
func (d *Document) Memo(key string, build func() any) any {
	if v, ok := d.memo[key]; ok {
		return v
	}
	if d.memo == nil {
		d.memo = map[string]any{}
	}
	v := build()
	d.memo[key] = v
	return v
}

// TitleBlock returns the title block or nil.
func (d *Document) TitleBlock() *Block {
	if d.Title < 0 || d.Title >= len(d.Blocks) {
		return nil
	}
	return &d.Blocks[d.Title]
}

// Position is a 1-based line and column; columns count characters.
type Position struct{ Line, Column int }

func lineStarts(src []byte) []int {
	ls := make([]int, 1, 1+len(src)/40)
	if bytes.IndexByte(src, '\r') < 0 { // the usual case: each line end found by IndexByte
		for i := 0; ; {
			k := bytes.IndexByte(src[i:], '\n')
			if k < 0 {
				return ls
			}
			i += k + 1
			ls = append(ls, i)
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			ls = append(ls, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			ls = append(ls, i+1)
		}
	}
	return ls
}

// LineEnds counts the line ends of src: an LF, a CR followed by LF, and a
// lone CR each end one line.
func LineEnds(src []byte) int {
	n := bytes.Count(src, []byte{'\n'})
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '\r')
		if k < 0 {
			return n
		}
		i += k
		if i+1 == len(src) || src[i+1] != '\n' {
			n++
		}
	}
}

// lfLineEnds returns src, or when src has a lone CR (one not followed by
// an LF) a copy in which each lone CR is an LF, and true: the same line
// ends at the same offsets, for a parser that knows LF and CRLF only.
func lfLineEnds(src []byte) ([]byte, bool) {
	var out []byte
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '\r')
		if k < 0 {
			if out == nil {
				return src, false
			}
			return out, true
		}
		i += k
		if i+1 < len(src) && src[i+1] == '\n' {
			continue
		}
		if out == nil {
			out = append([]byte(nil), src...)
		}
		out[i] = '\n'
	}
}

// Position turns a byte offset into a line and a column counted in
// characters (invalid bytes count as one character each, a BOM as none).
func (d *Document) Position(off int) Position {
	if d.lines == nil {
		d.lines = lineStarts(d.Src)
	}
	if off < 0 {
		off = 0
	}
	if off > len(d.Src) {
		off = len(d.Src)
	}
	l := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	start := d.lines[l]
	if l == 0 && d.bom > 0 && off >= d.bom {
		start = d.bom
	}
	if off-start <= longLine {
		return Position{Line: l + 1, Column: utf8.RuneCount(d.Src[start:off]) + 1}
	}
	// a long line: count from checkpoints, so that many findings on one
	// line of megabytes do not each count from its start
	return Position{Line: l + 1, Column: d.runesBefore(off) - d.runesBefore(start) + 1}
}

// longLine is the line length past which columns are counted from
// checkpoints.
const longLine = 4096

// runeMark says that runes characters stand before byte off (a character
// boundary).
type runeMark struct{ off, runes int }

// runesBefore counts the characters of Src before byte off (a character
// boundary), from checkpoints made every longLine bytes on first use.
func (d *Document) runesBefore(off int) int {
	if d.marks == nil {
		d.marks = []runeMark{{0, 0}}
		n, next := 0, longLine
		for i := 0; i < len(d.Src); {
			if i >= next {
				d.marks = append(d.marks, runeMark{i, n})
				next = i + longLine
			}
			if d.Src[i] < utf8.RuneSelf {
				i++
			} else {
				_, w := utf8.DecodeRune(d.Src[i:])
				i += w
			}
			n++
		}
	}
	k := sort.Search(len(d.marks), func(i int) bool { return d.marks[i].off > off }) - 1
	m := d.marks[k]
	return m.runes + utf8.RuneCount(d.Src[m.off:off])
}

// LineCount is the number of lines in the source.
func (d *Document) LineCount() int {
	if d.lines == nil {
		d.lines = lineStarts(d.Src)
	}
	return len(d.lines)
}

// LineBounds returns the byte range of line n (1-based) without its line
// terminator, and the offset where the next line starts.
func (d *Document) LineBounds(n int) (start, end, next int) {
	if d.lines == nil {
		d.lines = lineStarts(d.Src)
	}
	if n < 1 || n > len(d.lines) {
		return len(d.Src), len(d.Src), len(d.Src)
	}
	start = d.lines[n-1]
	next = len(d.Src)
	if n < len(d.lines) {
		next = d.lines[n]
	}
	end = next
	for end > start && (d.Src[end-1] == '\n' || d.Src[end-1] == '\r') {
		end--
	}
	return start, end, next
}

// IsBinary reports whether data looks binary: a NUL byte in its first 8 KB.
func IsBinary(data []byte) bool {
	n := min(len(data), 8192)
	return bytes.IndexByte(data[:n], 0) >= 0
}

// Parse parses src as the given format. It never fails: text it cannot
// understand is treated as plain prose.
func Parse(path string, src []byte, f Format) *Document {
	d := &Document{Path: path, Format: f, Src: src, Title: -1}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		d.bom = 3
	}
	d.BodyStart = d.bom
	switch f {
	case Markdown:
		parseMarkdown(d)
	case HTML:
		parseHTML(d)
	default:
		parseText(d)
	}
	d.finish()
	return d
}

// finish extracts links, splits sentences and links blocks to their headings.
func (d *Document) finish() {
	parent := -1
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind == Paragraph && !b.Lines && strings.Contains(b.Text, "\n") {
			b.Lines = shortLines(b.Text)
		}
		extractLinks(b)
		b.Sentences = Sentences(b.Text, b.Lines)
		if b.Kind == FrontMatter {
			b.Parent = -1
			continue
		}
		b.Parent = parent
		if b.Kind == Heading {
			parent = i
		}
	}
}

// builder accumulates a block's text and segments.
type builder struct {
	text strings.Builder
	segs []Segment
}

// add appends source bytes [start,end) that appear verbatim in the text.
func (bl *builder) add(src []byte, start, end int) {
	if end <= start {
		return
	}
	t := bl.text.Len()
	if n := len(bl.segs); n > 0 {
		last := &bl.segs[n-1]
		if !last.Atomic && last.TextLen == last.SrcLen && last.Src+last.SrcLen == start && last.Text+last.TextLen == t {
			last.TextLen += end - start
			last.SrcLen += end - start
			bl.text.Write(src[start:end])
			return
		}
	}
	bl.segs = append(bl.segs, Segment{Text: t, TextLen: end - start, Src: start, SrcLen: end - start})
	bl.text.Write(src[start:end])
}

// addAtomic appends text that stands for source bytes [start,end) as a whole
// (a decoded entity, a line break read as a space, a code span).
func (bl *builder) addAtomic(text string, start, end int) {
	if text == "" {
		return
	}
	bl.segs = append(bl.segs, Segment{Text: bl.text.Len(), TextLen: len(text), Src: start, SrcLen: end - start, Atomic: true})
	bl.text.WriteString(text)
}

func (bl *builder) lastByte() byte {
	s := bl.text.String()
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

func (bl *builder) empty() bool { return strings.TrimSpace(bl.text.String()) == "" }

// block finishes the builder into a Block, trimming surrounding white space.
func (bl *builder) block(k Kind) (Block, bool) {
	text := bl.text.String()
	segs := bl.segs
	lo, hi := 0, len(text)
	for lo < hi && isSpaceByte(text[lo]) {
		lo++
	}
	for hi > lo && isSpaceByte(text[hi-1]) {
		hi--
	}
	if lo == hi {
		return Block{}, false
	}
	b := Block{Kind: k, Segs: segs, Text: text}
	if lo > 0 || hi < len(text) {
		b = trimBlock(b, lo, hi)
	}
	b.Start = b.Src(0)
	b.End = b.SrcEnd(len(b.Text))
	return b, true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// trimBlock keeps text[lo:hi], re-basing segments.
func trimBlock(b Block, lo, hi int) Block {
	var out []Segment
	for _, s := range b.Segs {
		ts, te := s.Text, s.Text+s.TextLen
		if te <= lo || ts >= hi {
			continue
		}
		cs, ce := max(ts, lo), min(te, hi)
		if s.TextLen == s.SrcLen && !s.Atomic {
			out = append(out, Segment{Text: cs - lo, TextLen: ce - cs, Src: s.Src + (cs - ts), SrcLen: ce - cs})
		} else {
			out = append(out, Segment{Text: cs - lo, TextLen: ce - cs, Src: s.Src, SrcLen: s.SrcLen, Atomic: true})
		}
	}
	b.Text = b.Text[lo:hi]
	b.Segs = out
	return b
}

// shortLines: every line of text is short and none but the last ends a
// sentence, as in an address or a signature.
func shortLines(text string) bool {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if utf8.RuneCountInString(l) > 60 {
			return false
		}
		if i < len(lines)-1 && endsSentence(l) && !strings.HasSuffix(l, ",") {
			return false
		}
	}
	return true
}
