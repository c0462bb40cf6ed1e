package headline

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/draftlint/draftlint/draft"
)

// page is what the headline rules need to know of a draft as a whole: is
// it a documentation page, and which docfx alternative (":::moniker range"
// or ":::zone pivot") each offset stands in.
type page struct {
	docs bool
	alts []altRange // in source order, not nested
}

type altRange struct{ start, end int }

func pageOf(d *draft.Document) *page {
	return d.Memo("headline/page", func() any { return makePage(d) }).(*page)
}

// docsKeys are front-matter keys written by documentation generators
// (docfx, Docusaurus, Just the Docs), not by article templates.
var docsKeys = [][]byte{[]byte("ms.topic:"), []byte("ms.date:"), []byte("helpviewer_keywords:"), []byte("sidebar_position:"),
	[]byte("sidebar_label:"), []byte("nav_order:"), []byte("api_name:")}

// makePage reads a Markdown draft's lines once. A draft is a documentation
// page when its front matter has a documentation generator's key, or its
// body has a fenced code block or a docfx ":::" extension.
func makePage(d *draft.Document) *page {
	pg := &page{}
	if d.Format != draft.Markdown {
		return pg
	}
	src := d.Src
	for _, k := range docsKeys {
		if d.BodyStart > 0 && bytes.Contains(src[:d.BodyStart], k) {
			pg.docs = true
		}
	}
	open := -1
	for off := d.BodyStart; off < len(src); {
		e := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if e >= 0 {
			next = off + e + 1
		}
		line := bytes.TrimLeft(src[off:next], " ")
		switch {
		case bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")):
			pg.docs = true
		case bytes.HasPrefix(line, []byte(":::")):
			pg.docs = true
			word := strings.Fields(string(bytes.TrimLeft(line[3:], " ")))
			switch {
			case len(word) == 0:
			case word[0] == "moniker-end" || word[0] == "zone-end":
				if open >= 0 {
					pg.alts = append(pg.alts, altRange{open, off})
					open = -1
				}
			case word[0] == "moniker" || word[0] == "zone":
				open = off
			}
		}
		off = next
	}
	return pg
}

// alt returns the index of the docfx alternative holding offset off, or -1.
func (pg *page) alt(off int) int {
	for i, a := range pg.alts {
		if off >= a.start && off < a.end {
			return i
		}
	}
	return -1
}

// codeLike reports whether a heading is code or symbols rather than
// prose: a code span, a name with "::" or "->", a word ending in operator
// symbols ("operator--", "C++"), or a token of symbols alone ("operator :").
// Such headings are compared by their full text, symbols included. It
// does not allocate.
func codeLike(s string) bool {
	if plainWords(s) {
		return false
	}
	if strings.ContainsAny(s, "`") || strings.Contains(s, "::") || strings.Contains(s, "->") || strings.Contains(s, "()") {
		return true
	}
	words := 0
	for rest := s; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			return false
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		t := rest[:end]
		rest = rest[end:]
		words++
		if !hasLetterOrDigit(t) {
			switch t {
			case "-", "–", "—", "|", "/", "&", "·", "•", "+", ":", "\"", "'":
				if strings.TrimSpace(rest) == "" && words > 1 {
					return true // "operator :", "operator -"; "Résumé : la ville" has words after it
				}
				continue
			case "?", "!", "…", "?!", "!?", "«", "»":
				continue // "Qui gagne ?"
			}
			return true
		}
		// a name that starts with a symbol: "@fardata?", ".DATA?", "_MSC_VER"
		if c := t[0]; (c == '@' || c == '.' || c == '_' || c == '#' || c == '$') && len(t) > 1 && hasLetterOrDigit(t[1:2]) {
			return true
		}
		// the symbols a word ends with: sentence punctuation is prose
		sym := len(t) - len(strings.TrimRight(t, "+-*=<>~^&|!/"))
		if sym > 0 && strings.Trim(t[len(t)-sym:], "!") != "" {
			return true
		}
	}
}

// plainWords reports whether s is ASCII words, spaces and commas, with a
// full stop or question mark only at a word's end: most headings, and
// never code.
func plainWords(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isAlnumASCII(c) || c == ' ' || c == ',':
		case (c == '.' || c == '?') && i > 0 && isAlnumASCII(s[i-1]):
		default:
			return false
		}
	}
	return true
}

func hasLetterOrDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 0x80 {
			return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// fullKey is the comparison key of a code-like heading: its text with
// white space collapsed, every symbol and the case kept ("/Zi" is not
// "/ZI").
func fullKey(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
