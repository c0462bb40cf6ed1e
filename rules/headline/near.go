package headline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/rules"
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
		if w == "" || stopwords[w] || w == "-" || w == "–" || w == "—" || w == "|" || w == "/" || w == ":" {
			continue
		}
		if len(w) >= 5 {
			w = stem(w)
		}
		out = append(out, w)
	}
	return out
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// minNearWords is the number of content words two headings need before a
// one-word difference makes them near-duplicates. With five, "Bank set to
// leave rates on hold" and "Bank opts to leave rates on hold" (two real
// stories) would count; with six they do not, while edited copies of longer
// headings still do.
const minNearWords = 6

// nearSame reports whether two different headings say the same thing: the
// same content words (at least three), or at least six content words each
// with one word changed, added or dropped. A changed number (a version, a
// year) is never a near-duplicate.
func nearSame(a, b []string) bool {
	a, b = sortedCopy(a), sortedCopy(b)
	return nearSameSorted(a, b)
}

func sortedCopy(ws []string) []string {
	out := append([]string(nil), ws...)
	sort.Strings(out)
	return out
}

func runNear(p *rules.Pass) {
	short := p.Options.Int("short_words", 3)
	hs := headings(p.Doc)
	_, titleIdx, pageHeading := titleInfo(p.Doc)
	cw := make([][]string, len(hs))
	for i := range hs {
		cw[i] = contentWords(hs[i].key)
	}
	for j := range hs {
		if hs[j].idx == pageHeading {
			continue
		}
		for i := 0; i < j; i++ {
			if hs[i].key == hs[j].key || hs[i].idx == pageHeading && hs[i].idx != titleIdx {
				continue
			}
			if shortHeading(hs[j].key, short) && hs[i].parent != hs[j].parent {
				continue
			}
			if hs[j].parent == hs[i].idx || hs[i].parent == hs[j].idx {
				continue // "To get the time" under "Get the time" restates its parent
			}
			if nearSame(cw[i], cw[j]) {
				p.Report(rules.Finding{Offset: hs[j].b.Start, EndOffset: hs[j].b.End,
					Message: fmt.Sprintf("heading %q nearly repeats the heading on line %d", clip(hs[j].text, 60), hs[i].line),
					Explanation: fmt.Sprintf("Line %d reads %q: the two differ only in a word or two. Keep one, or make the difference clear.",
						hs[i].line, clip(hs[i].text, 80))})
				break
			}
		}
	}
}
