// Package lex has the small text tools rule families share: word
// tokenisation with byte offsets, case folding that keeps byte lengths, and
// normalisation for comparing headings.
package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Word is a run of letters (and inner apostrophes, hyphens or digits) with
// its byte range in the text it came from, and its lower-case form.
type Word struct {
	Text       string
	Lower      string
	Start, End int
}

// Words splits s into words. A word is letters and digits, with inner
// apostrophes (' or ’) and hyphens kept when letters follow.
func Words(s string) []Word {
	out := make([]Word, 0, len(s)/6+1)
	// lowered is s with ASCII letters lower-cased, made at the first
	// capitalised ASCII word, so such words' Lower is a slice of it rather
	// than an allocation each
	var lowered string
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
			i += w
			continue
		}
		start := i
		upper, ascii := false, true
		for i < len(s) {
			c = s[i]
			if c < utf8.RuneSelf {
				if asciiWord[c] {
					if c >= 'A' && c <= 'Z' {
						upper = true
					}
					i++
					continue
				}
				if (c == '\'' || c == '-') && i+1 < len(s) && nextIsLetter(s, i+1) {
					i++
					continue
				}
				break
			}
			ascii = false
			r, w := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				upper = upper || unicode.IsUpper(r)
				i += w
				continue
			}
			if r == '’' && i+w < len(s) && nextIsLetter(s, i+w) {
				i += w
				continue
			}
			break
		}
		t := s[start:i]
		lower := t
		switch {
		case upper && ascii:
			if lowered == "" {
				lowered = asciiLower(s)
			}
			lower = lowered[start:i]
		case upper:
			lower = strings.ToLower(t)
		}
		out = append(out, Word{Text: t, Lower: lower, Start: start, End: i})
	}
	return out
}

// asciiLower lower-cases the ASCII letters of s, leaving other bytes as
// they are (so offsets stay put).
func asciiLower(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(&b[0], len(b))
}

func nextIsLetter(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
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
