package lex

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Normalized is text folded for phrase matching: lower case, every run of
// white space one space, curly quotes straight, dashes plain. Offs maps
// each byte of Text back to the offset of the original character that
// produced it; it is nil when every byte maps to itself (the common case:
// ASCII text with single spaces), which saves four bytes per byte of text.
type Normalized struct {
	Text  string
	Offs  []int32
	orig  string
	idx   []wordPos // made by wordIndex
	arena *[]wordPos
}

// wordPos is a word of a normalised text: its range, its hash, and the hash
// of it with the next word when a single space separates them (0 if not).
type wordPos struct {
	s, e int32
	h    uint64
	h2   uint64
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
	if s == "" {
		return Normalized{orig: s}
	}
	// the common case in one pass: ASCII with single spaces folds byte for
	// byte; anything else starts over with an offset table
	b := make([]byte, len(s))
	space := true // a leading space would be dropped
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return normalizeGeneral(s)
		}
		if asciiSpace[c] {
			if space {
				return normalizeGeneral(s)
			}
			space = true
		} else {
			space = false
		}
		b[i] = asciiFold[c]
	}
	return Normalized{Text: unsafe.String(&b[0], len(b)), orig: s}
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

// wordIndex lists where words begin and end in n.Text and a hash of each
// word, made once per normalised text (appended to n.arena when it is set,
// so the blocks of a document share one array).
func (n *Normalized) wordIndex() []wordPos {
	if n.idx != nil || n.Text == "" {
		return n.idx
	}
	t := n.Text
	var idx []wordPos
	base := 0
	if n.arena != nil {
		idx = *n.arena
		base = len(idx)
	} else {
		idx = make([]wordPos, 0, len(t)/5+1)
	}
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(t[i:]); !isWordRune(r) {
			i += w
			continue
		}
		// a word: hash it to its end (FNV-1a)
		start := i
		h := uint64(14695981039346656037)
		for i < len(t) {
			cj := t[i]
			if cj < utf8.RuneSelf {
				if !asciiWord[cj] {
					break
				}
				h ^= uint64(cj)
				h *= 1099511628211
				i++
				continue
			}
			r, wj := utf8.DecodeRuneInString(t[i:])
			if !isWordRune(r) {
				break
			}
			for k := i; k < i+wj; k++ {
				h ^= uint64(t[k])
				h *= 1099511628211
			}
			i += wj
		}
		if k := len(idx) - 1; k >= base && idx[k].e+1 == int32(start) && t[idx[k].e] == ' ' {
			idx[k].h2 = pairHash(idx[k].h, h)
		}
		idx = append(idx, wordPos{s: int32(start), e: int32(i), h: h})
	}
	if n.arena != nil {
		*n.arena = idx
	}
	n.idx = idx[base:len(idx):len(idx)]
	return n.idx
}

// asciiWord: ASCII letters and digits (256 entries, so a byte indexes it
// without a bounds check).
var asciiWord = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

// pairHash combines the hashes of two words separated by one space.
// It is never 0, which marks words with no pair.
func pairHash(h1, h2 uint64) uint64 { return ((h1^0x9e3779b97f4a7c15)*31 + h2) | 1 }

// wordFilter is a 16,384-bit set of hashes.
type wordFilter [256]uint64

func (f *wordFilter) add(h uint64)      { f[(h>>8)&255] |= 1 << (h & 63) }
func (f *wordFilter) has(h uint64) bool { return f[(h>>8)&255]&(1<<(h&63)) != 0 }

// Matcher finds any of a set of phrases in text, whole words only,
// case-insensitively. Phrases are indexed by the hash of their first word,
// or of their first two words when a single space separates them, so a
// text is scanned once, word by word, whatever the number of phrases: each
// word costs a probe or two of small bit sets, and only the phrases that
// begin with the same word (or the same two words) are compared.
type Matcher struct {
	Patterns []string
	one      map[uint64][]int // first-word hash → phrases
	two      map[uint64][]int // first-two-words hash → phrases
	oneBits  wordFilter
	twoBits  wordFilter
	odd      []int // phrases that do not start with a word character
}

// NewMatcher builds a matcher for phrases (normalised like the text).
func NewMatcher(phrases []string) *Matcher {
	m := &Matcher{one: map[uint64][]int{}, two: map[uint64][]int{}}
	for _, p := range phrases {
		pat := Normalize(p).Text
		if pat == "" {
			continue
		}
		i := len(m.Patterns)
		m.Patterns = append(m.Patterns, pat)
		pn := Normalized{Text: pat}
		ws := pn.wordIndex()
		if len(ws) == 0 || ws[0].s != 0 {
			m.odd = append(m.odd, i)
			continue
		}
		if len(ws) >= 2 && ws[0].h2 != 0 {
			h := ws[0].h2
			m.two[h] = append(m.two[h], i)
			m.twoBits.add(h)
			continue
		}
		m.one[ws[0].h] = append(m.one[ws[0].h], i)
		m.oneBits.add(ws[0].h)
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
	cs := m.candidates(n)
	if len(cs) == 0 {
		return nil
	}
	return pick(n, origLen, cs, nil)
}

// Group is a range of a matcher's phrases, [From, To).
type Group struct{ From, To int }

// FindGroups is Find for a matcher built from several lists of phrases one
// after the other: the text is scanned once, and each group gets the
// matches Find would give a matcher of its phrases alone (pattern indices
// counted from the group's first phrase).
func (m *Matcher) FindGroups(n *Normalized, origLen int, groups []Group) [][]Match {
	out := make([][]Match, len(groups))
	cs := m.candidates(n)
	if len(cs) == 0 {
		return out
	}
	for g, gr := range groups {
		out[g] = pick(n, origLen, cs, &gr)
	}
	return out
}

// cand is a phrase found at [s, e) of a normalised text.
type cand struct{ p, s, e int }

// candidates lists every whole-word occurrence of every phrase, by start.
func (m *Matcher) candidates(n *Normalized) []cand {
	if len(m.Patterns) == 0 || n.Text == "" {
		return nil
	}
	t := n.Text
	var cs []cand
	try := func(ps []int, s int) {
		for _, p := range ps {
			pat := m.Patterns[p]
			if len(t)-s >= len(pat) && t[s:s+len(pat)] == pat && boundaryAfter(t, s+len(pat)) {
				cs = append(cs, cand{p, s, s + len(pat)})
			}
		}
	}
	ws := n.wordIndex()
	for k := range ws {
		w := &ws[k]
		if m.oneBits.has(w.h) {
			try(m.one[w.h], int(w.s))
		}
		if w.h2 != 0 && m.twoBits.has(w.h2) {
			try(m.two[w.h2], int(w.s))
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
	if len(m.odd) > 0 && len(cs) > 1 {
		// the word scan found candidates in order of start; these not
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].s < cs[b].s })
	}
	return cs
}

// pick chooses the leftmost-longest (the first phrase of the list among
// equals), non-overlapping candidates, of group gr only when it is set,
// whose pattern indices then count from the group's first phrase.
func pick(n *Normalized, origLen int, cs []cand, gr *Group) []Match {
	base := 0
	if gr != nil {
		base = gr.From
	}
	var out []Match
	last := -1
	in := func(c cand) bool { return gr == nil || c.p >= gr.From && c.p < gr.To }
	for i := 0; i < len(cs); {
		s := cs[i].s
		best := cand{p: -1}
		j := i
		for ; j < len(cs) && cs[j].s == s; j++ {
			if c := cs[j]; in(c) && (best.p < 0 || c.e > best.e || c.e == best.e && c.p < best.p) {
				best = c
			}
		}
		i = j
		if best.p < 0 || s < last {
			continue
		}
		out = append(out, Match{Pattern: best.p - base, Start: n.Orig(best.s, origLen), End: n.OrigEnd(best.e)})
		last = best.e
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
