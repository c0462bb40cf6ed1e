package draft

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ElemKind says how a fix may treat a piece of markup.
type ElemKind int

// Element kinds.
const (
	// Inline is an inline element (emphasis, link, code span, raw HTML, an
	// HTML element from its start tag to its end tag, a comment): an edit
	// keeps it whole or stays inside its content.
	Inline ElemKind = iota
	// Leaf is a leaf block (paragraph, heading, code block, HTML block, a
	// table cell): an edit stays inside it or takes it whole.
	Leaf
	// Open and Close bracket a container block (list, list item, block
	// quote, table, front matter); they carry no position.
	Open
	Close
	// Keep is syntax no fix may touch at all: template tags ({{ }}, {% %}),
	// data keys, and any tag of a file read as plain text.
	Keep
)

// Element is one piece of a draft's markup with its source byte range
// [Start, End). [CStart, CEnd) is its content, between its delimiters
// (emphasis, a link's text, an HTML element between its tags); for atomic
// markup it is empty.
type Element struct {
	Kind       ElemKind
	Name       string // what it is: "Emphasis", "Link", "Paragraph", "html:em", …
	Start, End int
	CStart     int
	CEnd       int
	// URL: the element holds a link's or an image's address (a Markdown
	// link, image or autolink, an HTML tag with href or src).
	URL bool
	// Soft: a paragraph's (or heading's, or table cell's) edges may move
	// when an edit deletes prose at its start or end.
	Soft bool
}

// Markup lists the markup of a draft in source order (by start, outer
// before inner): what a fix must leave as it is outside its edit. It reads
// src as Parse would, so that comparing the markup of a draft before and
// after an edit tells whether the edit changed how the draft parses.
func Markup(src []byte, f Format) []Element {
	bom := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	var out []Element
	switch f {
	case Markdown:
		out = markdownMarkup(src, bom)
	case HTML:
		out = htmlMarkup(src, 0, len(src), Inline)
	default:
		// a file read as plain text may be a data file or a template:
		// whatever looks like a tag or a key is kept
		out = htmlMarkup(src, bom, len(src), Keep)
		out = append(out, dataKeys(src, bom, len(src))...)
	}
	out = append(out, templateTags(src)...)
	// the blocks stay in the order of the tree; the rest is sorted
	k := 0
	for k < len(out) && (out[k].Kind == Open || out[k].Kind == Close || out[k].Kind == Leaf) {
		k++
	}
	rest := out[k:]
	sort.SliceStable(rest, func(i, j int) bool {
		a, b := rest[i], rest[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return a.Name < b.Name
	})
	return out
}

// templateTags finds template syntax ({{ … }}, {% … %}, {# … #}, <% … %>)
// and {…} expressions anywhere in src; they are code in every format.
func templateTags(src []byte) []Element {
	var out []Element
	for i := 0; i+1 < len(src); i++ {
		var closer string
		switch {
		case src[i] == '{' && src[i+1] == '{':
			closer = "}}"
		case src[i] == '{' && src[i+1] == '%':
			closer = "%}"
		case src[i] == '{' && src[i+1] == '#':
			closer = "#}"
		case src[i] == '<' && src[i+1] == '%':
			closer = "%>"
		case src[i] == '{':
			// a JSX or Astro expression, an attribute list ({: .note},
			// {#id}): up to its matching brace on the same line
			if e := braceEnd(src, i); e > 0 {
				out = append(out, keepAt(i, e, "expression"))
				i = e - 1
			}
			continue
		default:
			continue
		}
		j := bytes.Index(src[i+2:], []byte(closer))
		if j < 0 {
			continue
		}
		e := i + 2 + j + 2
		out = append(out, keepAt(i, e, "template"))
		i = e - 1
	}
	return out
}

// braceEnd is the end of the {…} group that opens at src[i] and closes on
// the same line, or 0.
func braceEnd(src []byte, i int) int {
	depth := 0
	for j := i; j < len(src) && j-i < 1000; j++ {
		switch src[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\n', '\r':
			return 0
		}
	}
	return 0
}

// dataKeys finds the keys of YAML, TOML and JSON data in src[s:e]: a
// "key:" or "key =" that opens a line (after indentation and a list dash),
// a "[table]" line, a `"key":` and the "---"/"+++" fences.
func dataKeys(src []byte, s, e int) []Element {
	var out []Element
	for ls := s; ls < e; {
		le := ls
		for le < e && src[le] != '\n' && src[le] != '\r' {
			le++
		}
		line := src[ls:le]
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i+1 < len(line) && line[i] == '-' && line[i+1] == ' ' {
			i += 2
		}
		t := bytes.TrimRight(line, " \t")
		switch {
		case bytes.Equal(t, []byte("---")) || bytes.Equal(t, []byte("+++")) || bytes.Equal(t, []byte("...")):
			out = append(out, keepAt(ls, ls+len(t), "fence"))
		case i < len(t) && t[i] == '[' && t[len(t)-1] == ']' && bytes.IndexByte(t[i:], ' ') < 0:
			out = append(out, keepAt(ls+i, ls+len(t), "table"))
		default:
			if k := keyEnd(line, i); k > 0 {
				out = append(out, keepAt(ls+i, ls+k, "key"))
			}
		}
		ls = le
		for ls < e && (src[ls] == '\n' || src[ls] == '\r') {
			ls++
		}
	}
	return out
}

// keyEnd is the end of a data key with its ':' or '=' that starts at
// line[i], or 0.
func keyEnd(line []byte, i int) int {
	k := i
	if k < len(line) && (line[k] == '"' || line[k] == '\'') {
		if q := bytes.IndexByte(line[k+1:], line[k]); q >= 0 {
			k += q + 2
		}
	} else {
		for k < len(line) && (isAlnum(line[k]) || line[k] == '_' || line[k] == '-' || line[k] == '.') {
			k++
		}
	}
	if k == i {
		return 0
	}
	j := k
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j < len(line) && (line[j] == ':' && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') || line[j] == '=') {
		return j + 1
	}
	return 0
}

func keepAt(s, e int, name string) Element {
	return Element{Kind: Keep, Name: name, Start: s, End: e, CStart: s, CEnd: s}
}

// htmlMarkup lists the tags and comments of src[s:e] (each of kind k) and,
// for each element whose start and end tags are both there, the element
// from one to the other.
func htmlMarkup(src []byte, s, e int, k ElemKind) []Element {
	var out []Element
	var stack []openTag
	z := html.NewTokenizer(bytes.NewReader(src[s:e]))
	z.SetMaxBuf(0)
	off := s
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := off
		off += len(z.Raw())
		switch tt {
		case html.CommentToken, html.DoctypeToken, html.EndTagToken:
			out = append(out, Element{Kind: k, Name: "tag", Start: start, End: off, CStart: start, CEnd: start})
		case html.SelfClosingTagToken, html.StartTagToken:
			raw := bytes.ToLower(src[start:off])
			url := bytes.Contains(raw, []byte("href=")) || bytes.Contains(raw, []byte("src="))
			out = append(out, Element{Kind: k, Name: "tag", Start: start, End: off, CStart: start, CEnd: start, URL: url})
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				stack = append(stack, openTag{string(name), start, off})
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if el, ok := closeTag(&stack, string(name), start, off); ok {
				el.Kind = k
				out = append(out, el)
			}
		}
	}
	return out
}

type openTag struct {
	name       string
	start, end int
}

// closeTag pairs an end tag [s,e) with the nearest open start tag of its
// name: the element from one to the other.
func closeTag(stack *[]openTag, name string, s, e int) (Element, bool) {
	st := *stack
	for i := len(st) - 1; i >= 0; i-- {
		if st[i].name == name {
			o := st[i]
			*stack = st[:i]
			return Element{Kind: Inline, Name: "html:" + name, Start: o.start, End: e, CStart: o.end, CEnd: s}, true
		}
	}
	return Element{}, false
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta,
		atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

func markdownMarkup(src []byte, bom int) []Element {
	body := bom
	var out []Element
	m := &mdMarkup{}
	src, copied := lfLineEnds(src) // as parseMarkdown reads it
	if fmEnd, ok := frontMatterEnd(src, bom); ok {
		m.blocks = append(m.blocks, Element{Kind: Leaf, Name: "front-matter", Start: bom, End: fmEnd, CStart: bom, CEnd: fmEnd})
		out = dataKeys(src, bom, fmEnd)
		body = fmEnd
	}
	root, in := parseMarkdownBody(src, body, copied)
	m.src = in
	m.block(root)
	return append(append(m.blocks, out...), m.out...)
}

type mdMarkup struct {
	src    []byte
	blocks []Element // containers and leaf blocks, in the tree's order
	out    []Element // the rest
}

// block lists a block node's markup: containers as Open … Close, leaf
// blocks with their lines' range, and the inline markup inside them.
func (m *mdMarkup) block(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		name := c.Kind().String()
		switch c.Kind() {
		case ast.KindList, ast.KindListItem, ast.KindBlockquote, east.KindTable, east.KindTableHeader, east.KindTableRow:
			if l, ok := c.(*ast.List); ok {
				if l.IsOrdered() {
					name += " ordered"
				}
				if l.IsTight {
					name += " tight"
				}
			}
			m.blocks = append(m.blocks, Element{Kind: Open, Name: name})
			m.block(c)
			m.blocks = append(m.blocks, Element{Kind: Close, Name: name})
			continue
		case ast.KindHeading:
			name += string(rune('0' + c.(*ast.Heading).Level))
		}
		s, e := c.Pos(), c.Pos()
		if ls := c.Lines(); ls != nil && ls.Len() > 0 {
			s, e = ls.At(0).Start, ls.At(ls.Len()-1).Stop
			if h, ok := c.(*ast.HTMLBlock); ok && h.HasClosure() {
				e = h.ClosureLine.Stop
			}
		} else if c.FirstChild() != nil {
			s, e = m.start(c.FirstChild()), m.end(c.LastChild())
		}
		if s < 0 {
			s, e = 0, 0
		}
		soft := c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock || c.Kind() == east.KindTableCell || c.Kind() == ast.KindHeading
		m.blocks = append(m.blocks, Element{Kind: Leaf, Name: name, Start: s, End: e, CStart: s, CEnd: e, Soft: soft})
		switch c.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		case ast.KindHTMLBlock:
			m.out = append(m.out, htmlMarkup(m.src, s, e, Inline)...)
		default:
			m.inlines(c)
		}
	}
}

// inlines lists the inline markup under n, and the HTML elements its raw
// HTML tags make from start tag to end tag.
func (m *mdMarkup) inlines(n ast.Node) {
	var stack []openTag
	var walk func(ast.Node)
	walk = func(p ast.Node) {
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Text, *ast.String:
				continue
			case *ast.RawHTML:
				s, e := m.start(c), m.end(c)
				raw := m.src[s:e]
				name := tagName(raw)
				kind := Inline
				if name != "" && atom.Lookup([]byte(name)) == 0 && !bytes.Contains([]byte(name), []byte("-")) {
					kind = Keep // a component (<Layout>, <Card />): JSX, not HTML
				}
				m.out = append(m.out, Element{Kind: kind, Name: "RawHTML", Start: s, End: e, CStart: s, CEnd: s})
				switch {
				case name == "" || bytes.HasSuffix(raw, []byte("/>")) || voidElement(atom.Lookup([]byte(name))):
				case raw[1] == '/':
					if el, ok := closeTag(&stack, name, s, e); ok {
						el.Kind = kind
						m.out = append(m.out, el)
					}
				default:
					stack = append(stack, openTag{name, s, e})
				}
				continue
			}
			s, e := m.start(c), m.end(c)
			cs, ce := s, s
			if c.FirstChild() != nil {
				cs, ce = m.start(c.FirstChild()), m.end(c.LastChild())
			}
			name := c.Kind().String()
			if em, ok := c.(*ast.Emphasis); ok {
				name += string(rune('0' + em.Level))
			}
			url := false
			switch c.(type) {
			case *ast.Link, *ast.Image, *ast.AutoLink:
				url = true
			}
			m.out = append(m.out, Element{Kind: Inline, Name: name, Start: s, End: e, CStart: cs, CEnd: ce, URL: url})
			if _, ok := c.(*ast.CodeSpan); !ok {
				walk(c)
			}
		}
	}
	walk(n)
}

// tagName is the lower-case name of a raw HTML tag ("" for a comment or a
// declaration).
func tagName(raw []byte) string {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	j := i
	for j < len(raw) && (isAlnum(raw[j]) || raw[j] == '-') {
		j++
	}
	return string(bytes.ToLower(raw[i:j]))
}

// start is where an inline node's source begins.
func (m *mdMarkup) start(n ast.Node) int {
	switch v := n.(type) {
	case *ast.Text:
		return v.Segment.Start
	case *ast.RawHTML:
		if v.Segments.Len() > 0 {
			return v.Segments.At(0).Start
		}
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	if c := n.FirstChild(); c != nil {
		return m.start(c)
	}
	return 0
}

// end is where an inline node's source ends: its last text, and the
// closing delimiter its kind has.
func (m *mdMarkup) end(n ast.Node) int {
	src := m.src
	switch v := n.(type) {
	case *ast.Text:
		return v.Segment.Stop
	case *ast.String:
		return max(v.Pos(), 0)
	case *ast.RawHTML:
		if k := v.Segments.Len(); k > 0 {
			return v.Segments.At(k - 1).Stop
		}
		return m.start(n)
	case *ast.Emphasis:
		return m.childEnd(n, v.Level) + v.Level
	case *east.Strikethrough:
		k := m.run(m.start(n), '~')
		return m.childEnd(n, k) + k
	case *ast.CodeSpan:
		k := m.run(m.start(n), '`')
		e := m.childEnd(n, k)
		if i := bytes.Index(src[e:], bytes.Repeat([]byte{'`'}, k)); k > 0 && i >= 0 {
			return e + i + k
		}
		return e
	case *ast.AutoLink:
		s := m.start(n)
		if s < len(src) && src[s] == '<' {
			if i := bytes.IndexByte(src[s:], '>'); i >= 0 {
				return s + i + 1
			}
		}
		return s + len(v.Label(src))
	case *ast.Link:
		return linkTail(src, m.childEnd(n, 1))
	case *ast.Image:
		return linkTail(src, m.childEnd(n, 2))
	case *east.TaskCheckBox:
		return m.start(n) + 3
	}
	if c := n.LastChild(); c != nil {
		return m.end(c)
	}
	return m.start(n)
}

// run counts the bytes c from src[s] on.
func (m *mdMarkup) run(s int, c byte) int {
	k := 0
	for s+k < len(m.src) && m.src[s+k] == c {
		k++
	}
	return k
}

// childEnd is where n's last child ends, or just after n's opening
// delimiter of k bytes when it has none.
func (m *mdMarkup) childEnd(n ast.Node, k int) int {
	if c := n.LastChild(); c != nil {
		return m.end(c)
	}
	return m.start(n) + k
}

// linkTail finds the end of a link whose text ends at i: past "]" and a
// "(destination "title")" or a "[label]" that follows it.
func linkTail(src []byte, i int) int {
	for i < len(src) && src[i] != ']' && src[i] != '\n' {
		i++
	}
	if i >= len(src) || src[i] != ']' {
		return i
	}
	i++
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '(':
		depth := 0
		var quote byte
		for j := i; j < len(src); j++ {
			c := src[j]
			switch {
			case c == '\\':
				j++
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case (c == '"' || c == '\'') && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '\n'):
				quote = c
			case c == '<' && j == i+1:
				if k := bytes.IndexByte(src[j:], '>'); k >= 0 {
					j += k
				}
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
	case '[':
		if k := bytes.IndexByte(src[i:], ']'); k >= 0 {
			return i + k + 1
		}
	}
	return i
}

// parseMarkdownBody parses the Markdown body of src (from offset body on)
// as Parse does, and returns the tree with the source it was read from
// (front matter blanked, offsets kept). owned says src is a copy of the
// caller's, which may be blanked in place.
func parseMarkdownBody(src []byte, body int, owned bool) (ast.Node, []byte) {
	in := src
	if body > 0 {
		if !owned {
			in = make([]byte, len(src))
			copy(in, src)
		}
		for i := 0; i < body; i++ {
			if in[i] != '\n' && in[i] != '\r' {
				in[i] = ' '
			}
		}
	}
	return mdParser.Parse(text.NewReader(markupGuard(tildeGuard(bracketGuard(in, body), in, body), in, body))), in
}
