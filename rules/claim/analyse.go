package claim

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// numberWords count as numbers in prose.
var numberWords = lex.NewSet("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
	"thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "dozen", "dozens")

var scaleWords = lex.NewSet("million", "billion", "trillion", "bn", "m", "mn", "thousand", "k")

// approximators before a number make it a statistic ("over 40").
var approximators = lex.NewSet("over", "nearly", "almost", "about", "around", "some", "roughly", "approximately",
	"than", "least", "many", "fewer", "under", "below", "above", "exceeding", "exceeds", "exceeded")

// notSuperlative are words ending in -est that are not superlatives.
var notSuperlative = lex.NewSet("rest", "west", "test", "interest", "request", "contest", "protest", "forest", "nest",
	"guest", "quest", "chest", "crest", "harvest", "manifest", "arrest", "conquest", "behest", "priest", "honest",
	"modest", "digest", "suggest", "invest", "vest", "pest", "zest", "midwest", "northwest", "southwest", "inquest",
	"bequest", "unrest", "latest", "earnest", "everest", "budapest", "bucharest", "tempest", "attest", "detest")

var openQuotes = "\"“‘«„'"
var closeQuotes = "\"”’»'"

// analysed returns the analysed sentences of block i. A document's blocks
// are analysed once, together (claim/unsupported and
// claim/weasel-attribution share them), so that a sentence can take its
// source from its neighbours in the blocks around it.
func analysed(d *draft.Document, i int, l *lists) []sentenceInfo {
	a := d.Memo("claim.analyse", func() any { return analyseAll(d, l, false) }).(*analyses)
	return a.blocks[i]
}

// analyseAll analyses the document's scored blocks and headings, and
// attributes their sentences in context: those that can be reported, or
// every one when all is set.
func analyseAll(d *draft.Document, l *lists, all bool) *analyses {
	a := &analyses{blocks: make([][]sentenceInfo, len(d.Blocks)), accords: make([][]lex.Match, len(d.Blocks)),
		arena: infoPool.Get(), trig: trigPool.Get()}
	for j := range d.Blocks {
		if b := &d.Blocks[j]; scored(b) || b.Kind == draft.Heading {
			a.blocks[j] = analyse(d, j, l, a)
		}
	}
	inContext(d, l, a, all)
	return a
}

// analyses are a document's analysed blocks, whose sentences share one
// array, taken from a pool and given back when the document forgets its
// analyses.
type analyses struct {
	blocks  [][]sentenceInfo
	accords [][]lex.Match // each block's "according to" phrases
	arena   []sentenceInfo
	trig    []trigger // the sentences' triggers, one after the other
}

var (
	infoPool = lex.ArrayPool[sentenceInfo]{Max: 1 << 18}
	trigPool = lex.ArrayPool[trigger]{Max: 1 << 18}
)

// Release gives the sentences' and the triggers' arrays back to their pools.
func (a *analyses) Release() {
	infoPool.Put(a.arena)
	trigPool.Put(a.trig)
	a.arena, a.blocks, a.trig, a.accords = nil, nil, nil, nil
}

// analyse scores and attributes every sentence of a block, in sentences
// taken from a's array.
func analyse(d *draft.Document, bi int, l *lists, a *analyses) []sentenceInfo {
	b := &d.Blocks[bi]
	t := b.Text
	if len(b.Sentences) == 0 {
		return nil
	}
	norm := lex.BlockNorm(d, bi)
	found := l.all.FindGroups(norm, len(t), l.groups[:])
	feats, weasels, accords, opinions := found[0], found[1], found[2], found[3]
	blockWords := lex.BlockWords(d, bi)
	base := len(a.arena)
	a.arena = slices.Grow(a.arena, len(b.Sentences))[:base+len(b.Sentences)]
	out := a.arena[base:len(a.arena):len(a.arena)]
	seen := make([]uint8, len(l.features))
	// matches are sorted by start, like sentences: each list is walked once
	fi, wi, oi := 0, 0, 0
	inQuote := false
	for i, sp := range b.Sentences {
		s := &out[i]
		s.span = sp
		tb := len(a.trig) // the sentence's triggers follow in a.trig
		st := t[sp.Start:sp.End]
		first, _ := utf8.DecodeRuneInString(st)
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(st, closeQuotes+")]"))
		s.quoted = inQuote || strings.ContainsRune(openQuotes, first)
		inQuote = quoteOpenAfter(st, inQuote)
		s.question = last == '?'
		ws := lex.WordsIn(blockWords, sp.Start, sp.End) // offsets in the block
		for fi < len(feats) && feats[fi].Start < sp.Start {
			fi++
		}
		for ; fi < len(feats) && feats[fi].Start < sp.End; fi++ {
			if m := feats[fi]; m.End <= sp.End {
				f := l.patFeat[m.Pattern]
				// "Will" with a capital inside a sentence is a name (Will
				// Wright) or a title, not a prediction
				if f == l.prediction && m.Start > sp.Start && t[m.Start] == 'W' {
					continue
				}
				a.trig = append(a.trig, trigger{feat: f, start: m.Start, end: m.End})
			}
		}
		a.trig = codeFeatures(a.trig, l, t[:sp.End], ws)
		a.trig = a.trig[:tb+len(dropRoutine(l, t[:sp.End], ws, a.trig[tb:]))]
		s.triggers = a.trig[tb:len(a.trig):len(a.trig)]
		for wi < len(weasels) && weasels[wi].Start < sp.Start {
			wi++
		}
		for ; wi < len(weasels) && weasels[wi].Start < sp.End; wi++ {
			if m := weasels[wi]; m.End <= sp.End {
				s.weasels = append(s.weasels, m)
			}
		}
		s.score = score(l, s.triggers, seen)
		for oi < len(opinions) && opinions[oi].Start < sp.Start {
			oi++
		}
		for k := oi; k < len(opinions) && opinions[k].Start < sp.End; k++ {
			if opinions[k].End <= sp.End && !notOpinion(t[opinions[k].End:sp.End]) {
				s.opinion = true
				break
			}
		}
		if s.score <= 0 && len(s.weasels) == 0 {
			// nothing to soften: the thresholds are above 0 (the config's
			// checks see to it), so this sentence is never reported and
			// its attribution is never looked for
			continue
		}
		// softeners
		hedged := false
		for _, w := range ws {
			if l.hedges.Has(w.Lower) {
				hedged = true
				break
			}
		}
		if hedged {
			s.score -= 1.0
		}
		if s.opinion {
			s.score -= 1.5
		}
		if len(ws) > 0 && strings.EqualFold(ws[0].Text, "if") {
			s.score -= 0.5
		}
		if len(s.weasels) > 0 {
			s.score += 1.0
		}
	}
	a.accords[bi] = accords
	return out
}

// quoteOpenAfter tracks whether a quotation is still open after sentence s.
func quoteOpenAfter(s string, open bool) bool {
	// apostrophes and single quotes are too ambiguous to track; the
	// others are read from their bytes: “ ” „ are E2 80 9C-9E, « » C2 AB, BB
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xC2) < 0 {
		// straight quotes only: each turns the state over
		return open != (strings.Count(s, `"`)%2 == 1)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '"' && c != 0xE2 && c != 0xC2 {
			continue
		}
		switch c {
		case '"':
			open = !open
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x9C, 0x9E:
					open = true
				case 0x9D:
					open = false
				}
			}
		case 0xC2:
			if i+1 < len(s) {
				switch s[i+1] {
				case 0xAB:
					open = true
				case 0xBB:
					open = false
				}
			}
		}
	}
	return open
}

// score sums the features' weights: a feature's first trigger counts in
// full, its second half, more nothing; a routine fact's triggers nothing. seen is zero on entry (one count per
// feature) and is left zero.
func score(l *lists, ts []trigger, seen []uint8) float64 {
	total := 0.0
	for _, t := range ts {
		if t.routine {
			continue
		}
		w := l.features[t.feat].weight
		switch seen[t.feat] {
		case 0:
			total += w
		case 1:
			total += w / 2
		}
		if seen[t.feat] < 2 {
			seen[t.feat]++
		}
	}
	for _, t := range ts {
		seen[t.feat] = 0
	}
	return total
}

// isDigitWord: a number written in digits ("40", "1,200", "3.5"), not a
// name with digits in it ("5G", "MP3", "Mobility21").
func isDigitWord(w string) bool {
	digits := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digits
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n := 0
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1800 && n <= 2100
}

// mergeNumbers joins digit words split by a decimal point or a thousands
// separator ("7.5", "1,200") into one word.
func mergeNumbers(st string, ws []lex.Word) []lex.Word {
	merge := false
	for k := 1; k < len(ws); k++ {
		if ws[k].Start == ws[k-1].End+1 && (st[ws[k-1].End] == '.' || st[ws[k-1].End] == ',') && isDigitWord(ws[k].Text) && isDigitWord(ws[k-1].Text) {
			merge = true
			break
		}
	}
	if !merge {
		return ws
	}
	out := make([]lex.Word, 0, len(ws))
	for _, w := range ws {
		if n := len(out); n > 0 && isDigitWord(w.Text) && isDigitWord(out[n-1].Text) && w.Start == out[n-1].End+1 &&
			(st[out[n-1].End] == '.' || st[out[n-1].End] == ',') {
			out[n-1].End = w.End
			out[n-1].Text = st[out[n-1].Start:w.End]
			continue
		}
		out = append(out, w)
	}
	return out
}

// codeFeatures appends to out the numbers, percentages, money and "the
// …-est" of st's words ws.
func codeFeatures(out []trigger, l *lists, st string, ws []lex.Word) []trigger {
	ws = mergeNumbers(st, ws)
	stat, amount, rank, num := l.stat, l.amount, l.rank, l.num
	okStat, okAmount, okRank, okNum := stat >= 0, amount >= 0, rank >= 0, num >= 0
	add := func(f int, s, e int) { out = append(out, trigger{feat: f, start: s, end: e}) }
	for i, w := range ws {
		lw := w.Lower
		c0 := w.Text[0]
		digit := (c0 >= '0' && c0 <= '9' || c0 >= utf8.RuneSelf) && isDigitWord(w.Text)
		isNum := digit || numberWords.Has(lw)
		if isNum && okStat {
			after := st[w.End:]
			before := strings.TrimRight(st[:w.Start], " ")
			switch {
			case strings.HasPrefix(after, "%") || strings.HasPrefix(after, " %"):
				add(stat, w.Start, w.End+strings.IndexByte(after, '%')+1)
				continue
			case before != "" && strings.ContainsRune("$€£¥", lastRune(before)) && okAmount:
				add(amount, len(before)-utf8.RuneLen(lastRune(before)), w.End)
				continue
			case i+1 < len(ws) && scaleWords.Has(ws[i+1].Lower) && digit && okAmount &&
				(i+2 < len(ws) && currencies.Has(ws[i+2].Lower) || len(ws[i+1].Lower) <= 2 && ws[i+1].Start == w.End):
				// "2.7 million dollars", "5bn"; "2.7 million units" is a count
				add(amount, w.Start, ws[i+1].End)
				continue
			case i > 0 && approximators.Has(ws[i-1].Lower) && !isYear(w.Text):
				add(stat, ws[i-1].Start, w.End)
				continue
			}
		}
		if isNum && okNum && !isYear(w.Text) && !(digit && i+1 < len(ws) && isUnitOfTime(ws[i+1].Text) && i > 0 && strings.EqualFold(ws[i-1].Text, "in")) &&
			!(digit && i > 1 && lex.IsCapitalized(ws[i-1].Text)) { // "Shrek 2", "Windows 11": part of a name
			if digit && len(w.Text) <= 2 && i+1 < len(ws) && monthOrTime(ws[i+1].Text) {
				continue // "on 3 March", "at 10 am"
			}
			add(num, w.Start, w.End)
		}
		if okRank && len(lw) >= 5 && strings.HasSuffix(lw, "est") && i > 0 && (ws[i-1].Lower == "the" || possessive(ws[i-1].Lower)) && !notSuperlative.Has(lw) {
			add(rank, ws[i-1].Start, w.End)
		}
	}
	return out
}

func isUnitOfTime(w string) bool {
	switch strings.ToLower(w) {
	case "years", "year", "days", "weeks", "months", "hours", "minutes":
		return true
	}
	return false
}

func monthOrTime(w string) bool {
	switch strings.ToLower(w) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"am", "pm", "a.m", "p.m", "o'clock", "gmt", "bst", "cet", "utc":
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
