package headline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/entity"
	"github.com/draftlint/draftlint/rules/lex"
)

// stopwords are ignored when headings are compared by content.
var stopwords = lex.NewSet("a", "an", "the", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or",
	"is", "are", "was", "were", "be", "its", "it", "as", "into", "over", "about", "this", "that", "how", "why", "what",
	"der", "die", "das", "und", "le", "la", "les", "de", "des", "et", "el", "los", "y")

// stem strips the commonest English endings so "leads"/"lead" and
// "cities"/"city" agree.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 3 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// contentWords returns the stemmed content words of a normalised key.
// Symbols inside a word are kept ("c++", "==", "15.5"), so headings that
// differ by them stay different.
func contentWords(key string) []string {
	var out []string
	for _, f := range strings.Fields(key) {
		w := strings.Trim(strings.ToLower(f), ",.;:!?()[]{}\"'`*_")
		if w == "" || stopwords.Has(w) || w == "-" || w == "–" || w == "—" || w == "|" || w == "/" || w == ":" {
			continue
		}
		if len(w) >= 5 {
			w = stem(w)
		}
		out = append(out, w)
	}
	return out
}

func hasDigit(s string) bool { return entity.HasDigit(s) }

// minNearWords is the number of content words two headings need before a
// one-word difference makes them near-duplicates. With five, "Bank set to
// leave rates on hold" and "Bank opts to leave rates on hold" (two real
// stories) would count; with six they do not, while edited copies of longer
// headings still do.
const minNearWords = 6

// wordKey is a word's share of a heading's key, a multiset hash: the sum
// of its words' keys. A key with one word dropped is the sum less that
// word's key, so a heading of n words gets its n keys in O(n) time and
// memory (the other words joined into a string for each word took O(n²):
// a 200 KB heading took gigabytes). Colliding keys only propose a pair:
// nearSameSorted decides.
func wordKey(w string) uint64 {
	x := wordHash(w)
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func runNear(p *rules.Pass) {
	short := p.Options.Int("short_words", 3)
	hs := headings(p.Doc)
	_, _, pageHeading := titleInfo(p.Doc)
	// Index each heading by the multiset hash of its content words. Two
	// headings are near when their words are the same, or when dropping
	// one word of the longer gives the shorter: so each heading is looked
	// up by its own key and by each key with one word dropped, never
	// compared with every other heading.
	keys := make([]uint64, len(hs))
	words := make([][]string, len(hs))
	minus := make([][]uint64, len(hs))
	byKey := map[uint64][]int{}   // a heading's own key
	byMinus := map[uint64][]int{} // its keys with one word dropped
	firstOfKey := map[string]bool{}
	dup := make([]bool, len(hs)) // an exact repeat: headline/duplicate's business
	for i := range hs {
		if firstOfKey[hs[i].key] {
			dup[i] = true
			continue
		}
		firstOfKey[hs[i].key] = true
		ws := contentWords(hs[i].key)
		sort.Strings(ws)
		words[i] = ws
		wk := make([]uint64, len(ws))
		for d, w := range ws {
			wk[d] = wordKey(w)
			keys[i] += wk[d]
		}
		byKey[keys[i]] = append(byKey[keys[i]], i)
		// a word more or less counts only when the shorter heading has
		// minNearWords words (nearSameSorted): shorter headings need no
		// keys with a word dropped
		if len(ws) <= minNearWords {
			continue
		}
		for d := range ws {
			if d > 0 && ws[d] == ws[d-1] {
				continue
			}
			m := keys[i] - wk[d]
			minus[i] = append(minus[i], m)
			byMinus[m] = append(byMinus[m], i)
		}
	}
	for j := range hs {
		if dup[j] || hs[j].idx == pageHeading || len(words[j]) == 0 || hs[j].code {
			continue
		}
		cands := append([]int(nil), byKey[keys[j]]...) // the same words
		cands = append(cands, byMinus[keys[j]]...)     // an earlier heading with one word more
		for _, m := range minus[j] {
			cands = append(cands, byKey[m]...) // an earlier heading with one word less
		}
		sort.Ints(cands)
		for _, i := range cands {
			if i >= j {
				break
			}
			if hs[i].key == hs[j].key || hs[i].code || hs[i].alt != hs[j].alt && hs[i].alt >= 0 && hs[j].alt >= 0 {
				continue
			}
			if shortHeading(hs[j].key, short) && hs[i].parent != hs[j].parent {
				continue
			}
			if hs[j].parent == hs[i].idx && levelOf(hs[i].b) >= 2 || hs[i].parent == hs[j].idx && levelOf(hs[j].b) >= 2 {
				continue // "To get the time" under "Get the time" restates its parent
			}
			if !nearSameSorted(words[i], words[j]) {
				continue
			}
			p.Report(rules.Finding{Offset: hs[j].b.Start, EndOffset: hs[j].b.End,
				Message: fmt.Sprintf("heading %q nearly repeats the heading on line %d", clip(hs[j].text, 60), hs[i].line),
				Explanation: fmt.Sprintf("Line %d reads %q: the two differ only in a word or two. Keep one, or make the difference clear.",
					hs[i].line, clip(hs[i].text, 80))})
			break
		}
	}
}
