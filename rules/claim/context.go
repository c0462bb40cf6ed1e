package claim

import (
	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// inContext attributes every sentence of the document's scored blocks: by
// what it says itself, and else by its neighbours, across the blocks
// around it when they follow one another:
//   - a quotation takes its speaker from the sentence before or after it
//     when that one names a speaker, and a quotation that runs over several
//     sentences (or paragraphs) from any of them that does;
//   - the findings of a study, survey, report or figures named in one
//     sentence ("The survey found…") cover the sentences that go on to
//     give them, to the end of the paragraph, and the first sentence of
//     the next paragraph;
//   - a sentence whose next one gives the source of its figures ("The
//     figures come from the ONS", "That is according to…") is covered by it.
//
// ctxRef is a sentence in document order.
type ctxRef struct {
	s     *sentenceInfo
	block int
	brk   bool // the first sentence after a break (a block not next to the one before)
}

var refPool = lex.ArrayPool[ctxRef]{Max: 1 << 18}

func inContext(d *draft.Document, l *lists, a *analyses, all bool) {
	seq := refPool.Get()
	defer func() { refPool.Put(seq) }()
	last := -2
	for j := range d.Blocks {
		if !scored(&d.Blocks[j]) {
			continue
		}
		for k := range a.blocks[j] {
			seq = append(seq, ctxRef{s: &a.blocks[j][k], block: j, brk: k == 0 && last != j-1})
		}
		last = j
	}
	// own attributes sentence k by what it says itself (once)
	own := func(k int) *sentenceInfo {
		r := seq[k]
		s := r.s
		if !s.done {
			s.done = true
			b := &d.Blocks[r.block]
			at := attribution(b, l, s.span, lex.WordsIn(lex.BlockWords(d, r.block), s.span.Start, s.span.End), a.accords[r.block])
			s.why, s.hasVerb, s.finding, s.attributed, s.vague = at.why, at.speaker, at.finding, at.why != "", at.vague
		}
		return s
	}
	prev := func(k int) int {
		if k > 0 && !seq[k].brk {
			return k - 1
		}
		return -1
	}
	next := func(k int) int {
		if k+1 < len(seq) && !seq[k+1].brk {
			return k + 1
		}
		return -1
	}
	speaker := func(k int) bool { return k >= 0 && own(k).hasVerb }
	// quoted: a run of quoted sentences next to one another is attributed
	// when one of them, or the sentence before or after it, names a
	// speaker (runs are walked once: quoteRun[k] is 1 no, 2 yes)
	marks := make([]uint8, 2*len(seq))
	quoteRun, carry := marks[:len(seq)], marks[len(seq):]
	quoted := func(k int) bool {
		if quoteRun[k] == 0 {
			s, e := k, k
			for p := prev(s); p >= 0 && seq[p].s.quoted; p = prev(s) {
				s = p
			}
			for n := next(e); n >= 0 && seq[n].s.quoted; n = next(e) {
				e = n
			}
			named := speaker(prev(s)) || speaker(next(e))
			for m := s; m <= e && !named; m++ {
				named = own(m).hasVerb
			}
			v := uint8(1)
			if named {
				v = 2
			}
			for m := s; m <= e; m++ {
				quoteRun[m] = v
			}
		}
		return quoteRun[k] == 2
	}
	// carried: the findings of a source named before carry to the end of
	// its paragraph and over one paragraph break, until a new speaker
	// (carry[k] is 1 no, 2 yes)
	var path []int
	// finding: sentence k names a study, survey or figures (its own
	// attribution is read only when a word could say so)
	finding := func(k int) bool {
		r := seq[k]
		for _, w := range lex.WordsIn(lex.BlockWords(d, r.block), r.s.span.Start, r.s.span.End) {
			if l.sources.Has(w.Lower) || w.Lower == "according" || w.Lower == "published" {
				return own(k).finding
			}
		}
		return false
	}
	carried := func(k int) bool {
		// back to a sentence whose answer is known or decided by its
		// neighbour alone, then forward
		path = path[:0]
		for j := k; carry[j] == 0; {
			path = append(path, j)
			p := prev(j)
			if p < 0 || seq[p].block != seq[j].block || finding(p) {
				break
			}
			j = p
		}
		for i := len(path) - 1; i >= 0; i-- {
			j, v := path[i], uint8(1)
			if p := prev(j); p >= 0 {
				if finding(p) || seq[p].block == seq[j].block && carry[p] == 2 && !own(p).hasVerb {
					v = 2
				}
			}
			carry[j] = v
		}
		return carry[k] == 2
	}

	for k := range seq {
		s := seq[k].s
		if !all && s.score < 1 && len(s.weasels) == 0 {
			continue // never reported: its attribution does not matter
		}
		if own(k).attributed {
			continue
		}
		switch {
		case s.quoted && quoted(k):
			s.attributed, s.why = true, "a quotation whose speaker is named next to it"
		case carried(k):
			s.attributed, s.why = true, "the findings of a source named before it"
		default:
			// a source given in the next sentence for this one's figures
			if n := next(k); n >= 0 && sourceBack(d, seq[n].block, seq[n].s) && own(n).attributed {
				s.attributed, s.why = true, "a source named in the next sentence"
			}
		}
	}
}

// backNouns, first in a sentence after a determiner, refer back to the
// figures of the sentence before: "The figures come from the ONS".
var backNouns = lex.NewSet("figures", "data", "numbers", "statistics", "findings", "results", "survey", "study",
	"report", "research", "poll", "estimates", "estimate", "forecast", "forecasts", "analysis", "numbers")

// sourceBack says whether sentence s, attributed by itself, points back at
// the one before: it starts "The figures…", "These data…", "That is
// according to…".
func sourceBack(d *draft.Document, bi int, s *sentenceInfo) bool {
	ws := lex.WordsIn(lex.BlockWords(d, bi), s.span.Start, s.span.End)
	if len(ws) < 3 {
		return false
	}
	switch ws[0].Lower {
	case "the", "these", "those", "its", "their", "this", "that":
		k := 1
		if ws[1].Lower == "latest" || ws[1].Lower == "new" || ws[1].Lower == "official" {
			k++
		}
		if backNouns.Has(ws[k].Lower) {
			return true
		}
		return (ws[0].Lower == "that" || ws[0].Lower == "this") && (ws[1].Lower == "is" || ws[1].Lower == "was") && ws[2].Lower == "according"
	case "that's", "this's":
		return ws[1].Lower == "according"
	}
	return false
}

// Attribution says where one sentence of a document comes from.
type Attribution struct {
	Start, End int    // the sentence's bytes in the source
	Why        string // what attributes it; "" when nothing does
	// Vague is a reporting verb whose speaker is named by nobody
	// ("officials said"): an attribution that gives no source
	Vague string
}

// Attributions lists every sentence of d's prose paragraphs and list items
// in order, with what attributes it, by itself or in context (as the claim
// rules read it). It serves to measure attribution on labelled data.
func Attributions(d *draft.Document) []Attribution {
	a := analyseAll(d, load(), true)
	defer a.Release()
	var out []Attribution
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if !scored(b) {
			continue
		}
		for _, s := range a.blocks[i] {
			why := ""
			if s.attributed {
				why = s.why
			}
			out = append(out, Attribution{Start: b.Src(s.span.Start), End: b.SrcEnd(s.span.End), Why: why, Vague: s.vague})
		}
	}
	return out
}
