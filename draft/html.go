package draft

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// proseElems start a block of their own.
var proseElems = map[atom.Atom]Kind{
	atom.Title: Heading, atom.H1: Heading, atom.H2: Heading, atom.H3: Heading, atom.H4: Heading, atom.H5: Heading,
	atom.H6: Heading, atom.P: Paragraph, atom.Li: ListItem, atom.Blockquote: Paragraph, atom.Td: TableCell,
	atom.Th: TableCell, atom.Address: Address, atom.Figcaption: Caption, atom.Caption: Caption, atom.Dt: ListItem,
	atom.Dd: ListItem,
}

// breakElems end the current block without starting a prose block.
var breakElems = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Main: true,
	atom.Nav: true, atom.Aside: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Tr: true, atom.Figure: true,
	atom.Body: true, atom.Head: true, atom.Html: true, atom.Hr: true, atom.Form: true, atom.Dl: true, atom.Tbody: true,
	atom.Thead: true,
}

// skipElems hold no prose.
var skipElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Pre: true, atom.Code: true, atom.Template: true, atom.Noscript: true,
	atom.Svg: true, atom.Math: true, atom.Textarea: true, atom.Select: true, atom.Kbd: true, atom.Samp: true,
	atom.Object: true, atom.Iframe: true,
}

type htmlState struct {
	d       *Document
	bl      builder
	links   []Link
	kind    Kind
	level   int
	isTitle bool
	open    bool
	quote   int
	skip    int
	// pending <a href>: its URL and the text offset where its text starts
	href      string
	hrefStart int
	hrefEnd   int
	hrefText  int
	inA       bool
}

func (s *htmlState) flush() {
	if !s.open && s.bl.empty() {
		s.bl = builder{}
		s.links = nil
		return
	}
	b, ok := s.bl.block(s.kind)
	if ok {
		lead := len(s.bl.text.String()) - len(trimLeftSpace(s.bl.text.String()))
		for _, l := range s.links {
			l.TextStart = max(0, l.TextStart-lead)
			l.TextEnd = min(len(b.Text), max(l.TextStart, l.TextEnd-lead))
			b.Links = append(b.Links, l)
		}
		b.Level = s.level
		b.InQuote = s.quote > 0
		b.Lines = s.kind == Address
		if s.isTitle {
			b.IsTitle = true
			if s.d.Title < 0 {
				s.d.Title = len(s.d.Blocks)
			}
		}
		s.d.Blocks = append(s.d.Blocks, b)
	}
	s.bl = builder{}
	s.links = nil
	s.open = false
	s.kind = Paragraph
	s.level = 0
	s.isTitle = false
}

func parseHTML(d *Document) {
	src := d.Src
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(0)
	s := &htmlState{d: d}
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.CommentToken:
			d.Comments = append(d.Comments, Comment{Text: string(raw[min(4, len(raw)):max(min(4, len(raw)), len(raw)-3)]), Start: start, End: off})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skipElems[a] {
				if tt == html.StartTagToken {
					s.skip++
				}
				if a == atom.Code && s.skip == 1 {
					s.bl.addAtomic(" ", start, off)
				}
				continue
			}
			if s.skip > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				s.bl.addAtomic("\n", start, off)
			case a == atom.A && hasAttr:
				href, hs, he := attr(z, raw, "href", start)
				if href != "" {
					s.inA, s.href, s.hrefStart, s.hrefEnd, s.hrefText = true, href, hs, he, s.bl.text.Len()
				}
			case a == atom.Img && hasAttr:
				// alt text is prose of its own
				alt, as, ae := attr(z, raw, "alt", start)
				if strings.TrimSpace(alt) != "" && as >= 0 {
					var bl builder
					if ae-as == len(alt) {
						bl.add(src, as, ae)
					} else {
						bl.addAtomic(alt, as, ae)
					}
					if b, ok := bl.block(Caption); ok {
						b.Field = "alt"
						d.Blocks = append(d.Blocks, b)
					}
				}
			}
			if k, ok := proseElems[a]; ok {
				s.flush()
				s.open = true
				s.kind = k
				if a == atom.Blockquote {
					s.quote++
				}
				switch a {
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					s.level = int(a.String()[1] - '0')
				case atom.Title:
					s.level = 0
					s.isTitle = true
				}
			} else if breakElems[a] {
				s.flush()
			} else if s.bl.lastByte() != 0 && isBlockish(a) {
				s.bl.addAtomic(" ", start, start)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipElems[a] {
				if s.skip > 0 {
					s.skip--
				}
				continue
			}
			if s.skip > 0 {
				continue
			}
			if a == atom.A && s.inA {
				s.links = append(s.links, Link{URL: s.href, Start: s.hrefStart, End: s.hrefEnd, TextStart: s.hrefText, TextEnd: s.bl.text.Len()})
				s.inA = false
			}
			if _, ok := proseElems[a]; ok || breakElems[a] {
				s.flush()
				if a == atom.Blockquote && s.quote > 0 {
					s.quote--
				}
			}
		case html.TextToken:
			if s.skip > 0 {
				continue
			}
			addHTMLText(&s.bl, src, start, off)
		}
	}
	s.flush()
	if d.Title < 0 {
		for i := range d.Blocks {
			if d.Blocks[i].Kind == Heading && d.Blocks[i].Level == 1 {
				d.Blocks[i].IsTitle = true
				d.Title = i
				break
			}
		}
	}
}

func isBlockish(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.A, atom.Em, atom.Strong, atom.B, atom.I, atom.U, atom.Small, atom.Sup, atom.Sub, atom.Mark,
		atom.Abbr, atom.Cite, atom.Q, atom.Time, atom.S, atom.Del, atom.Ins, atom.Font:
		return false
	}
	return true
}

// addHTMLText adds raw text src[start:end], decoding entities; each entity
// maps atomically to its source bytes.
func addHTMLText(bl *builder, src []byte, start, end int) {
	i := start
	for i < end {
		amp := bytes.IndexByte(src[i:end], '&')
		if amp < 0 {
			bl.add(src, i, end)
			return
		}
		bl.add(src, i, i+amp)
		j := i + amp
		// an entity ends at ';' within 32 bytes, or is a bare '&'
		k := j + 1
		for k < end && k < j+33 && (isAlnum(src[k]) || src[k] == '#') {
			k++
		}
		if k < end && src[k] == ';' {
			k++
		}
		dec := html.UnescapeString(string(src[j:k]))
		if dec == string(src[j:k]) {
			bl.add(src, j, k)
		} else {
			bl.addAtomic(dec, j, k)
		}
		i = k
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// attr returns an attribute's value and its source range, found by reading
// the tag's own bytes attribute by attribute.
func attr(z *html.Tokenizer, raw []byte, name string, base int) (string, int, int) {
	val := ""
	for {
		k, v, more := z.TagAttr()
		if string(k) == name {
			val = string(v)
		}
		if !more {
			break
		}
	}
	if val == "" {
		return "", -1, -1
	}
	// walk the raw tag: <name attr="v" attr2=v2 ...>
	i := bytes.IndexAny(raw, " \t\n\r\f/")
	if i < 0 {
		return val, base, base
	}
	for i < len(raw) {
		for i < len(raw) && (isSpaceByte(raw[i]) || raw[i] == '/') {
			i++
		}
		ks := i
		for i < len(raw) && raw[i] != '=' && !isSpaceByte(raw[i]) && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		key := strings.ToLower(string(raw[ks:i]))
		for i < len(raw) && isSpaceByte(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			if i < len(raw) && raw[i] == '>' {
				break
			}
			continue
		}
		i++
		for i < len(raw) && isSpaceByte(raw[i]) {
			i++
		}
		vs, ve := i, i
		if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
			q := raw[i]
			vs = i + 1
			ve = vs
			for ve < len(raw) && raw[ve] != q {
				ve++
			}
			i = ve + 1
		} else {
			for ve < len(raw) && !isSpaceByte(raw[ve]) && raw[ve] != '>' {
				ve++
			}
			i = ve
		}
		if key == name {
			return val, base + vs, base + ve
		}
		if ks == i {
			i++
		}
	}
	return val, base, base
}
