package placeholder

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

type wordClass int

const (
	other wordClass = iota
	weak
	strong
)

var loremRule = &rules.Rule{
	ID:       "placeholder/lorem-ipsum",
	Severity: rules.Error,
	Doc:      "Filler text: lorem ipsum in any form, or another well-known dummy text",
	Explanation: `Lorem ipsum and its kin are filler that stands in for copy not yet written.
The rule reads every prose sentence (headings, captions, alt text and
front-matter titles included) and measures how much of it is lorem-ipsum
vocabulary: the words of the classic passage, of Cicero's De finibus it comes
from, and of the generators that shuffle them. A sentence that is mostly such
words is filler however it is shuffled, and so is a run of four or more such
words inside a real sentence. Latin that belongs in English prose ("et al.",
"per se", "ad hoc", "status quo", a motto) uses none of the distinctive words
and is left alone. Other dummy texts ("Far far away, behind the word
mountains", "Li Europan lingues", pangrams such as "The quick brown fox",
German Blindtext, lorem ipsum in Cyrillic, Greek, Hebrew or Arabic script) are
found as phrases.

Each filler run is one finding, and it covers the filler alone: real words
next to it (a dateline, "The mayor said that …") are not part of it. The fix
deletes the run when it is a whole unit (a block, its own lines, or whole
sentences); filler inside a real sentence gets no fix. A front-matter value
on one line that is all filler is emptied ("") and its key kept.`,
}

func init() {
	loremRule.Run = runLorem
}

type fillerRun struct {
	start, end int // text offsets in the block
	strong     int // distinctive filler words; -1 for a known dummy phrase
	filler     int // filler words of any kind
	words      int
}

func runLorem(p *rules.Pass) {
	voc := vocab()
	m := fillerPhrases()
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		var runs []fillerRun
		runs = append(runs, loremRuns(b, lex.BlockWords(p.Doc, i), voc)...)
		for _, x := range m.Find(lex.BlockNorm(p.Doc, i), len(b.Text)) {
			runs = append(runs, fillerRun{start: x.Start, end: x.End, strong: -1})
		}
		runs = mergeRuns(runs)
		for _, r := range runs {
			whole := strings.TrimSpace(b.Text[:r.start]) == "" && strings.TrimSpace(b.Text[r.end:]) == ""
			s, e := b.Src(r.start), b.SrcEnd(r.end)
			var msg string
			snippet := b.Text[r.start:r.end]
			if r.strong < 0 {
				msg = fmt.Sprintf("dummy text %q left in the draft", clip(snippet, 50))
			} else if whole && b.Kind == draft.Heading {
				msg = "the heading is lorem ipsum filler"
			} else {
				msg = fmt.Sprintf("lorem ipsum filler (%d words): %q", r.words, clip(snippet, 50))
			}
			f := rules.Finding{Offset: s, EndOffset: e, Message: msg,
				Explanation: explainRun(r)}
			// only a whole unit is deleted: the block, its lines, or its
			// sentences; filler inside a real sentence is reported alone
			if !wholeUnit(b, r.start, r.end) {
				p.Report(f)
				continue
			}
			if ed, ok := deleteEdit(p.Doc, b, s, e, whole); ok {
				desc := "delete the filler"
				if ed.NewText != "" {
					desc = "empty the value"
				}
				f.Fixes = []rules.Fix{{Description: desc, Edits: []rules.Edit{ed}}}
			}
			p.Report(f)
		}
	}
}

func explainRun(r fillerRun) string {
	if r.strong < 0 {
		return "This is a well-known dummy text, not copy: write the real text or delete it."
	}
	return fmt.Sprintf("%d of its %d words are lorem-ipsum vocabulary (%d of them words no real text uses). Write the real copy or delete it.",
		r.filler, r.words, r.strong)
}

// hasStrong reports whether a word of ws is a strong filler word.
func hasStrong(voc *vocabulary, ws []lex.Word) bool {
	for i := range ws {
		if lw := ws[i].Lower; voc.strongF.May(lw) && voc.m[lw] == strong {
			return true
		}
	}
	return false
}

func classOf(voc *vocabulary, lower string) wordClass {
	if !voc.f.May(lower) {
		return other
	}
	if c, ok := voc.m[lower]; ok {
		return c
	}
	return other
}

// latinish: an unknown lower-case word with a Latin ending; counts as weak
// evidence inside a run that already has distinctive filler words.
func latinish(w string) bool {
	if len(w) < 4 || !unicode.IsLower([]rune(w)[0]) {
		return false
	}
	for _, suf := range []string{"us", "um", "is", "ae", "unt", "que", "tur", "ibus", "orum", "arum", "isse", "ium"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// loremRuns finds filler in a block: whole sentences that are mostly filler
// vocabulary, and runs of filler words inside other sentences.
func loremRuns(b *draft.Block, blockWords []lex.Word, voc *vocabulary) []fillerRun {
	var out []fillerRun
	sents := b.Sentences
	if len(sents) == 0 {
		return nil
	}
	var clsBuf [128]wordClass // on the stack for sentences of up to 128 words
	cls := clsBuf[:0]
	// a short sentence of filler words ("Nulla f…") counts when it
	// stands next to a filler sentence
	// made at the first sentence that needs them: most blocks have none
	var weakAt map[int]fillerRun
	var strongAt map[int]bool
	for si, s := range sents {
		ws := lex.WordsIn(blockWords, s.Start, s.End) // offsets in the block
		if len(ws) == 0 || !hasStrong(voc, ws) {
			continue // nothing below counts without a strong word
		}
		cls = cls[:0]
		for range ws {
			cls = append(cls, other)
		}
		st, fl := 0, 0
		for i, w := range ws {
			cls[i] = classOf(voc, w.Lower)
			if cls[i] == strong {
				st++
			}
			if cls[i] != other {
				fl++
			}
		}
		if st == 0 {
			continue
		}
		// latin-looking unknown words count once filler is established
		lat := 0
		for i, w := range ws {
			if cls[i] == other && latinish(w.Text) {
				lat++
			}
		}
		share := float64(fl+lat) / float64(len(ws))
		if st >= 2 && share >= 0.5 || st >= 1 && len(ws) <= 3 && share >= 0.99 && hasCore(ws) {
			out = append(out, trimRun(b.Text, s, ws, cls))
			if strongAt == nil {
				strongAt = map[int]bool{}
			}
			strongAt[si] = true
			continue
		}
		if st >= 1 && share >= 0.6 {
			if weakAt == nil {
				weakAt = map[int]fillerRun{}
			}
			weakAt[si] = trimRun(b.Text, s, ws, cls)
		}
		// a run of filler words inside a real sentence
		i := 0
		for i < len(ws) {
			if cls[i] == other {
				i++
				continue
			}
			j := i
			rs, rf := 0, 0
			for j < len(ws) && cls[j] != other {
				if cls[j] == strong {
					rs++
				}
				rf++
				j++
			}
			rstart, rend := ws[i].Start, ws[j-1].End
			if rs >= 3 && rf >= 4 || rs >= 2 && hasCore(ws[i:j]) && !quotedMention(b.Text, rstart, rend) {
				out = append(out, fillerRun{start: rstart, end: rend, strong: rs, filler: rf, words: rf})
			}
			i = j
		}
	}
	for si, r := range weakAt {
		if strongAt[si-1] || strongAt[si+1] {
			out = append(out, r)
		}
	}
	return out
}

// trimRun is the filler run of a sentence that is mostly filler: from its
// first to its last filler word (a distinctive one, or one next to another
// filler word), so that real words at its edges ("Vienna, 3 March 2025,
// Anna Berger" before it, "Budget: EUR 4.2 million for 2026") are not part
// of it; punctuation alone at the sentence's edges is.
func trimRun(t string, s draft.Span, ws []lex.Word, cls []wordClass) fillerRun {
	isF := func(i int) bool { return i >= 0 && i < len(ws) && (cls[i] != other || latinish(ws[i].Text)) }
	anchor := func(i int) bool { return cls[i] == strong || isF(i) && (isF(i-1) || isF(i+1)) }
	i, j := 0, len(ws)-1
	for i < j && !anchor(i) {
		i++
	}
	for j > i && !anchor(j) {
		j--
	}
	r := fillerRun{start: ws[i].Start, end: ws[j].End, words: j - i + 1}
	for k := i; k <= j; k++ {
		if cls[k] == strong {
			r.strong++
		}
		if isF(k) {
			r.filler++
		}
	}
	if !hasWordChar(t[s.Start:r.start]) {
		r.start = s.Start
	}
	if !hasWordChar(t[r.end:s.End]) {
		r.end = s.End
	}
	return r
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// hasCore: "lorem" or "ipsum" is there — the words no generator leaves out.
func hasCore(ws []lex.Word) bool {
	for _, w := range ws {
		lw := w.Lower
		if lw == "lorem" || lw == "ipsum" {
			return true
		}
	}
	return false
}

// mergeRuns sorts runs and joins those that overlap or touch (only white
// space or punctuation between them within one block).
func mergeRuns(rs []fillerRun) []fillerRun {
	if len(rs) < 2 {
		return rs
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].start < rs[j-1].start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.start <= last.end+2 {
			if r.end > last.end {
				last.end = r.end
			}
			if last.strong >= 0 && r.strong >= 0 {
				last.strong += r.strong
				last.filler += r.filler
				last.words += r.words
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// quotedMention: the words stand in quotes or italics ("the term 'lorem
// ipsum'"), a mention of filler rather than filler.
func quotedMention(t string, s, e int) bool {
	before := strings.TrimRight(t[:s], " ")
	after := strings.TrimLeft(t[e:], " ")
	for _, q := range []string{"\"", "“", "‘", "'", "«", "„", "*", "_"} {
		if strings.HasSuffix(before, q) {
			for _, c := range []string{"\"", "”", "’", "'", "»", "“", "*", "_"} {
				if strings.HasPrefix(after, c) {
					return true
				}
			}
		}
	}
	return false
}
