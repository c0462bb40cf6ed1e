package headline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/entity"
	"github.com/draftlint/draftlint/rules/lex"
	"github.com/draftlint/draftlint/rules/placeholder"
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
// nearHeadings decides.
func wordKey(w string) uint64 {
	x := wordHash(w)
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// maxBucket bounds the headings looked at under one key: a page of
// hundreds of headings that share their words ("To create a … project") is
// compared with the latest of them only, never pair by pair.
const maxBucket = 64

// buckets index headings by key: each key's headings are a list, newest
// first, threaded through one slice (most keys hold one heading, and a map
// of slices would make a slice for each).
type buckets struct {
	head map[uint64]int32 // key → node+1 of its newest heading
	item []int32          // the heading of each node
	next []int32          // node+1 of the next older one, 0 at the end
}

func (b *buckets) add(k uint64, i int) {
	b.item = append(b.item, int32(i))
	b.next = append(b.next, b.head[k])
	b.head[k] = int32(len(b.item))
}

// appendTo appends to out up to maxBucket headings under k, newest first.
func (b *buckets) appendTo(out []int, k uint64) []int {
	for n, c := b.head[k], 0; n > 0 && c < maxBucket; n, c = b.next[n-1], c+1 {
		out = append(out, int(b.item[n-1]))
	}
	return out
}

func runNear(p *rules.Pass) {
	short := p.Options.Int("short_words", 3)
	d := p.Doc
	hs := headings(d)
	docs := pageOf(d).docs
	title, titleIdx, pageHeading := titleInfo(d)
	isTitle := -1 // the index in hs of a front-matter or <title> title, compared as a heading before the others
	if title != nil && (title.Kind == draft.FrontMatter || title.Kind == draft.Heading && title.Level == 0) && !docs {
		key, code := textKey(title.Text)
		if !code && key != "" {
			hs = append([]heading{{idx: titleIdx, b: title, key: key, text: title.Text, parent: -1, line: d.Position(title.Start).Line, alt: -1}}, hs...)
			isTitle = 0
		}
	}
	// Index each heading by the multiset hash of its content words' stems.
	// Two headings can be near when those are the same, when dropping one
	// of the longer's gives the shorter, or when dropping one of each gives
	// the same (a word substituted): so each heading is looked up among the
	// headings before it by its own key and by its keys with one word
	// dropped, never compared with every other heading; nearHeadings then
	// aligns the two in order.
	// words are read (tokens) only for headings that meet a candidate
	toks := make([][]tok, len(hs))
	read := make([]bool, len(hs))
	tokensOf := func(i int) []tok {
		if !read[i] {
			toks[i], read[i] = tokens(hs[i].text), true
		}
		return toks[i]
	}
	byKey := buckets{head: map[uint64]int32{}}   // a heading's own key
	byMinus := buckets{head: map[uint64]int32{}} // its keys with one word dropped
	firstOfKey := make(map[string]bool, len(hs))
	parentOf := make(map[int]int, len(hs))
	var wk []uint64
	var cands []int
	ancestor := func(i, j int) bool {
		for p, n := hs[j].parent, 0; p >= 0 && n < 64; n++ {
			if p == hs[i].idx {
				return true
			}
			var ok bool
			if p, ok = parentOf[p]; !ok {
				return false
			}
		}
		return false
	}
	for j := range hs {
		parentOf[hs[j].idx] = hs[j].parent
		if firstOfKey[hs[j].key] || hs[j].code {
			continue // an exact repeat is headline/duplicate's business; code compares exactly
		}
		firstOfKey[hs[j].key] = true
		wk = coarseKeys(hs[j].text, wk[:0])
		if wk == nil {
			continue
		}
		var key uint64
		for _, k := range wk {
			key += k
		}
		// a word more, less or swapped counts only when minNearWords-1
		// content words stay the same: shorter headings need no keys with
		// a word dropped
		withMinus := len(wk) >= minNearWords
		if hs[j].idx != pageHeading {
			cands = byKey.appendTo(cands[:0], key) // the same words
			if withMinus {
				cands = byMinus.appendTo(cands, key) // an earlier heading with one word more
				for _, k := range wk {
					cands = byKey.appendTo(cands, key-k)   // one word less
					cands = byMinus.appendTo(cands, key-k) // one word swapped
				}
			}
			slices.Sort(cands)
			if i, diff, ok := firstNear(p, hs, tokensOf, cands, j, short, docs, ancestor); ok {
				what := "the heading"
				if i == isTitle {
					what = "the title"
				}
				p.Report(rules.Finding{Offset: hs[j].b.Start, EndOffset: hs[j].b.End,
					Message: fmt.Sprintf("heading %q nearly repeats %s on line %d: %s", clip(hs[j].text, 60), what, hs[i].line, diff.describe(hs[i].line)),
					Explanation: fmt.Sprintf("Line %d reads %q; this one differs only in %s. Keep one, or make the difference clear.",
						hs[i].line, clip(hs[i].text, 80), diff.words())})
			}
		}
		byKey.add(key, j)
		if withMinus {
			for _, k := range wk {
				byMinus.add(key-k, j)
			}
		}
	}
}

// firstNear returns the earliest of the candidates (sorted, all before j)
// that heading j nearly repeats.
func firstNear(p *rules.Pass, hs []heading, tokensOf func(int) []tok, cands []int, j, short int, docs bool, ancestor func(i, j int) bool) (int, nearDiff, bool) {
	for k, i := range cands {
		if k > 0 && cands[k-1] == i || hs[i].alt != hs[j].alt && hs[i].alt >= 0 && hs[j].alt >= 0 {
			continue
		}
		if shortHeading(hs[j].key, short) && hs[i].parent != hs[j].parent {
			continue
		}
		if hs[j].parent == hs[i].idx && levelOf(hs[i].b) >= 2 || hs[i].parent == hs[j].idx && levelOf(hs[j].b) >= 2 {
			continue // "To get the time" under "Get the time" restates its parent
		}
		if docs && ancestor(i, j) {
			continue // "To create a project" under "How to: Create a project"
		}
		a, b := tokensOf(i), tokensOf(j)
		if a == nil || b == nil {
			continue
		}
		if diff, ok := nearHeadings(a, b, docs); ok {
			if placeholder.Marked(p.Doc, hs[j].idx) || placeholder.Marked(p.Doc, hs[i].idx) {
				return 0, nearDiff{}, false // placeholder/marker's finding
			}
			return i, diff, true
		}
	}
	return 0, nearDiff{}, false
}
