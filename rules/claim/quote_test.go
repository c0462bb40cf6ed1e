package claim

import (
	"math/rand/v2"
	"testing"
)

// quoteOpenAfterRunes is quoteOpenAfter read rune by rune, as it was
// written first.
func quoteOpenAfterRunes(s string, open bool) bool {
	for _, r := range s {
		switch r {
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

func TestQuoteOpenAfter(t *testing.T) {
	cases := []struct {
		s          string
		open, want bool
	}{
		{`He said "no.`, false, true},
		{`He said "no."`, false, false},
		{`“Yes,” she said.`, false, false},
		{`“Yes, and more.`, false, true},
		{`…the end.” Then`, true, false},
		{`«Oui», dit-il. «Non`, false, true},
		{`„Ja“, sagte er.`, false, true}, // German closes with “, which opens elsewhere
		{`It's Tom's.`, true, true},
	}
	for _, c := range cases {
		if got := quoteOpenAfter(c.s, c.open); got != c.want {
			t.Errorf("quoteOpenAfter(%q, %v) = %v, want %v", c.s, c.open, got, c.want)
		}
	}
	// random text of quotes, their bytes on their own and invalid UTF-8
	parts := []string{"a", " ", `"`, "“", "”", "„", "«", "»", "‘", "’", "\xe2", "\x80", "\x9c", "\xc2", "\xab", "é", "—"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		b := []byte{}
		for k := r.IntN(12); k > 0; k-- {
			b = append(b, parts[r.IntN(len(parts))]...)
		}
		for _, open := range []bool{false, true} {
			if got, want := quoteOpenAfter(string(b), open), quoteOpenAfterRunes(string(b), open); got != want {
				t.Fatalf("quoteOpenAfter(%q, %v) = %v, rune by rune %v", b, open, got, want)
			}
		}
	}
}

func TestIndexFoldASCII(t *testing.T) {
	for _, c := range []struct {
		s, pat string
		want   int
	}{
		{"It was Published In Nature.", "published in ", 7},
		{"PUBLISHED IN THE LANCET", "published in ", 0},
		{"published in", "published in ", -1},
		{"unpublished inquiry", "published in ", -1},
		{"unpublished in print", "published in ", 2},
		{"publishéd in Nature", "published in ", -1},
		{"published_in Nature", "published in ", -1},
		{"Größe published in Nature", "published in ", 8},
		{"", "published in ", -1},
	} {
		if got := indexFoldASCII(c.s, c.pat); got != c.want {
			t.Errorf("indexFoldASCII(%q, %q) = %d, want %d", c.s, c.pat, got, c.want)
		}
	}
}
