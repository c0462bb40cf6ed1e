// Package lex has the small text tools rule families share: word
// tokenisation with byte offsets, case folding that keeps byte lengths, and
// normalisation for comparing headings.
package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is a run of letters (and inner apostrophes, hyphens or digits) with
// its byte range in the text it came from.
type Word struct {
	Text       string
	Start, End int
}

// Words splits s into words. A word is letters and digits, with inner
// apostrophes (' or ’), hyphens and periods kept when letters follow.
func Words(s string) []Word {
	var out []Word
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += w
			continue
		}
		start := i
		i += w
		for i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += w
				continue
			}
			if (r == '\'' || r == '’' || r == '-') && i+w < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+w:])
				if unicode.IsLetter(r2) {
					i += w
					continue
				}
			}
			break
		}
		out = append(out, Word{Text: s[start:i], Start: start, End: i})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Fold lower-cases s, keeping every character's byte length so offsets into
// the result are offsets into s. Characters whose lower case has another
// length are kept as they are.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) || r == utf8.RuneError {
			l = r
		}
		b.WriteRune(l)
	}
	if b.Len() != len(s) {
		// invalid UTF-8 was replaced: fall back to ASCII folding
		bs := []byte(s)
		for i, c := range bs {
			if c >= 'A' && c <= 'Z' {
				bs[i] = c + 32
			}
		}
		return string(bs)
	}
	return b.String()
}

// IsUpperWord reports whether w has letters and all of them are upper case.
func IsUpperWord(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			has = true
		}
	}
	return has
}

// IsCapitalized reports whether w starts with an upper-case letter.
func IsCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Set is a set of lower-case words.
type Set map[string]bool

// NewSet builds a set from words (lower-cased).
func NewSet(ws ...string) Set {
	s := make(Set, len(ws))
	for _, w := range ws {
		s[strings.ToLower(w)] = true
	}
	return s
}

// ParseList reads a word-list file: one entry a line, # comments and blank
// lines ignored.
func ParseList(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}
