package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations never end a sentence when followed by a capitalised word
// (titles before names), unless listed in enders too.
var titleAbbrevs = setOf("mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep",
	"lt", "col", "capt", "sgt", "cpl", "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "mt", "ft", "messrs", "mme", "mlle", "hr", "fr", "sra", "sr")

// otherAbbrevs usually do not end a sentence; when the next word is a
// typical sentence opener they do.
var otherAbbrevs = setOf("inc", "ltd", "co", "corp", "llc", "plc", "no", "nos", "vs", "v", "etc", "fig", "figs", "vol",
	"vols", "ed", "eds", "est", "approx", "dept", "univ", "assn", "bros", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"pp", "p", "cf", "al", "ca", "op", "cit", "ibid", "min", "max", "avg", "tel", "ext", "str", "nr", "abs", "bzw", "usw", "ggf", "vgl", "z", "b")

// openers are words that typically start a sentence; after an ambiguous
// abbreviation ("the U.S. The …") they mark a boundary.
var openers = setOf("the", "a", "an", "it", "its", "this", "that", "these", "those", "there", "then", "he", "she", "they",
	"we", "i", "you", "but", "and", "so", "yet", "in", "on", "at", "for", "as", "if", "when", "while", "after", "before",
	"however", "meanwhile", "still", "now", "today", "his", "her", "their", "our", "my", "some", "many", "most", "all",
	"no", "not", "what", "why", "how", "who", "where", "to", "with", "by", "from", "since", "although", "though", "also")

// maxAbbrev is the length of the longest abbreviation in the lists.
var maxAbbrev = func() int {
	n := 0
	for _, m := range []map[string]bool{titleAbbrevs, otherAbbrevs} {
		for w := range m {
			n = max(n, len(w))
		}
	}
	return n
}()

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', ')', ']', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '»', '(', '[', '¿', '¡', '„', '‚', '•', '*', '-', '–', '—':
		return true
	}
	return false
}

// plainByte: ASCII bytes that cannot end a sentence or a line.
var plainByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c != '.' && c != '!' && c != '?' && c != '\n'
	}
	return
}()

// Sentences splits text into sentences and returns their byte ranges. In
// lines mode every line is a sentence of its own as well.
func Sentences(text string, lines bool) []Span {
	// room for a sentence at every terminator: one allocation
	n := strings.Count(text, ".") + strings.Count(text, "!") + strings.Count(text, "?") + strings.Count(text, "…") + 1
	if lines {
		n += strings.Count(text, "\n")
	}
	out := make([]Span, 0, n)
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
	}
	i := 0
	for i < len(text) {
		// most bytes end nothing
		for i < len(text) && plainByte[text[i]] {
			i++
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if c == '\n' && lines {
			emit(i)
			start = i + 1
			i++
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += w
			continue
		}
		term := i
		j := i
		// a run of terminators, then closing quotes and brackets
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' {
				j += w2
				continue
			}
			break
		}
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if isCloser(r2) {
				j += w2
				continue
			}
			break
		}
		end := j
		// white space must follow, or the text ends
		if j < len(text) && !isSpaceByte(text[j]) {
			i = j
			if i == term {
				i += w
			}
			continue
		}
		k := j
		for k < len(text) && isSpaceByte(text[k]) {
			k++
		}
		if k >= len(text) {
			break
		}
		if boundary(text, term, r, k) {
			emit(end)
			start = k
		}
		i = k
	}
	emit(len(text))
	return out
}

// boundary decides whether the terminator at term (rune r) ends a sentence
// whose successor would start at next.
func boundary(text string, term int, r rune, next int) bool {
	nr, _ := utf8.DecodeRuneInString(text[next:])
	if unicode.IsLower(nr) {
		return false
	}
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpener(nr) || unicode.IsLetter(nr)) {
		return false
	}
	if r != '.' {
		return true
	}
	// the token before the period
	ws := term
	for ws > 0 && !isSpaceByte(text[ws-1]) && text[ws-1] != '(' && text[ws-1] != '"' {
		ws--
	}
	tok := text[ws:term]
	tok = strings.TrimLeft(tok, "'\"“‘([")
	low := strings.ToLower(tok)
	if low == "" {
		return true
	}
	// no abbreviation in the lists is longer than maxAbbrev bytes
	if len(low) <= maxAbbrev && titleAbbrevs[low] {
		return false
	}
	// single-letter initial: "J. K. Rowling"
	if rc := utf8.RuneCountInString(tok); rc == 1 {
		r0, _ := utf8.DecodeRuneInString(tok)
		if unicode.IsUpper(r0) {
			return false
		}
	}
	if len(low) <= maxAbbrev && otherAbbrevs[low] || strings.Contains(low, ".") {
		// "No. 5", "U.S. officials": no boundary; "the U.S. The" : boundary
		if unicode.IsDigit(nr) {
			return false
		}
		return openers[strings.ToLower(wordAt(text, next))]
	}
	return true
}

func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	return text[i:j]
}
