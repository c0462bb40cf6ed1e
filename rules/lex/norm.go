package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// HeadingKey normalises a heading for comparison: NFKC, lower case, curly
// quotes straight, dashes plain, white space collapsed, and surrounding
// quotes and trailing punctuation dropped.
func HeadingKey(s string) string {
	if k, ok := headingKeyASCII(s); ok {
		return k
	}
	return headingKeyFull(s)
}

// headingKeyASCII is HeadingKey for ASCII text, which NFKC leaves as it
// is: one pass over the bytes. ok is false at the first byte that is not
// ASCII.
func headingKeyASCII(s string) (key string, ok bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ' || c-'\t' <= '\r'-'\t':
			space = true
			continue
		case c == '`':
			c = '\''
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	out := strings.TrimRight(b.String(), ".!?:;,-")
	return strings.Trim(out, "\"' "), true
}

// headingKeyFull is HeadingKey for any text.
func headingKeyFull(s string) string {
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
