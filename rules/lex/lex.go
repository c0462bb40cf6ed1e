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
func Words(s string) []Word { return appendWords(make([]Word, 0, len(s)/6+1), s, "") }

// appendWords appends the words of s to out; lowered, when not empty, is s
// with its ASCII letters lower-cased (and nothing else changed inside
// words).
func appendWords(out []Word, s, lowered string) []Word {
	// lowered is s with ASCII letters lower-cased, made at the first
	// capitalised ASCII word unless given, so such words' Lower is a slice
	// of it rather than an allocation each
	for i := 0; i < len(s); {
		start, end, upper, ascii := nextWord(s, i)
		if start < 0 {
			break
		}
		i = end
		t := s[start:end]
		lower := t
		switch {
		case upper && ascii:
			if lowered == "" {
				lowered = asciiLower(s)
			}
			lower = lowered[start:end]
		case upper:
			lower = strings.ToLower(t)
		}
		out = append(out, Word{Text: t, Lower: lower, Start: start, End: end})
	}
	return out
}

// EachWord calls fn with each word of s (as Words splits them), without
// making a list.
func EachWord(s string, fn func(w string)) {
	for i := 0; i < len(s); {
		start, end, _, _ := nextWord(s, i)
		if start < 0 {
			return
		}
		fn(s[start:end])
		i = end
	}
}

// nextWord finds the first word of s at or after i: its range, whether it
// has upper-case letters and whether it is all ASCII; start is -1 when
// there is none.
func nextWord(s string, i int) (start, end int, upper, ascii bool) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += w
	}
	if i >= len(s) {
		return -1, -1, false, false
	}
	start = i
	ascii = true
	for i < len(s) {
		c := s[i]
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
	return start, i, upper, ascii
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

// Set is a set of lower-case words. Has answers most words that are not in
// it from their first byte or a small bit filter, without hashing the whole
// word.
type Set struct {
	m     map[string]struct{}
	f     Filter
	first [4]uint64 // the words' first bytes
}

// NewSet builds a set from words (lower-cased).
func NewSet(ws ...string) Set {
	s := Set{m: make(map[string]struct{}, len(ws))}
	for _, w := range ws {
		s.Add(w)
	}
	return s
}

// Add puts a word (lower-cased) in the set.
func (s *Set) Add(w string) { s.AddExact(strings.ToLower(w)) }

// AddExact puts a word in the set as it is written (for sets matched with
// their case).
func (s *Set) AddExact(w string) {
	if s.m == nil {
		s.m = map[string]struct{}{}
	}
	s.m[w] = struct{}{}
	s.f.Add(w)
	if w != "" {
		s.first[w[0]>>6] |= 1 << (w[0] & 63)
	}
}

// Has reports whether w (lower case) is in the set.
func (s *Set) Has(w string) bool {
	if w == "" {
		_, ok := s.m[w]
		return ok
	}
	if s.first[w[0]>>6]&(1<<(w[0]&63)) == 0 || !s.f.May(w) {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// Len is the number of words in the set.
func (s *Set) Len() int { return len(s.m) }

// Filter is a 4,096-bit filter of words keyed by their length and first,
// middle and last bytes: May is false for most words that were never added,
// and never false for one that was.
type Filter [64]uint64

func filterKey(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0])*0x85ebca6b ^ uint32(w[n-1])*0xc2b2ae35 ^ uint32(w[n/2])*0x27d4eb2f
	h ^= h >> 15
	return h & 4095
}

// Add puts w in the filter.
func (f *Filter) Add(w string) { k := filterKey(w); f[k>>6] |= 1 << (k & 63) }

// May reports whether w may have been added.
func (f *Filter) May(w string) bool { k := filterKey(w); return f[k>>6]&(1<<(k&63)) != 0 }

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
