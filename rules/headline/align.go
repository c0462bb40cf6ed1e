package headline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// A word of a heading, as the near-duplicate comparison sees it.
type tok struct {
	raw  string // as written
	low  string // lower case
	stem string // Snowball (Porter2) stem: "cutting" and "cut" agree
	fn   bool   // a function word, weighed low
	prot bool   // a number, ordinal, date, name or qualifier in brackets: changing it changes the story
	pol  bool   // a word of polarity or direction: "without", "before", "not"
	// start: the first word, or the first after a colon or dash, which
	// takes a capital whether or not it is a name
	start bool
}

// Word classes, one map look-up a word.
const (
	classFn = 1 << iota
	classPol
	classCount
)

var wordClass = map[string]uint8{}

func init() {
	for _, c := range []struct {
		words []string
		class uint8
	}{{functionWords, classFn}, {polarWords, classPol}, {countWords, classCount}} {
		for _, w := range c.words {
			wordClass[w] |= c.class
		}
	}
}

// maxTokens bounds the words compared in one heading: longer headings are
// compared exactly only (by headline/duplicate), so the alignment's table
// stays small whatever the input.
const maxTokens = 40

// functionWords weigh low: a heading that adds or drops them ("How cities
// are cutting traffic deaths" / "How cities cut traffic deaths") says the
// same.
var functionWords = []string{"a", "an", "the", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or",
	"is", "are", "was", "were", "be", "been", "being", "its", "it", "as", "into", "about", "this", "that", "these",
	"those", "how", "why", "what", "when", "where", "which", "who", "you", "your", "we", "our", "they", "their", "he",
	"she", "his", "her", "i", "my", "me", "us", "them", "do", "does", "did", "has", "have", "had", "can", "could",
	"will", "would", "should", "must", "need", "needs", "may", "might", "shall", "just", "so", "than", "then", "there",
	"here", "some", "any", "all", "if", "whether", "because", "while", "get", "gets", "got", "way", "ways", "now", "also", "very", "really",
	"der", "die", "das", "und", "le", "la", "les", "de", "des", "et", "el", "los", "y"}

// polarWords turn a heading's meaning around when added, dropped or
// swapped.
var polarWords = []string{"not", "no", "never", "without", "against", "before", "after", "out", "off", "down", "under",
	"over", "up", "pre", "post", "anti", "non", "less", "more", "least", "most", "first", "last", "next", "previous",
	"new", "old", "only", "none", "nor", "neither", "except", "versus", "vs", "don't", "doesn't", "isn't", "aren't",
	"won't", "can't", "cannot", "didn't", "all", "every", "each", "any", "some", "still", "yet", "again"}

// countWords are numbers and ordinals written out: "First half" and
// "Second half" are two sections of a match report.
var countWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "twenty", "thirty", "hundred", "thousand", "million", "billion", "second", "third", "fourth", "fifth",
	"sixth", "seventh", "eighth", "ninth", "tenth", "half", "quarter", "final", "semi-final", "quarter-final",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
	"december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"tomorrow", "yesterday", "morning", "afternoon", "evening", "night", "spring", "summer", "autumn", "winter",
	"north", "south", "east", "west", "left", "right", "men's", "women's", "home", "away"}

// antonyms swapped for each other make a different heading.
var antonyms = map[[2]string]bool{}

func init() {
	for _, p := range [][2]string{{"increase", "decrease"}, {"rise", "fall"}, {"win", "lose"}, {"open", "close"},
		{"import", "export"}, {"start", "stop"}, {"begin", "end"}, {"high", "low"}, {"best", "worst"}, {"buy", "sell"},
		{"add", "remove"}, {"public", "private"}, {"true", "false"}, {"min", "max"}, {"minimum", "maximum"},
		{"internal", "external"}, {"input", "output"}, {"read", "write"}, {"push", "pop"}, {"load", "save"},
		{"encode", "decode"}, {"gain", "loss"}, {"profit", "loss"}, {"accept", "reject"}, {"allow", "deny"},
		{"inbound", "outbound"}, {"upload", "download"}, {"send", "receive"}, {"success", "failure"},
		{"strong", "weak"}, {"cheap", "expensive"}, {"early", "late"}, {"major", "minor"}, {"long", "short"},
		{"large", "small"}, {"big", "small"}, {"hot", "cold"}, {"men", "women"}, {"boy", "girl"}, {"client", "server"},
		{"sync", "async"}, {"synchronous", "asynchronous"}, {"static", "dynamic"}, {"local", "remote"},
		{"local", "global"}, {"debug", "release"}, {"host", "guest"}, {"source", "target"}, {"parent", "child"},
		{"basic", "advanced"}, {"custom", "stock"}, {"custom", "default"}, {"custom", "standard"}, {"load", "store"}, {"simple", "complex"}, {"beginner", "expert"}, {"manual", "automatic"}} {
		antonyms[p] = true
		antonyms[[2]string{p[1], p[0]}] = true
	}
}

// tokens splits a heading into words, read as an editor reads them; nil
// when it has more than maxTokens words (it is compared exactly only).
func tokens(text string) []tok {
	if strings.Count(text, " ") > 2*maxTokens {
		return nil // not a heading to align: no need to read it all
	}
	if strings.ContainsAny(text, "*_`\\") {
		text = markupDropper.Replace(text)
	}
	fs := strings.Fields(text)
	if len(fs) < 3 {
		return nil // fewer than three content words are never near
	}
	out := make([]tok, 0, len(fs))
	paren, start := false, true
	for _, f := range splitHyphens(fs) {
		opens := f[0] == '(' || f[0] == '['
		inParen := paren || opens
		if inParen {
			e := strings.TrimRight(f, ".,:;!?")
			paren = !strings.HasSuffix(e, ")") && !strings.HasSuffix(e, "]")
		}
		w := trimToWord(f)
		colon := f[len(f)-1] == ':' || strings.HasSuffix(f, "—") || f == "-" || f == "–" || f == "|"
		if w == "" {
			start = start || colon
			continue
		}
		low := strings.ToLower(w)
		c := wordClass[low]
		t := tok{raw: w, low: low, fn: c&classFn != 0, pol: c&classPol != 0, start: start}
		t.prot = c&classCount != 0 || inParen || hasDigit(low) // "(basic method)" / "(advanced method)"
		t.stem = low
		if n, ok := numberWords[low]; ok {
			t.stem = n // "Five tips" and "5 tips"
		} else if !t.prot && !t.fn && len(low) > 3 && isLetters(low) {
			t.stem = stemOf(low)
		}
		out = append(out, t)
		start = colon
	}
	if len(out) > maxTokens {
		return nil
	}
	// names: in a heading written in sentence case, a capital inside it
	// (not the first word, nor the first after a colon) marks a name; an
	// acronym is one in any heading not written all in capitals
	upper, lower, allCaps := 0, 0, true
	for i, t := range out {
		r, _ := utf8.DecodeRuneInString(t.raw)
		if allCaps && !upperOnly(t.raw) {
			allCaps = false
		}
		if i == 0 || t.fn || !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			upper++
		} else {
			lower++
		}
	}
	if allCaps || upper == 0 {
		return out
	}
	titleCase := upper > lower
	for i := range out {
		t := &out[i]
		r, _ := utf8.DecodeRuneInString(t.raw)
		if !unicode.IsUpper(r) {
			continue
		}
		acronym := utf8.RuneCountInString(t.raw) >= 2 && upperOnly(t.raw)
		if acronym || !titleCase && !t.start && !t.fn {
			t.prot = true
		}
	}
	// a capitalised first word before a name is part of it ("Anna Berger")
	for i := 0; i+1 < len(out) && !titleCase; i++ {
		r, _ := utf8.DecodeRuneInString(out[i].raw)
		if out[i].start && !out[i].fn && unicode.IsUpper(r) && out[i+1].prot && !hasDigit(out[i+1].low) {
			r2, _ := utf8.DecodeRuneInString(out[i+1].raw)
			out[i].prot = out[i].prot || unicode.IsUpper(r2)
		}
	}
	return out
}

// coarseKeys appends to ks a key for each content word of a heading that
// its Snowball stem agrees with: the stem only cuts and changes a word's
// ending, so two words with one stem share their first three letters (or
// are the same short word). Headings are indexed by these, without the
// stemmer; tokens reads only the headings that meet a candidate. nil: the
// heading is too short or too long to align.
func coarseKeys(text string, ks []uint64) []uint64 {
	if strings.Count(text, " ") > 2*maxTokens {
		return nil
	}
	if strings.ContainsAny(text, "*_`\\") {
		text = markupDropper.Replace(text)
	}
	n := 0
	for _, f := range splitHyphens(strings.Fields(text)) {
		w := trimToWord(f)
		if w == "" {
			continue
		}
		n++
		low := strings.ToLower(w)
		if wordClass[low]&classFn != 0 {
			continue
		}
		if d, ok := numberWords[low]; ok {
			low = d
		} else if len(low) > 3 {
			_, size := utf8.DecodeRuneInString(low[2:])
			low = low[:2+size] // three letters (or two and a part of a rune's bytes)
		}
		ks = append(ks, wordKey(low))
	}
	if n < 3 || n > maxTokens {
		return nil
	}
	if ks == nil {
		ks = []uint64{}
	}
	return ks
}

// trimToWord trims what is not a letter or digit from both ends of f.
func trimToWord(f string) string {
	i, j := 0, len(f)
	for i < j && f[i] < utf8.RuneSelf && !isAlnumASCII(f[i]) {
		i++
	}
	for j > i && f[j-1] < utf8.RuneSelf && !isAlnumASCII(f[j-1]) {
		j--
	}
	if i < j && (f[i] >= utf8.RuneSelf || f[j-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(f[i:j], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	return f[i:j]
}

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// stems caches Snowball stems: a draft's headings share their words, and
// the stemmer costs more than a look-up. It is bounded: once full, new
// words are stemmed each time.
var (
	stems     sync.Map // word → stem
	stemCount atomic.Int64
)

const maxStems = 1 << 16

func stemOf(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if stemCount.Add(1) <= maxStems {
		stems.Store(strings.Clone(w), s)
	}
	return s
}

var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}

// splitHyphens reads "long-term" as "long term"; a hyphen alone stays.
func splitHyphens(fs []string) []string {
	if !slices.ContainsFunc(fs, func(f string) bool { return strings.Contains(f, "-") }) {
		return fs
	}
	var out []string
	for _, f := range fs {
		if strings.Trim(f, "-") == "" || !strings.Contains(strings.Trim(f, "-"), "-") {
			out = append(out, f)
			continue
		}
		for part := range strings.SplitSeq(f, "-") {
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// upperOnly reports whether s has no lower-case letter.
func upperOnly(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) < 0
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '\'' && r != '-' {
			return false
		}
	}
	return true
}

// align matches the words of two headings in order (a longest common
// subsequence of stems, a content word weighing three function words) and
// marks which are matched.
func align(a, b []tok) (ma, mb []bool) {
	n, m := len(a), len(b)
	w := func(t tok) int {
		if t.fn {
			return 1
		}
		return 3
	}
	dp := make([]int, (n+1)*(m+1))
	at := func(i, j int) *int { return &dp[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(*at(i+1, j), *at(i, j+1))
			if a[i].stem == b[j].stem {
				best = max(best, w(a[i])+*at(i+1, j+1))
			}
			*at(i, j) = best
		}
	}
	ma, mb = make([]bool, n), make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i].stem == b[j].stem && *at(i, j) == w(a[i])+*at(i+1, j+1):
			ma[i], mb[j] = true, true
			i++
			j++
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	return ma, mb
}

// nearDiff is what two near-duplicate headings differ in, for the message.
type nearDiff struct{ here, there []string }

// nearHeadings decides whether heading b nearly repeats heading a, as an
// editor sees it: the words aligned in order, function words weighed low;
// the same content words (in other forms, with function words added or
// dropped) when at least three; one content word substituted when five
// others stay; one added or dropped when six stay. A number, date or name
// added, dropped or changed, a word of polarity ("without", "before"), a
// swap of antonyms ("import"/"export", "managed"/"unmanaged") or words that
// changed places ("from A to B" / "from B to A") make a different heading.
//
// strict (documentation pages, whose sibling sections vary a heading by
// design: "Change locale …" / "Change global locale …") asks for the same
// content words.
func nearHeadings(a, b []tok, strict bool) (nearDiff, bool) {
	if len(a) > maxTokens || len(b) > maxTokens || len(a) == 0 || len(b) == 0 {
		return nearDiff{}, false
	}
	ma, mb := align(a, b)
	var ua, ub []tok // content words unmatched
	var d nearDiff
	fnDiff, matched := 0, 0 // matched: distinct content words ("cancel" twice is one)
	for i, t := range a {
		if ma[i] && !t.fn && !seenBefore(a[:i], ma, t.stem) {
			matched++
		}
	}
	side := func(ts []tok, ms []bool, u *[]tok, words *[]string) bool {
		for i, t := range ts {
			if ms[i] {
				continue
			}
			if t.prot || t.pol {
				return false
			}
			*words = append(*words, t.raw)
			if t.fn {
				fnDiff++
			} else {
				*u = append(*u, t)
			}
		}
		return true
	}
	if !side(a, ma, &ua, &d.there) || !side(b, mb, &ub, &d.here) || fnDiff > 4 {
		return d, false
	}
	for _, x := range ua {
		for _, y := range ub {
			if x.stem == y.stem {
				return d, false // the same word in another place
			}
		}
	}
	switch {
	case strict && len(ua)+len(ub) > 0:
		return d, false
	case len(ua)+len(ub) == 0:
		if matched < 3 {
			return d, false
		}
	case len(ua)+len(ub) == 1:
		if matched < minNearWords {
			return d, false
		}
	case len(ua) == 1 && len(ub) == 1:
		if matched < minNearWords-1 || opposite(ua[0].low, ub[0].low) || opposite(ua[0].stem, ub[0].stem) {
			return d, false
		}
	default:
		return d, false
	}
	if len(d.here)+len(d.there) == 0 {
		// the same words in other forms: name them
		i, j := 0, 0
		for i < len(a) && j < len(b) {
			switch {
			case ma[i] && mb[j]:
				if a[i].low != b[j].low {
					d.there = append(d.there, a[i].raw)
					d.here = append(d.here, b[j].raw)
				}
				i++
				j++
			case !ma[i]:
				i++
			default:
				j++
			}
		}
	}
	return d, true
}

// seenBefore reports whether a matched word of ts has stem s.
func seenBefore(ts []tok, ms []bool, s string) bool {
	for i, t := range ts {
		if ms[i] && !t.fn && t.stem == s {
			return true
		}
	}
	return false
}

// opposite reports whether two words are antonyms or one negates the other
// with a prefix ("managed"/"unmanaged", "able"/"disable").
func opposite(x, y string) bool {
	if antonyms[[2]string{x, y}] {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	for _, p := range []string{"un", "non", "non-", "in", "im", "il", "ir", "dis", "de", "anti", "anti-"} {
		if y == p+x {
			return true
		}
	}
	return false
}

// describe says in a few words how the later heading differs from the
// one on line n.
func (d nearDiff) describe(n int) string {
	q := func(ws []string) string { return `"` + strings.Join(ws, `", "`) + `"` }
	switch {
	case len(d.here) == 1 && len(d.there) == 1:
		return q(d.here) + " for " + q(d.there)
	case len(d.here) > 0 && len(d.there) > 0:
		return fmt.Sprintf("%s here, %s on line %d", q(d.here), q(d.there), n)
	case len(d.here) > 0:
		return "adds " + q(d.here)
	case len(d.there) > 0:
		return "drops " + q(d.there)
	}
	return "the same words"
}

// words lists the words that differ, for the explanation.
func (d nearDiff) words() string {
	var ws []string
	for _, w := range append(append([]string(nil), d.here...), d.there...) {
		ws = append(ws, `"`+w+`"`)
	}
	if len(ws) == 0 {
		return "the form of its words"
	}
	return strings.Join(ws, ", ")
}
