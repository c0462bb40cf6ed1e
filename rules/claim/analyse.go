package claim

import (
	"slices"
	"sort"
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

// ambiguousVerbs are also nouns ("TV shows", "news reports"): they attribute
// only before "that" or after a source noun or a name.
var ambiguousVerbs = lex.NewSet("shows", "reports", "finds", "states", "notes", "claims", "estimates", "says", "adds",
	"suggests", "suggested", "indicates", "indicated",
	"writes", "warns", "reveals", "concludes", "predicts", "argues", "confirms", "believes", "believed", "claimed",
	"found", "showed", "estimated", "noted", "stated", "revealed", "predicted", "calculated")

var pronouns = lex.NewSet("he", "she", "they", "we", "i", "his", "her", "their")

var openQuotes = "\"“‘«„'"
var closeQuotes = "\"”’»'"

// analysed returns analyse's result for block i, made once per document
// (claim/unsupported and claim/weasel-attribution share it).
func analysed(d *draft.Document, i int, l *lists) []sentenceInfo {
	a := d.Memo("claim.analyse", func() any {
		return &analyses{blocks: make([][]sentenceInfo, len(d.Blocks)), arena: infoPool.Get(), trig: trigPool.Get()}
	}).(*analyses)
	if a.blocks[i] == nil {
		a.blocks[i] = analyse(d, i, l, a)
		if a.blocks[i] == nil {
			a.blocks[i] = []sentenceInfo{}
		}
	}
	return a.blocks[i]
}

// analyses are a document's analysed blocks, whose sentences share one
// array, taken from a pool and given back when the document forgets its
// analyses.
type analyses struct {
	blocks [][]sentenceInfo
	arena  []sentenceInfo
	trig   []trigger // the sentences' triggers, one after the other
}

var (
	infoPool = lex.ArrayPool[sentenceInfo]{Max: 1 << 18}
	trigPool = lex.ArrayPool[trigger]{Max: 1 << 18}
)

// Release gives the sentences' and the triggers' arrays back to their pools.
func (a *analyses) Release() {
	infoPool.Put(a.arena)
	trigPool.Put(a.trig)
	a.arena, a.blocks, a.trig = nil, nil, nil
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
		for oi < len(opinions) && opinions[oi].Start < sp.Start {
			oi++
		}
		for k := oi; k < len(opinions) && opinions[k].Start < sp.End; k++ {
			if opinions[k].End <= sp.End {
				s.score -= 1.5
				break
			}
		}
		if len(ws) > 0 && strings.EqualFold(ws[0].Text, "if") {
			s.score -= 0.5
		}
		if len(s.weasels) > 0 {
			s.score += 1.0
		}
	}
	// attribution only where it can matter: sentences with claim features
	// or vague attributions, and the neighbours of quoted ones
	need := make([]bool, len(out))
	for i := range out {
		if out[i].score >= 1 || len(out[i].weasels) > 0 {
			need[i] = true
			if out[i].quoted {
				if i > 0 {
					need[i-1] = true
				}
				if i+1 < len(out) {
					need[i+1] = true
				}
			}
		}
	}
	for i := range out {
		if !need[i] {
			continue
		}
		s := &out[i]
		s.why, s.hasVerb = attribution(b, l, s.span, lex.WordsIn(blockWords, s.span.Start, s.span.End), accords)
		s.attributed = s.why != ""
	}
	// a quotation takes its speaker from the sentence before or after it,
	// and every sentence of a quotation that runs over several sentences
	// from the one that names the speaker ("…. …," she said.)
	for i := range out {
		if out[i].attributed || !out[i].quoted {
			continue
		}
		if i+1 < len(out) && out[i+1].hasVerb || i > 0 && out[i-1].hasVerb && out[i-1].quoted {
			out[i].attributed = true
			out[i].why = "a quotation whose speaker is named next to it"
		}
	}
	for i := 0; i < len(out); {
		if !out[i].quoted {
			i++
			continue
		}
		j := i
		for j < len(out) && out[j].quoted {
			j++
		}
		// sentences i..j-1 are one quotation; the one after may name its speaker
		speaker := j < len(out) && out[j].hasVerb
		for k := i; k < j && !speaker; k++ {
			speaker = out[k].hasVerb
		}
		if speaker {
			for k := i; k < j; k++ {
				if !out[k].attributed {
					out[k].attributed = true
					out[k].why = "a quotation whose speaker is named"
				}
			}
		}
		i = j
	}
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
// full, its second half, more nothing. seen is zero on entry (one count per
// feature) and is left zero.
func score(l *lists, ts []trigger, seen []uint8) float64 {
	total := 0.0
	for _, t := range ts {
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
			case i+1 < len(ws) && scaleWords.Has(ws[i+1].Lower) && digit && okAmount:
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
		if okRank && len(lw) >= 5 && strings.HasSuffix(lw, "est") && i > 0 && ws[i-1].Lower == "the" && !notSuperlative.Has(lw) {
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

// attribution says what attributes a sentence ("" if nothing) and whether a
// reporting verb with a definite speaker does.
func attribution(b *draft.Block, l *lists, sp draft.Span, ws []lex.Word, accords []lex.Match) (string, bool) {
	st := b.Text[sp.Start:sp.End]
	// a link or a footnote/citation
	for _, ln := range b.Links {
		if ln.Bare || ln.Email {
			continue
		}
		if ln.TextStart < sp.End && ln.TextEnd > sp.Start || ln.TextStart == sp.End {
			return "a link", false
		}
	}
	if citation(st) {
		return "a citation", false
	}
	// "according to" a named source (not "according to experts")
	for _, m := range accords {
		if m.Start < sp.Start || m.End > sp.End {
			continue
		}
		// the sentence's words after the phrase (offsets in the block)
		k0 := sort.Search(len(ws), func(i int) bool { return ws[i].Start >= m.End })
		rest := ws[k0:min(len(ws), k0+3)]
		if len(rest) == 0 {
			continue
		}
		k := 0
		for k < len(rest) && k < 2 && isDeterminer(rest[k].Text) {
			k++
		}
		if k < len(rest) && !l.vague.Has(rest[k].Lower) {
			return "according to " + rest[k].Text, true
		}
	}
	// a named source: "a Eurostat report", "data from the OECD", "the study found"
	for i, w := range ws {
		lw := w.Lower
		if !l.sources.Has(lw) {
			continue
		}
		if i > 0 && lex.IsCapitalized(ws[i-1].Text) && i-1 > 0 {
			return ws[i-1].Text + " " + w.Text, false
		}
		if i+2 < len(ws) && (strings.EqualFold(ws[i+1].Text, "by") || strings.EqualFold(ws[i+1].Text, "from") || strings.EqualFold(ws[i+1].Text, "of")) {
			k := i + 2
			for k < len(ws) && isDeterminer(ws[k].Text) {
				k++
			}
			if k < len(ws) && lex.IsCapitalized(ws[k].Text) {
				return w.Text + " " + ws[i+1].Text + " " + ws[k].Text, false
			}
		}
		if i > 0 && strings.EqualFold(ws[i-1].Text, "the") && i+1 < len(ws) && l.verbs.Has(ws[i+1].Lower) {
			return "the " + w.Text, true
		}
	}
	if k := indexFoldASCII(st, "published in "); k >= 0 {
		if r, _ := utf8.DecodeRuneInString(st[k+len("published in "):]); unicode.IsUpper(r) {
			return "a named publication", false
		}
	}
	// a reporting verb with a speaker who is not vague
	for i, w := range ws {
		lw := w.Lower
		if !l.verbs.Has(lw) {
			continue
		}
		// a passive without an agent ("it is believed", "was reported")
		// names nobody
		if i > 0 {
			switch ws[i-1].Lower {
			case "is", "are", "was", "were", "been", "be", "being", "widely", "generally", "often", "commonly":
				if !(i+1 < len(ws) && strings.EqualFold(ws[i+1].Text, "by")) {
					continue
				}
			}
		}
		// the subject: up to four words before the verb ("its chief
		// executive has said", "Munich-based research institute Ifo said")
		lo := max(0, i-4)
		subj := ws[lo:i]
		vague, named, definite := false, false, false
		for k, sw := range subj {
			ls := sw.Lower
			if l.vague.Has(ls) {
				vague = true
			}
			if lex.IsCapitalized(sw.Text) && !l.vague.Has(ls) {
				if lo+k > 0 || i == lo+k+1 {
					named = true // a name, or a capitalised subject right before the verb
				}
			}
			if pronouns.Has(ls) || l.sources.Has(ls) && !l.vague.Has(ls) {
				definite = true
			}
			switch ls {
			case "the", "a", "an", "its", "his", "her", "their", "our", "my":
				definite = true // "the agency said", "a spokesman said"
			}
		}
		// inverted, after a comma or a quotation: "…, said Dr. Smith",
		// "…," said the minister
		if before := strings.TrimRight(b.Text[sp.Start:w.Start], " "); i+1 < len(ws) && before != "" &&
			strings.ContainsRune(",\"”’'", lastRune(before)) {
			nx := ws[i+1].Text
			lnx := strings.ToLower(nx)
			if !l.vague.Has(lnx) && (lex.IsCapitalized(nx) || pronouns.Has(lnx) || lnx == "the" || lnx == "a" || lnx == "its") {
				named = true
			}
		}
		if ambiguousVerbs.Has(lw) {
			// "TV shows", "news reports": a verb only before "that", after a
			// name or pronoun, or closing the sentence (", the government
			// believes.")
			rest := strings.TrimSpace(b.Text[w.End:sp.End])
			next := ""
			if i+1 < len(ws) {
				next = ws[i+1].Lower
			}
			closing := rest == "" || strings.Trim(rest, ".!?\"'”’)") == "" || strings.HasPrefix(rest, ",")
			if next != "that" && !closing && !(i > 0 && (lex.IsCapitalized(ws[i-1].Text) || pronouns.Has(ws[i-1].Lower))) &&
				!(i+1 < len(ws) && lex.IsCapitalized(ws[i+1].Text)) {
				continue
			}
		}
		if named || definite && !vague {
			return w.Text, true
		}
	}
	return "", false
}

// indexFoldASCII is the offset of the first match of pat (ASCII, lower
// case) in s, ASCII letters matched in either case; -1 if none.
func indexFoldASCII(s, pat string) int {
	c0, C0 := pat[0], pat[0]
	if c0 >= 'a' && c0 <= 'z' {
		C0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(pat) <= len(s); i++ {
		if c := s[i]; c != c0 && c != C0 {
			continue
		}
		k := 1
		for k < len(pat) && (s[i+k] == pat[k] || s[i+k]|0x20 == pat[k] && pat[k] >= 'a' && pat[k] <= 'z') {
			k++
		}
		if k == len(pat) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her":
		return true
	}
	return false
}

// citation: [1], [12], [^1], ^1, ¹, (Smith 2023), (Smith et al., 2021), (Source: X).
func citation(s string) bool {
	// the next ")" at or after i (-1: none), found again only once passed,
	// so a sentence of many parentheses is scanned once
	nextClose := -2
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '[' && c != '^' && c != '(' {
			continue
		}
		switch s[i] {
		case '[':
			j := i + 1
			if j < len(s) && s[j] == '^' {
				j++
			}
			k := j
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k > j && k < len(s) && s[k] == ']' {
				return true
			}
		case '^':
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				return true
			}
		case '(':
			if nextClose != -1 && nextClose < i {
				nextClose = strings.IndexByte(s[i:], ')')
				if nextClose >= 0 {
					nextClose += i
				}
			}
			if nextClose < 0 {
				continue
			}
			rest := s[i+1:]
			if hasPrefixFold(rest, "source:") || hasPrefixFold(rest, "sources:") {
				return true
			}
			// (Smith 2023), (Smith et al., 2021): a few words
			if inner := s[i+1 : nextClose]; len(inner) <= 120 {
				ws := strings.Fields(strings.ReplaceAll(inner, ",", " "))
				if len(ws) >= 2 && len(ws) <= 5 && lex.IsCapitalized(ws[0]) && isYear(strings.Trim(ws[len(ws)-1], "ab;")) {
					return true
				}
			}
		}
	}
	// superscript digits: ¹ ² ³ are C2 B9, B2, B3; ⁴-⁹ E2 81 B4-B9
	if strings.IndexByte(s, 0xC2) < 0 && strings.IndexByte(s, 0xE2) < 0 {
		return false
	}
	for _, r := range s {
		if r == '¹' || r == '²' || r == '³' || r >= '⁴' && r <= '⁹' {
			return true
		}
	}
	return false
}
