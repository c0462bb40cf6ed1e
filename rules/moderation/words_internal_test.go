package moderation

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// TestWordListsAreInCuss: the lists compiled for draftlint name words of
// the generated cuss.tsv, spelt as it spells them, so that a list that no
// longer matches the data after a regeneration fails here.
func TestWordListsAreInCuss(t *testing.T) {
	en := map[string]bool{}
	for _, line := range strings.Split(cussTSV, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && f[0] == "en" {
			en[f[1]] = true
		}
	}
	if len(en) < 1000 {
		t.Fatalf("cuss.tsv has %d English words; is it generated?", len(en))
	}
	for name, list := range map[string]string{"slurs.txt": slursTxt, "likely.txt": likelyTxt, "innocent.txt": innocentTxt} {
		for _, w := range lex.ParseList(list) {
			if name == "innocent.txt" && strings.Contains(w, " ") && !en[w] {
				continue // a phrase giving a word its clean sense
			}
			if !en[w] {
				t.Errorf("%s: %q is not an English word of cuss.tsv", name, w)
			}
		}
	}
}

func TestInQuotation(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{`He said: "This is bullshit." Then he left.`, "bullshit", true},
		{`"It took one jackass to shout," said Roddick.`, "jackass", true},
		{`He said it was “bullshit” and left.`, "bullshit", true},
		{`This is bullshit, he wrote.`, "bullshit", false},
		{`"Fine," he said. This is bullshit.`, "bullshit", false},
		{`He's a jackass, isn't he?`, "jackass", false},
	} {
		doc := parseText(c.text)
		b := &doc.Blocks[0]
		i := strings.Index(b.Text, c.word)
		if got := inQuotation(b, i); got != c.want {
			t.Errorf("%q: inQuotation(%q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}

func TestMaskWord(t *testing.T) {
	for in, want := range map[string]string{"fuck": "f••k", "arse bandit": "a••e b••••t", "fu": "f•", "Paki": "P••i"} {
		if got := maskWord(in); got != want {
			t.Errorf("maskWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func parseText(s string) *draft.Document { return draft.Parse("t.txt", []byte(s), draft.Text) }
