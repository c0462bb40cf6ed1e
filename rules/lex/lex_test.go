package lex

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	got := []string{}
	for _, w := range Words("It’s a state-of-the-art “Größe” test, rock'n'roll 3.5 ÜBER") {
		got = append(got, w.Text+"/"+w.Lower)
	}
	want := "It’s/it’s a/a state-of-the-art/state-of-the-art Größe/größe test/test rock'n'roll/rock'n'roll 3/3 5/5 ÜBER/über"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher([]string{"lorem ipsum", "ipsum dolor sit", "Far far away", "TK", "world's first", "[insert"})
	text := "X lorem  IPSUM dolor sit; far\u00a0far away. TKO and tk, the World’s first [INSERT QUOTE]"
	n := Normalize(text)
	var got []string
	for _, x := range m.Find(&n, len(text)) {
		got = append(got, text[x.Start:x.End])
	}
	// leftmost-longest and non-overlapping: "lorem  IPSUM" wins over the
	// overlapping "IPSUM dolor sit"; "TKO" is not "TK"; offsets are the
	// original text's, curly apostrophe and no-break space included
	want := []string{"lorem  IPSUM", "far\u00a0far away", "tk", "World’s first", "[INSERT"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestNormalizeOffsets(t *testing.T) {
	text := "Ä  “Quote”\tend"
	n := Normalize(text)
	if n.Text != "ä \"quote\" end" {
		t.Fatalf("normalised %q", n.Text)
	}
	i := strings.Index(n.Text, "quote")
	if s, e := n.Orig(i, len(text)), n.OrigEnd(i+len("quote")); text[s:e] != "Quote" {
		t.Errorf("maps back to %q", text[s:e])
	}
}

func TestHeadingKey(t *testing.T) {
	a := HeadingKey("China Leads the “Race” — to create smart cities!")
	b := HeadingKey("china leads the \"race\" - to  create smart cities")
	if a != b {
		t.Errorf("%q != %q", a, b)
	}
	if HeadingKey("ﬁnal") != "final" { // NFKC
		t.Error("NFKC not applied")
	}
}

// identity is what Normalize's one-pass path decides: s normalises byte
// for byte in place (ASCII, no leading white space, no run of two
// white-space characters).
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

// The identity fast path must give what the general path gives.
func TestNormalizeIdentityPath(t *testing.T) {
	for _, s := range []string{"", "a", "Hello World", "one\ntwo\tthree", "it`s  x", " lead", "trail ", "TK-42, [INSERT QUOTE]", "a\r\nb", "Ünï", "x  "} {
		fast, slow := Normalize(s), normalizeGeneral(s)
		if fast.Text != slow.Text {
			t.Errorf("%q: fast %q, general %q", s, fast.Text, slow.Text)
			continue
		}
		for i := 0; i <= len(s)+1; i++ {
			if fast.Orig(i, len(s)) != slow.Orig(i, len(s)) || fast.OrigEnd(i) != slow.OrigEnd(i) {
				t.Errorf("%q: offset %d maps to %d/%d fast, %d/%d general", s, i,
					fast.Orig(i, len(s)), fast.OrigEnd(i), slow.Orig(i, len(s)), slow.OrigEnd(i))
			}
		}
		if identity(s) != (fast.Offs == nil) {
			t.Errorf("%q: identity %v but Offs %v", s, identity(s), fast.Offs)
		}
	}
}

// findNaive is Matcher.Find by brute force: every pattern at every word
// boundary, leftmost-longest, the first pattern among equals.
func findNaive(m *Matcher, n *Normalized, origLen int) []Match {
	t := n.Text
	var out []Match
	last := -1
	for s := 0; s < len(t); s++ {
		if s < last || !boundaryBefore(t, s) {
			continue
		}
		best, bestEnd := -1, -1
		for p, pat := range m.Patterns {
			if strings.HasPrefix(t[s:], pat) && boundaryAfter(t, s+len(pat)) && s+len(pat) > bestEnd {
				best, bestEnd = p, s+len(pat)
			}
		}
		if best >= 0 {
			out = append(out, Match{Pattern: best, Start: n.Orig(s, origLen), End: n.OrigEnd(bestEnd)})
			last = bestEnd
		}
	}
	return out
}

func TestMatcherAgainstNaive(t *testing.T) {
	m := NewMatcher([]string{"the best", "the", "best of", "per cent", "e.g.", "-est", "state of the art",
		"in half", "x y z", "x y", "half", "The Best", "co-op", "’s top"})
	tokens := []string{"the", "best", "of", "per", "cent", "e.g.", "state", "art", "a", "in", "half", "x", "y",
		"z", "THE", "co-op", "co", "op", "’s", "top", "e", "g"}
	seps := []string{" ", "  ", ", ", "-", "\n", ".", " (", "’", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(tokens[rng.IntN(len(tokens))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		text := b.String()
		n := Normalize(text)
		got, want := m.Find(&n, len(text)), findNaive(m, &n, len(text))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q:\n got  %v\n want %v", text, got, want)
		}
	}
}

func TestSetHas(t *testing.T) {
	in := []string{"the", "a", "über", "x", "", "according", "TK"}
	s := NewSet(in...)
	for _, w := range in {
		if !s.Has(strings.ToLower(w)) {
			t.Errorf("%q added but not found", w)
		}
	}
	for _, w := range []string{"then", "b", "uber", "accordingly", "TK"} {
		if s.Has(w) {
			t.Errorf("%q found but never added", w)
		}
	}
	var e Set
	e.AddExact("TK")
	if !e.Has("TK") || e.Has("tk") {
		t.Error("AddExact must keep case")
	}
}

func TestFindGroupsAsSeparateMatchers(t *testing.T) {
	lists := [][]string{{"the best", "best", "in half", "e.g."}, {"the", "best of", "half"}, {"-est", "x y", "the best of"}}
	var all []string
	var groups []Group
	for _, l := range lists {
		groups = append(groups, Group{From: len(all), To: len(all) + len(l)})
		all = append(all, l...)
	}
	merged := NewMatcher(all)
	tokens := []string{"the", "best", "of", "in", "half", "e.g.", "x", "y", "-est", "THE"}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := rng.IntN(10); k >= 0; k-- {
			b.WriteString(tokens[rng.IntN(len(tokens))])
			b.WriteString([]string{" ", "  ", ", ", "-", ""}[rng.IntN(5)])
		}
		text := b.String()
		n := Normalize(text)
		got := merged.FindGroups(&n, len(text), groups)
		for g, l := range lists {
			if want := NewMatcher(l).Find(&n, len(text)); fmt.Sprint(got[g]) != fmt.Sprint(want) {
				t.Fatalf("%q group %d:\n got  %v\n want %v", text, g, got[g], want)
			}
		}
	}
}

func TestWordsFromNormalisedText(t *testing.T) {
	for _, s := range []string{"It's A State-of-the-Art TEST, rock'n'roll 3.5", "one\ntwo\tThree `x` O'Brien", "A-b-C d'E"} {
		n := Normalize(s)
		if n.Offs != nil {
			t.Fatalf("%q: not an identity normalisation", s)
		}
		if got, want := fmt.Sprint(appendWords(nil, s, n.Text)), fmt.Sprint(Words(s)); got != want {
			t.Errorf("%q:\n got  %s\n want %s", s, got, want)
		}
	}
}

func TestSetFirstBytes(t *testing.T) {
	s := NewSet("über", "tk", "a", "zzz")
	for w, want := range map[string]bool{"über": true, "uber": false, "tk": true, "t": false, "a": true, "b": false,
		"zzz": true, "zz": false, "": false, "ü": false, "\xff": false} {
		if s.Has(w) != want {
			t.Errorf("Has(%q) = %v", w, !want)
		}
	}
	var e Set
	e.AddExact("")
	if !e.Has("") || e.Has("x") {
		t.Error("a set of the empty word")
	}
}

// The ASCII path of HeadingKey says what the full one does, for every
// ASCII byte in every position and for random mixes of the bytes that
// matter (spaces of each kind, capitals, quotes, trimmed punctuation).
func TestHeadingKeyASCII(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, ok := headingKeyASCII(s)
		if !ok {
			t.Fatalf("%q: ASCII path declined", s)
		}
		if want := headingKeyFull(s); got != want {
			t.Fatalf("%q: ASCII path %q, full %q", s, got, want)
		}
	}
	for c := 0; c < 0x80; c++ {
		for _, f := range []string{"%c", "a%cb", "%cAb C%c", " %c ", "Title%c", "%c%cx"} {
			check(strings.ReplaceAll(f, "%c", string(rune(c))))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{" ", "  ", "\t", "\n", "\r", "\v", "\f", "A", "z", "Q", "'", "\"", "`", ".", "!", "?", ":", ";", ",", "-", "…", "x1", "\x00", "\x7f"}
	for range 100_000 {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, ok := headingKeyASCII(s); ok {
			if want := headingKeyFull(s); got != want {
				t.Fatalf("%q: ASCII path %q, full %q", s, got, want)
			}
		} else if !strings.Contains(s, "…") {
			t.Fatalf("%q: ASCII path declined ASCII text", s)
		}
	}
}
