package lex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// HeadingKey normalises a heading for comparison: NFKC, lower case, curly
// quotes straight, dashes plain, white space collapsed, and surrounding
// quotes and trailing punctuation dropped.
func HeadingKey(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '’', '‘', '`', '´', '′':
			r = '\''
		case '“', '”', '„', '«', '»', '″':
			r = '"'
		case '–', '—', '‐', '‑', '‒', '―', '−':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	out = strings.TrimRight(out, ".!?:;…,-")
	out = strings.Trim(out, "\"' ")
	return out
}
