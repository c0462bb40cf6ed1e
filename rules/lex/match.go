package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// Normalized is text folded for phrase matching: lower case, every run of
// white space one space, curly quotes straight, dashes plain. Offs and Ends
// map each byte of Text back to the range of the original character that
// produced it.
type Normalized struct {
	Text string
	Offs []int
	Ends []int
}

// Orig maps a start offset in n.Text to the original text.
func (n *Normalized) Orig(i, origLen int) int {
	if i >= len(n.Offs) {
		return origLen
	}
	return n.Offs[i]
}

// OrigEnd maps an exclusive end offset in n.Text to the original text.
func (n *Normalized) OrigEnd(i int) int {
	if i <= 0 || len(n.Ends) == 0 {
		return 0
	}
	if i > len(n.Ends) {
		i = len(n.Ends)
	}
	return n.Ends[i-1]
}

// Normalize folds s for matching.
func Normalize(s string) Normalized {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s))
	ends := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		w := utf8.RuneLen(r)
		if r == utf8.RuneError {
			w = 1
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				offs = append(offs, i)
				ends = append(ends, i+w)
			}
			space = true
			continue
		}
		space = false
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '“', '”', '„', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, i)
			ends = append(ends, i+w)
		}
	}
	return Normalized{Text: b.String(), Offs: offs, Ends: ends}
}

// Matcher finds any of a set of phrases in text, whole words only,
// case-insensitively, in one pass (Aho-Corasick).
type Matcher struct {
	ac       ahocorasick.AhoCorasick
	Patterns []string
}

// NewMatcher builds a matcher for phrases (normalised like the text).
func NewMatcher(phrases []string) *Matcher {
	pats := make([]string, len(phrases))
	for i, p := range phrases {
		pats[i] = Normalize(p).Text
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
	return &Matcher{ac: b.Build(pats), Patterns: pats}
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
	it := m.ac.IterOverlapping(n.Text)
	type cand struct{ p, s, e int }
	var cs []cand
	for x := it.Next(); x != nil; x = it.Next() {
		s, e := x.Start(), x.End()
		if !boundaryBefore(n.Text, s) || !boundaryAfter(n.Text, e) {
			continue
		}
		cs = append(cs, cand{x.Pattern(), s, e})
	}
	if len(cs) == 0 {
		return nil
	}
	// leftmost-longest, non-overlapping
	var out []Match
	last := -1
	for {
		best := -1
		for i, c := range cs {
			if c.s < last {
				continue
			}
			if best < 0 || c.s < cs[best].s || c.s == cs[best].s && c.e > cs[best].e {
				best = i
			}
		}
		if best < 0 {
			break
		}
		c := cs[best]
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
