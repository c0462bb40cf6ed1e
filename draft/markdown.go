package draft

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html/atom"
)

// mdParser reads CommonMark with GitHub's tables, strikethrough and task
// lists. GFM's linkify is left out: bare URLs and emails in prose are found
// by extractLinks for every format, which is cheaper than linkify's scan.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()

func parseMarkdown(d *Document) {
	src := d.Src
	// goldmark and the front-matter readers end lines at LF only, but a
	// lone CR ends a line too (CommonMark, YAML, Position): they read a
	// view in which each is an LF, byte for byte, so that every offset
	// stays that of the file
	view, copied := lfLineEnds(src)
	body := d.bom
	if fmEnd, ok := frontMatterEnd(view, d.bom); ok {
		d.Src = view
		parseFrontMatter(d, d.bom, fmEnd)
		d.Src = src
		body = fmEnd
	}
	d.BodyStart = body
	root, _ := parseMarkdownBody(view, body, copied)
	// the prose is read from the file itself: goldmark's nodes are all in
	// the body, which the view has as it is but for lone CRs
	w := &mdWalker{d: d, src: src}
	d.Blocks = slices.Grow(d.Blocks, countBlocks(root))
	w.walkBlocks(root, false, false)
	if d.Title < 0 {
		for i := range d.Blocks {
			b := &d.Blocks[i]
			if b.Kind == Heading && b.Level == 1 {
				b.IsTitle = true
				d.Title = i
				break
			}
		}
	}
}

// maxBrackets is the number of square brackets past which a paragraph is
// given to goldmark without them: its link parsing takes time quadratic in
// the brackets of one paragraph (nested "[[[…]]]" or thousands of link
// reference definitions in a row took a minute for 2 MB). No article has
// a paragraph with this many.
const maxBrackets = 2000

// bracketGuard returns in, or a copy in which the square brackets of every
// paragraph (run of non-blank lines from offset body on) that has more than
// maxBrackets of them are parentheses, which mean nothing to Markdown on
// their own: such a paragraph is read as plain text.
// The walker still reads the text from in, so the prose keeps its brackets
// and every offset stays put.
func bracketGuard(in []byte, body int) []byte {
	if bytes.Count(in[body:], []byte{'['}) <= maxBrackets {
		return in
	}
	out := in
	copied := false
	paraStart, n := body, 0
	flush := func(end int) {
		if n > maxBrackets {
			if !copied {
				out = append([]byte(nil), in...)
				copied = true
			}
			for i := paraStart; i < end; i++ {
				switch out[i] {
				case '[':
					out[i] = '('
				case ']':
					out[i] = ')'
				}
			}
		}
	}
	for i := body; i < len(in); {
		e := bytes.IndexByte(in[i:], '\n')
		next := len(in)
		if e >= 0 {
			next = i + e + 1
		}
		line := in[i:next]
		if len(bytes.TrimSpace(line)) == 0 {
			flush(i)
			paraStart, n = next, 0
		} else {
			n += bytes.Count(line, []byte{'['}) + bytes.Count(line, []byte{']'})
		}
		i = next
	}
	flush(len(in))
	return out
}

// maxTildes is the longest run of tildes inside a line given to goldmark
// as it is: strikethrough takes one or two, and goldmark's strikethrough
// parser takes time quadratic in the length of a run (40,000 tildes took
// more than a second).
const maxTildes = 16

var tildeRun = bytes.Repeat([]byte{'~'}, maxTildes+1)

// tildeGuard returns g (the input after bracketGuard, which may be in
// itself), or a copy in which every run of more than maxTildes tildes that
// does not begin its line (a code fence) is made of periods, punctuation
// that means nothing to Markdown there either.
func tildeGuard(g, in []byte, body int) []byte {
	run := tildeRun
	if !bytes.Contains(g[body:], run) {
		return g
	}
	out := g
	copied := &g[0] != &in[0] // bracketGuard made g: it may be changed in place
	for i := body; i < len(g); {
		k := bytes.Index(g[i:], run)
		if k < 0 {
			break
		}
		s := i + k
		e := s
		for e < len(g) && g[e] == '~' {
			e++
		}
		i = e
		// a run with only white space before it on its line opens a fence
		ls := s
		for ls > 0 && (g[ls-1] == ' ' || g[ls-1] == '\t') {
			ls--
		}
		if ls == 0 || g[ls-1] == '\n' || g[ls-1] == '\r' {
			continue
		}
		if !copied {
			out = append([]byte(nil), g...)
			copied = true
		}
		for j := s; j < e; j++ {
			out[j] = '.'
		}
	}
	return out
}

// inlineMark marks the bytes that open or close inline markup in Markdown
// (emphasis, code, strikethrough, links, images, HTML, entities, escapes,
// table cells): goldmark may make a node of each.
var inlineMark = [256]bool{'*': true, '_': true, '`': true, '~': true, '[': true, ']': true, '!': true, '<': true, '&': true, '\\': true, '|': true}

// blockPrefix marks the bytes a line may begin with that make its block
// (indentation, a quote, a list marker, a heading, a fence, a thematic
// break, a setext underline, an HTML block, a table row): markupGuard
// leaves a line's leading run of them alone.
var blockPrefix = [256]bool{' ': true, '\t': true, '>': true, '-': true, '+': true, '*': true, '_': true, '=': true, '#': true,
	'`': true, '~': true, '|': true, ':': true, '.': true, ')': true, '<': true, '0': true, '1': true, '2': true, '3': true,
	'4': true, '5': true, '6': true, '7': true, '8': true, '9': true}

// markupDensity and markupFloor bound what goldmark's tree costs: it
// makes a node or more (100 to 200 bytes each) of nearly every inline
// markup byte, so 15 MB of "*a* " took 5 GB. A body with more markup
// bytes than one in markupDensity (and more than markupFloor of them) has
// its densest paragraphs read as plain text; no article comes near.
const (
	markupDensity = 32
	markupFloor   = 1 << 16
)

// markupGuard returns g (the input after the other guards, which may be
// in itself), or, when the body holds more inline markup bytes than
// markupFloor and than one in markupDensity, a copy in which the dense
// paragraphs (runs of non-blank lines with more than one markup byte in
// markupDensity) are read as plain text: their markup bytes are periods,
// but for each line's leading block markup and HTML comments (which carry
// suppressions). Paragraphs of a few markup bytes (a heading with one word
// in italics) are spared unless the rest is not enough. What goldmark
// makes of the rest is then at most one markup byte in markupDensity of
// the body. The walker still reads the text from the file, so the prose
// keeps its markup characters and every offset stays put.
func markupGuard(g, in []byte, body int) []byte {
	if len(g)-body <= markupFloor {
		return g
	}
	total := 0
	for _, c := range g[body:] {
		if inlineMark[c] {
			total++
		}
	}
	budget := max(markupFloor, (len(g)-body)/markupDensity)
	if total <= budget {
		return g
	}
	type para struct{ start, end, marks int }
	var paras []para
	p := para{start: body}
	for i := body; i < len(g); {
		e := bytes.IndexByte(g[i:], '\n')
		next := len(g)
		if e >= 0 {
			next = i + e + 1
		}
		line := g[i:next]
		if len(bytes.TrimSpace(line)) == 0 {
			if p.marks*markupDensity > i-p.start {
				p.end = i
				paras = append(paras, p)
			}
			p = para{start: next}
		} else {
			for _, c := range line {
				if inlineMark[c] {
					p.marks++
				}
			}
		}
		i = next
	}
	if p.marks*markupDensity > len(g)-p.start {
		p.end = len(g)
		paras = append(paras, p)
	}
	out := g
	copied := &g[0] != &in[0] // an earlier guard made g: it may be changed in place
	// the paragraphs with many markup bytes first, then, if that is not
	// enough, the dense ones with few
	for _, few := range []bool{false, true} {
		for _, p := range paras {
			if total <= budget {
				return out
			}
			if p.marks <= 16 != few {
				continue
			}
			if !copied {
				out = append([]byte(nil), g...)
				copied = true
			}
			total -= plainMarkup(out[p.start:p.end])
		}
	}
	return out
}

// plainMarkup turns the inline markup bytes of paragraph p into periods,
// but for each line's leading block markup and HTML comments, and returns
// how many it turned.
func plainMarkup(p []byte) int {
	n := 0
	lineStart := true
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\n':
			lineStart = true
		case lineStart && blockPrefix[c]:
			if c == '<' {
				lineStart = false // an HTML block's tag: its name follows
			}
		case c == '<' && bytes.HasPrefix(p[i:], []byte("<!--")):
			lineStart = false
			i += 3
		case inlineMark[c]:
			lineStart = false
			p[i] = '.'
			n++
		default:
			lineStart = false
		}
	}
	return n
}

type mdWalker struct {
	d          *Document
	src        []byte
	blockStart int
}

func (w *mdWalker) walkBlocks(n ast.Node, inList, inQuote bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading:
			h := c.(*ast.Heading)
			w.inlineBlock(c, Heading, h.Level, inQuote)
		case ast.KindParagraph, ast.KindTextBlock:
			k := Paragraph
			if inList {
				k = ListItem
			}
			w.inlineBlock(c, k, 0, inQuote)
		case ast.KindBlockquote:
			w.walkBlocks(c, inList, true)
		case ast.KindList, ast.KindListItem:
			w.walkBlocks(c, true, inQuote)
		case east.KindTable:
			w.walkTable(c, inQuote)
		case ast.KindHTMLBlock:
			w.htmlBlock(c.(*ast.HTMLBlock))
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindThematicBreak:
			// not prose
		default:
			w.walkBlocks(c, inList, inQuote)
		}
	}
}

// countBlocks is how many blocks walkBlocks can make of n's children (HTML
// blocks aside), so that the list of blocks is allocated once.
func countBlocks(n ast.Node) int {
	k := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock:
			k++
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindThematicBreak, ast.KindHTMLBlock:
		default:
			if c.Kind() == east.KindTableCell {
				k++
			} else {
				k += countBlocks(c)
			}
		}
	}
	return k
}

func (w *mdWalker) walkTable(t ast.Node, inQuote bool) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			w.inlineBlock(cell, TableCell, 0, inQuote)
		}
	}
}

// htmlBlock records the comments in a raw HTML block.
func (w *mdWalker) htmlBlock(h *ast.HTMLBlock) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	if h.HasClosure() {
		end = h.ClosureLine.Stop
	}
	w.comments(start, end)
}

// comments records every <!-- … --> inside src[start:end].
func (w *mdWalker) comments(start, end int) {
	s := w.src[start:end]
	off := 0
	for {
		i := bytes.Index(s[off:], []byte("<!--"))
		if i < 0 {
			return
		}
		i += off
		j := bytes.Index(s[i+4:], []byte("-->"))
		if j < 0 {
			return
		}
		e := i + 4 + j + 3
		w.d.Comments = append(w.d.Comments, Comment{Text: string(s[i+4 : e-3]), Start: start + i, End: start + e})
		off = e
	}
}

func (w *mdWalker) inlineBlock(n ast.Node, k Kind, level int, inQuote bool) {
	var bl builder
	var links []Link
	w.blockStart = -1
	if ls := n.Lines(); ls != nil && ls.Len() > 0 {
		w.blockStart = ls.At(0).Start
		// the text is at most the block's source: one allocation
		if n := ls.At(ls.Len()-1).Stop - ls.At(0).Start; n > 0 && n <= len(w.src) {
			bl.text.Grow(n)
		}
	}
	w.inlines(n, &bl, &links)
	b, ok := bl.block(k)
	if !ok {
		if k != Heading || w.blockStart < 0 {
			return
		}
		// a heading of code or markup only: no prose, but it still opens a
		// section
		b = Block{Kind: Heading, Start: w.blockStart, End: w.blockStart}
	}
	if k == Heading && w.blockStart >= 0 {
		// the heading's span is its whole content, code included, without
		// trailing comments
		ls := n.Lines()
		s, e := w.blockStart, ls.At(ls.Len()-1).Stop
		for s < e && isSpaceByte(w.src[s]) {
			s++
		}
		e = trimTrailingComments(w.src, s, e)
		if s < b.Start {
			b.Start = s
		}
		if e > b.End {
			b.End = e
		}
	}
	b.Level = level
	b.InQuote = inQuote
	// link text ranges were recorded before trimming: re-base them
	lead := len(bl.text.String()) - len(trimLeftSpace(bl.text.String()))
	for _, l := range links {
		l.TextStart = max(0, l.TextStart-lead)
		l.TextEnd = min(len(b.Text), max(l.TextStart, l.TextEnd-lead))
		b.Links = append(b.Links, l)
	}
	w.d.Blocks = append(w.d.Blocks, b)
}

func trimLeftSpace(s string) string {
	i := 0
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return s[i:]
}

func (w *mdWalker) inlines(n ast.Node, bl *builder, links *[]Link) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			seg := v.Segment
			bl.add(w.src, seg.Start, seg.Stop)
			if v.HardLineBreak() || v.SoftLineBreak() {
				// the line break itself: from the segment's end to the next line
				e := seg.Stop
				for e < len(w.src) && w.src[e] != '\n' && w.src[e] != '\r' {
					e++
				}
				if e < len(w.src) && w.src[e] == '\r' {
					e++
				}
				if e < len(w.src) && w.src[e] == '\n' {
					e++
				}
				// kept as a line break: a run of short lines is an address
				bl.addAtomic("\n", seg.Stop, e)
			}
		case *ast.String:
			p := c.Pos()
			if p < 0 {
				p = w.lastSrc(bl)
			}
			bl.addAtomic(string(v.Value), p, p)
		case *ast.CodeSpan:
			s, e := w.span(c)
			bl.addAtomic(" ", s, e)
		case *ast.AutoLink:
			label := v.Label(w.src)
			p := c.Pos()
			if p < 0 {
				// linkify autolinks carry no position: they start where the
				// previous inline ended (or at the block's start)
				p = w.blockStart
				if len(bl.segs) > 0 {
					p = w.lastSrc(bl)
				}
			}
			// the label starts at p, or just after a '<' or the space
			// that linkify counts in
			found := false
			for k := 0; k < 3 && p >= 0 && p+k+len(label) <= len(w.src); k++ {
				if bytes.Equal(w.src[p+k:p+k+len(label)], label) {
					p += k
					found = true
					break
				}
			}
			if !found {
				continue
			}
			t := bl.text.Len()
			bl.addAtomic(" ", p, p+len(label))
			*links = append(*links, Link{URL: string(v.URL(w.src)), Start: p, End: p + len(label), TextStart: t, TextEnd: t + 1, Email: v.AutoLinkType == ast.AutoLinkEmail})
		case *ast.Link:
			t := bl.text.Len()
			w.inlines(c, bl, links)
			l := Link{URL: string(v.Destination), TextStart: t, TextEnd: bl.text.Len()}
			l.Start, l.End = w.destination(c, v.Destination)
			*links = append(*links, l)
		case *ast.Image:
			w.inlines(c, bl, links)
		case *ast.RawHTML:
			if v.Segments.Len() == 0 {
				continue
			}
			first := v.Segments.At(0)
			if !knownTag(w.src[first.Start:first.Stop]) {
				// <Name> or <Your Name> is not HTML: it is text a writer left
				for i := 0; i < v.Segments.Len(); i++ {
					seg := v.Segments.At(i)
					bl.add(w.src, seg.Start, seg.Stop)
				}
				continue
			}
			for i := 0; i < v.Segments.Len(); i++ {
				seg := v.Segments.At(i)
				w.comments(seg.Start, seg.Stop)
			}
		case *east.TaskCheckBox:
			// not prose
		default:
			w.inlines(c, bl, links)
		}
	}
}

// trimTrailingComments drops white space and HTML comments at the end of
// src[s:e].
func trimTrailingComments(src []byte, s, e int) int {
	for {
		for e > s && isSpaceByte(src[e-1]) {
			e--
		}
		if e-s >= 7 && bytes.HasSuffix(src[s:e], []byte("-->")) {
			if i := bytes.LastIndex(src[s:e], []byte("<!--")); i >= 0 {
				e = s + i
				continue
			}
		}
		return e
	}
}

// knownTag: raw HTML that is a comment, a declaration or a known element.
func knownTag(raw []byte) bool {
	if len(raw) < 2 || raw[0] != '<' {
		return true
	}
	i := 1
	if raw[i] == '/' {
		i++
	}
	if i < len(raw) && (raw[i] == '!' || raw[i] == '?') {
		return true
	}
	j := i
	for j < len(raw) && (isAlnum(raw[j]) || raw[j] == '-') {
		j++
	}
	name := raw[i:j]
	if len(name) == 0 {
		return true
	}
	if bytes.IndexByte(name, '-') >= 0 {
		return true // custom elements
	}
	return atom.Lookup(bytes.ToLower(name)) != 0
}

func (w *mdWalker) lastSrc(bl *builder) int {
	if len(bl.segs) == 0 {
		return 0
	}
	s := bl.segs[len(bl.segs)-1]
	return s.Src + s.SrcLen
}

// span is the source range of an inline node: from its position to the end
// of its last text segment, plus closing delimiters of the same kind.
func (w *mdWalker) span(n ast.Node) (int, int) {
	s := n.Pos()
	e := s
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if s < 0 {
				s = t.Segment.Start
			}
			e = max(e, t.Segment.Stop)
		}
	}
	if s < 0 {
		return 0, 0
	}
	for e < len(w.src) && w.src[e] == '`' {
		e++
	}
	return s, e
}

// destination finds an inline link's destination: right after the link
// text's closing "](". Reference links point at their text instead.
func (w *mdWalker) destination(n ast.Node, dest []byte) (int, int) {
	s, e := -1, -1
	var last func(ast.Node)
	last = func(m ast.Node) {
		for c := m.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				if s < 0 {
					s = t.Segment.Start
				}
				e = max(e, t.Segment.Stop)
			} else {
				last(c)
			}
		}
	}
	last(n)
	if s < 0 {
		p := max(n.Pos(), 0)
		return p, p
	}
	// skip closing emphasis/code delimiters up to "]("
	i := e
	for i < len(w.src) && i < e+8 && w.src[i] != ']' {
		i++
	}
	if i+1 < len(w.src) && w.src[i] == ']' && w.src[i+1] == '(' {
		j := i + 2
		for j < len(w.src) && (w.src[j] == ' ' || w.src[j] == '<') {
			j++
		}
		if j+len(dest) <= len(w.src) && bytes.Equal(w.src[j:j+len(dest)], dest) && len(dest) > 0 {
			return j, j + len(dest)
		}
	}
	return s, e
}
