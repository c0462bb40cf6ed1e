package claim

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// The claim score is a logistic regression over features an editor can
// read: the claim features of features.txt (a statistic, a superlative…),
// hedges, opinion, questions and vague attributions, and the sentence's
// words and word pairs. Its weights are learned by scripts/train_claims.py
// from public labelled sentences (see the README) and embedded here; the
// features a sentence has are the same at training and at run time, since
// training reads them from internal/claimfeat, which calls this file.

//go:embed data/model.tsv
var modelTSV string

// ModelText is the embedded model file.
func ModelText() string { return modelTSV }

// model is data/model.tsv as the training script writes it: comment lines
// (#), then "bias", "check_worthy_threshold" (claim/check-worthy's default
// threshold on the probability) and the feature weights, a NAME<TAB>VALUE
// line each.
type model struct {
	bias, cw float64
	w        map[uint64]float64
}

var loadModel = sync.OnceValue(func() *model {
	m, err := readModel(modelTSV)
	if err != nil {
		panic("claim: data/model.tsv: " + err.Error())
	}
	return m
})

// readModel reads a model file (tab-separated lines are several times
// quicker to read than JSON: the model is read by the first run that
// reports a claim).
func readModel(text string) (*model, error) {
	m := &model{w: make(map[uint64]float64, strings.Count(text, "\n"))}
	for n := 1; text != ""; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if line == "" || line[0] == '#' {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		v, err := strconv.ParseFloat(val, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("line %d: want NAME<TAB>NUMBER, got %q", n, line)
		}
		switch name {
		case "bias":
			m.bias = v
			continue
		case "check_worthy_threshold":
			m.cw = v
			continue
		}
		kind, rest, ok := strings.Cut(name, ":")
		if !ok || len(kind) != 1 {
			return nil, fmt.Errorf("line %d: bad feature name %q", n, name)
		}
		a, b, _ := strings.Cut(rest, " ")
		m.w[featHash(kind[0], a, b)] = v
	}
	return m, nil
}

// featHash is FNV-1a of "kind:a" or "kind:a b", the feature's name.
func featHash(kind byte, a, b string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * prime
	h = (h ^ ':') * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * prime
	}
	if b != "" {
		h = (h ^ ' ') * prime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint64(b[i])) * prime
		}
	}
	return h
}

// A feature of a sentence: kind f (a claim feature of features.txt, a is
// its id), x (a flag: hedge, opinion, question, if, weasel, short, long),
// w (a word) or b (a pair of words, a and b); start and end are where it
// is in the block (words and claim features only).
type featFn func(kind byte, a, b string, start, end int)

// flags name the x features, in the order sentenceFeatures gives them.
var flagLabels = map[string]string{
	"hedge": "a hedge", "opinion": "first-person opinion", "question": "a question", "if": "a condition",
	"weasel": "a vague attribution", "short": "a short sentence", "long": "a long sentence",
}

// wordKey is how a word counts in the model: numbers are one word
// (<num>, <year>), letters lower case, curly apostrophes straight.
func wordKey(w lex.Word) string {
	c := w.Text[0]
	if (c >= '0' && c <= '9' || c >= 0x80) && isDigitWord(w.Text) {
		if isYear(w.Text) {
			return "<year>"
		}
		return "<num>"
	}
	if strings.Contains(w.Lower, "’") {
		return strings.ReplaceAll(w.Lower, "’", "'")
	}
	return w.Lower
}

// sentenceFeatures gives fn every feature of sentence s of block b.
func sentenceFeatures(b *draft.Block, s *sentenceInfo, l *lists, ws []lex.Word, fn featFn) {
	var seen [64]bool
	for _, t := range s.triggers {
		if t.feat < len(seen) {
			if seen[t.feat] {
				continue
			}
			seen[t.feat] = true
		}
		fn('f', l.features[t.feat].id, "", t.start, t.end)
	}
	hedged := false
	for _, w := range ws {
		if l.hedges.Has(w.Lower) {
			hedged = true
			break
		}
	}
	flag := func(on bool, name string) {
		if on {
			fn('x', name, "", 0, 0)
		}
	}
	flag(hedged, "hedge")
	flag(s.opinion, "opinion")
	flag(s.question, "question")
	flag(len(ws) > 0 && ws[0].Lower == "if", "if")
	flag(len(s.weasels) > 0, "weasel")
	flag(len(ws) < 6, "short")
	flag(len(ws) > 30, "long")
	ws = mergeNumbers(b.Text[:s.span.End], ws)
	prev := ""
	for i, w := range ws {
		k := wordKey(w)
		fn('w', k, "", w.Start, w.End)
		if i > 0 {
			fn('b', prev, k, ws[i-1].Start, w.End)
		}
		prev = k
	}
}

// contrib is one feature's part in a sentence's score.
type contrib struct {
	kind       byte
	a          string
	start, end int
	w          float64
}

// modelScore is the probability that sentence s of block b is a checkable
// claim, and the top features that count, strongest first (at most top
// of them, none when top is 0).
func modelScore(m *model, b *draft.Block, s *sentenceInfo, l *lists, ws []lex.Word, top int) (float64, []contrib) {
	z := m.bias
	var cs []contrib
	if top > 0 {
		cs = make([]contrib, 0, top)
	}
	var counted [64]uint64 // the model's features met so far, each counted once
	more := counted[:0]
	sentenceFeatures(b, s, l, ws, func(kind byte, a, bb string, start, end int) {
		h := featHash(kind, a, bb)
		w, ok := m.w[h]
		if !ok || slices.Contains(more, h) {
			return
		}
		more = append(more, h)
		z += w
		if top == 0 || w == 0 {
			return
		}
		// keep the strongest, in order (the earlier first among equals)
		aw := math.Abs(w)
		k := len(cs)
		for k > 0 && math.Abs(cs[k-1].w) < aw {
			k--
		}
		if k == top {
			return
		}
		if len(cs) < top {
			cs = append(cs, contrib{})
		}
		copy(cs[k+1:], cs[k:])
		cs[k] = contrib{kind: kind, a: a, start: start, end: end, w: w}
	})
	return 1 / (1 + math.Exp(-z)), cs
}

// describe lists the strongest features of cs, at most n, with their
// weights: `"million" +1.20, a statistic ("45%") +0.90, a hedge −0.80`.
func describe(b *draft.Block, l *lists, cs []contrib, n int) string {
	var out []byte
	for i, c := range cs {
		if i == n {
			break
		}
		if i > 0 {
			out = append(out, ", "...)
		}
		switch c.kind {
		case 'f':
			out = append(out, l.features[l.byID[c.a]].label...)
			out = append(out, " ("...)
			out = strconv.AppendQuote(out, strings.Join(strings.Fields(b.Text[c.start:c.end]), " "))
			out = append(out, ')')
		case 'x':
			out = append(out, flagLabels[c.a]...)
		default:
			out = strconv.AppendQuote(out, strings.Join(strings.Fields(b.Text[c.start:c.end]), " "))
		}
		out = append(out, ' ')
		if c.w >= 0 {
			out = append(out, '+')
		}
		out = strconv.AppendFloat(out, c.w, 'f', 2, 64)
	}
	return string(out)
}

// textSentences analyses text as a paragraph of prose and calls fn with
// each of its sentences (internal/claimfeat's view of a labelled sentence).
func textSentences(text string, fn func(b *draft.Block, s *sentenceInfo, ws []lex.Word)) {
	text = strings.Join(strings.Fields(text), " ")
	d := draft.Parse("s.txt", []byte("Title\n\n"+text+"\n"), draft.Text)
	defer d.ForgetMemo()
	l := load()
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.IsTitle || b.Kind == draft.Heading {
			continue
		}
		words := lex.BlockWords(d, i)
		ss := analysed(d, i, l)
		for k := range ss {
			fn(b, &ss[k], lex.WordsIn(words, ss[k].span.Start, ss[k].span.End))
		}
	}
}

// TextFeatures are the model's features of text, read as one paragraph,
// by name ("f:statistic", "w:jobs", "b:new jobs"), each once: what
// scripts/train_claims.py trains on.
func TextFeatures(text string) []string {
	var out []string
	seen := map[string]bool{}
	l := load()
	textSentences(text, func(b *draft.Block, s *sentenceInfo, ws []lex.Word) {
		sentenceFeatures(b, s, l, ws, func(kind byte, a, bb string, _, _ int) {
			name := string(kind) + ":" + a
			if bb != "" {
				name += " " + bb
			}
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		})
	})
	return out
}

// TextScore is claim/check-worthy's score of text read as one paragraph:
// the highest of its sentences' (questions score 0).
func TextScore(text string) float64 {
	best := 0.0
	m, l := loadModel(), load()
	textSentences(text, func(b *draft.Block, s *sentenceInfo, ws []lex.Word) {
		if s.question {
			return
		}
		p, _ := modelScore(m, b, s, l, ws, 0)
		best = max(best, p)
	})
	return best
}
