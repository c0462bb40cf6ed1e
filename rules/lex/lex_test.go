package lex

import (
	"strings"
	"testing"
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
