package lex

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalized is text folded for phrase matching: lower case, every run of
// white space one space, curly quotes straight, dashes plain. Offs maps
// each byte of Text back to the offset of the original character that
// produced it; it is nil when every byte maps to itself (the common case:
// ASCII text with single spaces), which saves four bytes per byte of text.
type Normalized struct {
	Text   string
	Offs   []int32
	orig   string
	starts []int32
	hashes []uint64
}

// Orig maps a start offset in n.Text to the original text.
func (n *Normalized) Orig(i, origLen int) int {
	if i >= len(n.Text) {
		return origLen
	}
	if n.Offs == nil {
		return i
	}
	return int(n.Offs[i])
}

// OrigEnd maps an exclusive end offset in n.Text to the original text: the
// end of the original character that produced the byte before it.
func (n *Normalized) OrigEnd(i int) int {
	if i <= 0 || len(n.Text) == 0 {
		return 0
	}
	if i > len(n.Text) {
		i = len(n.Text)
	}
	if n.Offs == nil {
		return i
	}
	o := int(n.Offs[i-1])
	if o >= len(n.orig) {
		return len(n.orig)
	}
	if c := n.orig[o]; c < utf8.RuneSelf {
		return o + 1
	}
	_, w := utf8.DecodeRuneInString(n.orig[o:])
	return o + w
}

// identity reports whether s normalises byte for byte in place: ASCII, no
// leading white space and no run of two white-space characters.
func identity(s string) bool {
	space := true // a leading space would be dropped
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if asciiSpace[c] {
			if space {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return true
}

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

// asciiFold maps an ASCII byte to its normalised form.
var asciiFold = func() (t [128]byte) {
	for c := 0; c < 128; c++ {
		t[c] = byte(c)
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		case asciiSpace[c]:
			t[c] = ' '
		}
	}
	return
}()

// Normalize folds s for matching.
func Normalize(s string) Normalized {
	if identity(s) {
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			b.WriteByte(asciiFold[s[i]])
		}
		return Normalized{Text: b.String(), orig: s}
	}
	return normalizeGeneral(s)
}

// normalizeGeneral is Normalize with an offset table, for any text.
func normalizeGeneral(s string) Normalized {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int32, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if !space && b.Len() > 0 {
					b.WriteByte(' ')
					offs = append(offs, int32(i))
				}
				space = true
				i++
				continue
			}
			space = false
			b.WriteByte(asciiFold[c])
			offs = append(offs, int32(i))
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				offs = append(offs, int32(i))
			}
			space = true
			i += w
			continue
		}
		space = false
		switch r {
		case '’', '‘', '´':
			r = '\''
		case '“', '”', '„', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		n, _ := b.WriteRune(r)
		for k := 0; k < n; k++ {
			offs = append(offs, int32(i))
		}
		i += w
	}
	return Normalized{Text: b.String(), Offs: offs, orig: s}
}

// wordStarts lists where words begin in n.Text and a hash of each first
// word, made once per normalised text.
func (n *Normalized) wordStarts() ([]int32, []uint64) {
	if n.starts != nil || n.Text == "" {
		return n.starts, n.hashes
	}
	t := n.Text
	starts := make([]int32, 0, len(t)/5+1)
	hashes := make([]uint64, 0, len(t)/5+1)
	inWord := false
	for i := 0; i < len(t); {
		c := t[i]
		var word bool
		w := 1
		if c < utf8.RuneSelf {
			word = asciiWord[c]
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(t[i:])
			word = isWordRune(r)
		}
		if word && !inWord {
			starts = append(starts, int32(i))
			// the first word's hash
			j := i
			for j < len(t) {
				cj := t[j]
				if cj < utf8.RuneSelf {
					if !asciiWord[cj] {
						break
					}
					j++
					continue
				}
				r, wj := utf8.DecodeRuneInString(t[j:])
				if !isWordRune(r) {
					break
				}
				j += wj
			}
			hashes = append(hashes, hashWord(t[i:j]))
		}
		inWord = word
		i += w
	}
	n.starts, n.hashes = starts, hashes
	return starts, hashes
}

var asciiWord = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

// hashWord is FNV-1a.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// Matcher finds any of a set of phrases in text, whole words only,
// case-insensitively. Phrases are indexed by the hash of their first word,
// so a text is scanned once, word by word, whatever the number of phrases:
// each word costs one probe of a small bit set, and only words that begin
// some phrase are compared.
type Matcher struct {
	Patterns []string
	index    map[uint64][]int
	bits     [256]uint64 // 16,384-bit filter of first-word hashes
	odd      []int       // phrases that do not start with a word character
}

// NewMatcher builds a matcher for phrases (normalised like the text).
func NewMatcher(phrases []string) *Matcher {
	m := &Matcher{index: map[uint64][]int{}}
	for _, p := range phrases {
		pat := Normalize(p).Text
		if pat == "" {
			continue
		}
		i := len(m.Patterns)
		m.Patterns = append(m.Patterns, pat)
		r, _ := utf8.DecodeRuneInString(pat)
		if !isWordRune(r) {
			m.odd = append(m.odd, i)
			continue
		}
		j := 0
		for j < len(pat) {
			r, w := utf8.DecodeRuneInString(pat[j:])
			if !isWordRune(r) {
				break
			}
			j += w
		}
		h := hashWord(pat[:j])
		m.index[h] = append(m.index[h], i)
		m.bits[(h>>8)&255] |= 1 << (h & 63)
	}
	return m
}

// Match is a phrase found in text: the pattern's index and its byte range in
// the original text.
type Match struct {
	Pattern    int
	Start, End int
}

// Find returns the leftmost-longest, non-overlapping whole-word matches in
// n (a normalised text), with offsets in the original text of length origLen.
func (m *Matcher) Find(n *Normalized, origLen int) []Match {
	if len(m.Patterns) == 0 || n.Text == "" {
		return nil
	}
	t := n.Text
	type cand struct{ p, s, e int }
	var cs []cand
	starts, hashes := n.wordStarts()
	for k, h := range hashes {
		if m.bits[(h>>8)&255]&(1<<(h&63)) == 0 {
			continue
		}
		s := int(starts[k])
		for _, p := range m.index[h] {
			pat := m.Patterns[p]
			if strings.HasPrefix(t[s:], pat) && boundaryAfter(t, s+len(pat)) {
				cs = append(cs, cand{p, s, s + len(pat)})
			}
		}
	}
	for _, p := range m.odd {
		pat := m.Patterns[p]
		for off := 0; off < len(t); {
			i := strings.Index(t[off:], pat)
			if i < 0 {
				break
			}
			s := off + i
			if boundaryBefore(t, s) && boundaryAfter(t, s+len(pat)) {
				cs = append(cs, cand{p, s, s + len(pat)})
			}
			off = s + 1
		}
	}
	if len(cs) == 0 {
		return nil
	}
	if len(m.odd) > 0 {
		sort.Slice(cs, func(a, b int) bool { return cs[a].s < cs[b].s })
	}
	// leftmost-longest, non-overlapping
	var out []Match
	last := -1
	for i := 0; i < len(cs); {
		c := cs[i]
		j := i + 1
		for j < len(cs) && cs[j].s == c.s {
			if cs[j].e > c.e {
				c = cs[j]
			}
			j++
		}
		i = j
		if c.s < last {
			continue
		}
		out = append(out, Match{Pattern: c.p, Start: n.Orig(c.s, origLen), End: n.OrigEnd(c.e)})
		last = c.e
	}
	return out
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	r0, _ := utf8.DecodeRuneInString(s[i:])
	if !(unicode.IsLetter(r0) || unicode.IsDigit(r0)) {
		return true
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	rl, _ := utf8.DecodeLastRuneInString(s[:i])
	if !(unicode.IsLetter(rl) || unicode.IsDigit(rl)) {
		return true
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r))
}
