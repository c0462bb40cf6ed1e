package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// ambiguousVerbs are also nouns ("TV shows", "news reports", "the weather
// forecast", "a group called X"): they attribute only with a pronoun or a
// source noun as subject ("figures show"), before "that", inverted after a
// comma (", says a study.") or closing the sentence (", the government
// believes.").
var ambiguousVerbs = lex.NewSet("shows", "show", "reports", "report", "finds", "states", "notes", "claims",
	"estimates", "calls", "called", "cited")

// nounsAfterNames are nouns after a name ("the Bank of England forecast")
// but verbs more often: a name as subject is enough.
var nounsAfterNames = lex.NewSet("found", "forecast", "forecasts")

// speechOnly verbs report speech only next to the words spoken: inverted
// ("…," he continued), before a colon, "that" or a question word, or
// closing the sentence; otherwise they are ordinary verbs ("prices
// continued to fall", "the firm added 500 jobs", "it maintained its lead").
var speechOnly = lex.NewSet("continued", "continues", "added", "adds", "recalled", "responded", "replied",
	"concluded", "explained", "asked", "maintained", "observed", "praised", "described", "ruled")

// thatWords open what a speech-only verb reports: "explained how…".
var thatWords = lex.NewSet("that", "how", "why", "what", "whether", "if", "when")

// participles report speech for the sentence's subject: "…, saying the
// plan would fail", "a statement telling staff…".
var participles = lex.NewSet("saying", "telling", "adding", "warning", "arguing", "claiming", "insisting", "noting",
	"explaining", "stating", "announcing", "predicting", "suggesting", "writing", "tweeting", "declaring", "confirming",
	"expecting", "forecasting", "estimating")

// progressive: "she was telling reporters…", "began by saying…"
var progressive = lex.NewSet("by", "began", "started", "while", "when", "after", "before", "without", "was", "were", "is", "are", "been", "be", "am", "keeps", "kept", "not", "isn't", "wasn't",
	"aren't", "weren't", "isn’t", "wasn’t", "aren’t", "weren’t", "he's", "she's", "they're", "he’s", "she’s", "they’re",
	"also", "now", "still")

// statements are things that say: "a statement saying…".
var statements = lex.NewSet("statement", "letter", "tweet", "post", "email", "message", "memo", "note", "interview",
	"release", "speech", "report", "ad", "advert", "video", "footage", "photo", "document", "documents", "records", "poll")

var pronouns = lex.NewSet("he", "she", "they", "we", "i", "it", "his", "her", "their")

// auxiliaries and adverbs between a subject and its reporting verb: "Sky
// has said", "the firm has also previously reported".
var auxiliaries = lex.NewSet("has", "have", "had", "also", "previously", "later", "then", "again", "recently",
	"once", "earlier", "now", "repeatedly", "publicly", "separately", "further", "already", "last", "week", "year",
	"month", "yesterday", "today", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"will", "would", "could", "may", "might", "did", "does", "do", "not", "never", "always", "first", "officially",
	"reportedly", "has said", "told", "privately", "openly", "quickly", "subsequently", "originally", "initially", "just")

// plainStarts are capitalised only because they start the sentence: they
// name nobody.
var plainStarts = lex.NewSet("the", "a", "an", "in", "but", "and", "so", "yet", "meanwhile", "however", "also", "it",
	"this", "that", "these", "those", "last", "on", "at", "for", "as", "when", "while", "after", "before", "if", "now",
	"then", "there", "here", "what", "which", "who", "some", "many", "most", "all", "both", "one", "other", "others",
	"such", "with", "by", "from", "of", "to", "its", "his", "her", "their", "our", "my", "we", "they", "he", "she",
	"earlier", "later", "still", "instead", "although", "though", "because", "since", "until", "despite", "even",
	"only", "just", "not", "no", "every", "each", "any", "several", "few", "more", "less", "about", "over", "under",
	"during", "among", "between", "without", "within", "into", "like", "unlike", "according", "under", "overall",
	"separately", "previously", "recently", "currently", "further", "indeed", "nevertheless", "otherwise", "similarly")

// attr is what attributes a sentence.
type attr struct {
	why string
	// speaker: a reporting verb with a definite speaker, or "according to"
	// a named source, gives the sentence (and a quotation next to it) its
	// source
	speaker bool
	// finding: the source is a study, survey, report or figures ("the
	// survey found"): the sentences that go on to give its findings are
	// covered by it
	finding bool
	// vague: a reporting verb whose speaker is not named ("officials
	// said"); it attributes nothing
	vague string
}

// findingVerbs report what a study or data found.
var findingVerbs = lex.NewSet("found", "finds", "find", "showed", "shows", "show", "shown", "revealed", "reveals",
	"suggests", "suggested", "concluded", "concludes", "indicates", "indicated", "estimated", "estimates", "calculated")

// attribution says what attributes a sentence.
func attribution(b *draft.Block, l *lists, sp draft.Span, ws []lex.Word, accords []lex.Match) attr {
	st := b.Text[sp.Start:sp.End]
	// a link or a footnote/citation
	for _, ln := range b.Links {
		if ln.Bare || ln.Email {
			continue
		}
		if ln.TextStart < sp.End && ln.TextEnd > sp.Start || ln.TextStart == sp.End {
			return attr{why: "a link"}
		}
	}
	if citation(st) {
		return attr{why: "a citation"}
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
			return attr{why: "according to " + rest[k].Text, speaker: true, finding: l.sources.Has(rest[k].Lower)}
		}
	}
	// a named source: "a Eurostat report", "data from the OECD", "the study
	// found"; a source noun is lower case ("International Paper" is a name)
	for i, w := range ws {
		lw := w.Lower
		if !l.sources.Has(lw) || w.Text != lw {
			continue
		}
		if i > 1 && lex.IsCapitalized(ws[i-1].Text) && !plainStarts.Has(ws[i-1].Lower) {
			return attr{why: ws[i-1].Text + " " + w.Text, finding: true}
		}
		// "data from the OECD", "figures published by Eurostat", "the
		// figures come from the ONS"
		by := i + 1
		for by < len(ws) && by <= i+3 && ws[by].Lower != "by" && ws[by].Lower != "from" && ws[by].Lower != "of" {
			by++
		}
		if by+1 < len(ws) && by <= i+3 && (by == i+1 || ws[by].Lower != "of") {
			k := by + 1
			for k < len(ws) && isDeterminer(ws[k].Text) {
				k++
			}
			if k < len(ws) && lex.IsCapitalized(ws[k].Text) {
				return attr{why: w.Text + " " + ws[by].Text + " " + ws[k].Text, finding: true}
			}
		}
		if i > 0 && (ws[i-1].Lower == "the" || ws[i-1].Lower == "a" || ws[i-1].Lower == "its" || ws[i-1].Lower == "their") &&
			i+1 < len(ws) && (l.verbs.Has(ws[i+1].Lower) || findingVerbs.Has(ws[i+1].Lower)) {
			return attr{why: ws[i-1].Text + " " + w.Text, speaker: true, finding: true}
		}
	}
	if k := indexFoldASCII(st, "published in "); k >= 0 {
		if r, _ := utf8.DecodeRuneInString(st[k+len("published in "):]); unicode.IsUpper(r) {
			return attr{why: "a named publication", finding: true}
		}
	}
	vague := ""
	for i := range ws {
		a, ok := reportingVerb(b, l, sp, ws, i)
		if ok {
			return a
		}
		if vague == "" {
			vague = a.vague
		}
	}
	return attr{vague: vague}
}

// reportingVerb says whether ws[i] is a reporting verb with a speaker who
// is not vague.
func reportingVerb(b *draft.Block, l *lists, sp draft.Span, ws []lex.Word, i int) (attr, bool) {
	w := ws[i]
	lw := w.Lower
	if participles.Has(lw) {
		return participle(b, l, sp, ws, i)
	}
	if !l.verbs.Has(lw) {
		return attr{}, false
	}
	t := b.Text
	// "so-called", "self-described"
	if w.Start > 0 && t[w.Start-1] == '-' {
		return attr{}, false
	}
	next := ""
	if i+1 < len(ws) {
		next = ws[i+1].Lower
	}
	if lex.IsCapitalized(w.Text) {
		// inside the sentence a capitalised verb is a name ("United
		// States", "Consumer Reports"); at its start, inverted ("Said
		// Ellis: …")
		if i == 0 && i+1 < len(ws) && lex.IsCapitalized(ws[1].Text) && !l.vague.Has(next) {
			return attr{why: w.Text + " " + ws[1].Text, speaker: true}, true
		}
		return attr{}, false
	}
	// after a determiner, a noun or an adjective ("the declared aim")
	if i > 0 && isDeterminer(ws[i-1].Text) && ws[i-1].Lower != "that" {
		return attr{}, false
	}
	// a passive without an agent ("it is believed", "was reported")
	// names nobody
	if i > 0 {
		switch ws[i-1].Lower {
		case "is", "are", "was", "were", "been", "be", "being", "widely", "generally", "often", "commonly":
			if next != "by" {
				return attr{vague: w.Text}, false
			}
		}
	}
	switch next {
	case "itself", "himself", "herself", "themselves", "myself", "ourselves":
		return attr{}, false // "found itself"
	}
	before := strings.TrimRight(t[sp.Start:w.Start], " ")
	after := strings.TrimLeft(t[w.End:sp.End], " ")
	inverted := before != "" && strings.ContainsRune(",\"”’'", lastRune(before))
	closing := after == "" || strings.Trim(after, ".!?\"'”’)") == "" || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ":")
	// inverted, after a comma or a quotation: "…, said Dr. Smith", "…,"
	// said the minister, ", says a study."
	if inverted && next != "" && !l.vague.Has(next) {
		nx := ws[i+1].Text
		if lex.IsCapitalized(nx) || pronouns.Has(next) || next == "the" || next == "a" || next == "an" || next == "its" || next == "his" || next == "her" || next == "their" {
			return attr{why: w.Text, speaker: true}, true
		}
		// "…," said former Obama adviser David Axelrod
		for j := i + 2; j < len(ws) && j <= i+4; j++ {
			if l.vague.Has(ws[j].Lower) {
				break
			}
			if lex.IsCapitalized(ws[j].Text) {
				return attr{why: w.Text, speaker: true}, true
			}
		}
	}
	// the subject before the verb, past auxiliaries ("Sky has said") and
	// an apposition ("Andrew Stoddart, chief scientist at 2d3, said")
	k := i - 1
	for k >= 0 && auxiliaries.Has(ws[k].Lower) && !(k == 0 && lex.IsCapitalized(ws[k].Text) && !plainStarts.Has(ws[k].Lower)) {
		k--
	}
	if k < 0 {
		return attr{}, false
	}
	switch gap := t[ws[k].End:ws[k+1].Start]; {
	case strings.ContainsRune(gap, ')'):
		// "Kasich (who has 25 delegates) said": the subject is before the
		// parenthesis
		for m := k - 1; m >= 0 && m >= k-20; m-- {
			if strings.ContainsRune(t[ws[m].End:ws[m+1].Start], '(') {
				k = m
				break
			}
		}
	case strings.ContainsRune(gap, ',') && !inverted:
		// an apposition: the subject is before the comma that opens it
		for m := k - 1; m >= 0 && m >= k-20; m-- {
			if strings.ContainsRune(t[ws[m].End:ws[m+1].Start], ',') {
				k = m
				break
			}
		}
	}
	switch ws[k].Lower {
	case "and", "but":
		// "Reid caucused on Saturday and says…": the sentence's subject
		if k > 0 {
			k = min(k-1, 3)
		}
	case "who":
		// "McConnell, who in 2010 said…"
		if k > 0 && lex.IsCapitalized(ws[k-1].Text) {
			k--
		}
	case "that", "which":
		// "a message that said…", "the ad, which claims…"
		if k > 0 && !l.vague.Has(ws[k-1].Lower) && definiteHead(ws, k-1) {
			return attr{why: w.Text, speaker: true}, true
		}
	}
	head := ws[k]
	lh := head.Lower
	nameAt := func(j int) bool {
		return lex.IsCapitalized(ws[j].Text) && !l.vague.Has(ws[j].Lower) && !(j == 0 && plainStarts.Has(ws[j].Lower))
	}
	// next to the words spoken: "Kelly responded, with a smile: “…”",
	// "“…?” the 43-year-old asked in the video"
	spoken := strings.ContainsAny(after, ":“\"") || strings.Contains(after, "''") || strings.ContainsAny(before, "”\"")
	if !spoken && strings.HasPrefix(after, ",") && i > 0 {
		// parenthetical: "Time, Mr. Pence added, was on their side"
		lo := max(0, i-4)
		spoken = strings.ContainsRune(t[ws[lo].Start:w.Start], ',')
	}
	if lw == "asked" {
		// "asked Sanders how…", "asked him whether…", "asked the
		// network to donate…"
		for j := i + 2; j < len(ws) && j <= i+4; j++ {
			if thatWords.Has(ws[j].Lower) || ws[j].Lower == "to" {
				spoken = true
			}
		}
	}
	ends := after == "" || strings.Trim(after, ".!?\"'”’)") == ""
	if speechOnly.Has(lw) && !(inverted || ends || thatWords.Has(next) || spoken) {
		return attr{}, false
	}
	if ambiguousVerbs.Has(lw) {
		// a noun unless a pronoun or source noun is its subject, or "that"
		// or the end of the sentence follows
		// "the jury called it…"
		object := (lw == "called" || lw == "calls") && (next == "it" || next == "him" || next == "her" || next == "them" ||
			next == "for" && (nameAt(k) || definiteHead(ws, k)))
		// "a video of the match shows": the noun before "of"
		ofHead := ""
		for m := k - 1; m > 0 && m >= k-3; m-- {
			if ws[m].Lower == "of" {
				ofHead = ws[m-1].Lower
				break
			}
		}
		source := func(h string) bool { return l.sources.Has(h) && !l.vague.Has(h) || statements.Has(h) }
		if !(pronouns.Has(lh) || source(lh) || ofHead != "" && source(ofHead) || next == "that" || closing || object) {
			return attr{}, false
		}
	}
	if nounsAfterNames.Has(lw) && !(nameAt(k) || pronouns.Has(lh) || l.sources.Has(lh) && !l.vague.Has(lh) || next == "that" || closing) {
		return attr{}, false
	}
	if inverted && !closing && next == "" {
		return attr{}, false
	}
	// the subject: up to four words ending at the head ("its chief
	// executive", "Munich-based research institute Ifo")
	lo := max(0, k-3)
	vague, named, definite := false, false, false
	for j := lo; j <= k; j++ {
		ls := ws[j].Lower
		if l.vague.Has(ls) {
			vague = true
		}
		if nameAt(j) {
			named = true
		}
		if pronouns.Has(ls) && j == k || l.sources.Has(ls) && !l.vague.Has(ls) {
			definite = true
		}
		switch ls {
		case "the", "a", "an", "its", "his", "her", "their", "our", "my":
			definite = true // "the agency said", "a spokesman said"
		}
	}
	if lh == "who" && k > 0 && !l.vague.Has(ws[k-1].Lower) {
		definite = true // "business leaders who say"
	}
	if named || definite && !vague {
		// "figures show", "the data suggested": a study's findings
		return attr{why: w.Text, speaker: true, finding: l.sources.Has(lh) && findingVerbs.Has(lw)}, true
	}
	// "experts say", "officials said", "1,409 teachers said": said, but by
	// nobody named
	return attr{vague: w.Text}, false
}

// participle: "…, saying …" reports the speech of a definite subject
// earlier in the sentence.
func participle(b *draft.Block, l *lists, sp draft.Span, ws []lex.Word, i int) (attr, bool) {
	always := ws[i].Lower == "saying" || ws[i].Lower == "telling"
	if i == 0 || !always && !strings.ContainsRune(b.Text[ws[i-1].End:ws[i].Start], ',') && !statements.Has(ws[i-1].Lower) && !progressive.Has(ws[i-1].Lower) {
		return attr{}, false
	}
	for j := 0; j < i; j++ {
		lj := ws[j].Lower
		if l.vague.Has(lj) {
			return attr{vague: ws[i].Text}, false
		}
		if pronouns.Has(lj) || lex.IsCapitalized(ws[j].Text) && !(j == 0 && plainStarts.Has(lj)) || isDeterminer(ws[j].Text) {
			return attr{why: ws[i].Text, speaker: true}, true
		}
	}
	return attr{}, false
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

// definiteHead: ws[k] heads a definite noun phrase ("the union", "its
// chairman").
func definiteHead(ws []lex.Word, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if isDeterminer(ws[j].Text) {
			return true
		}
	}
	return false
}
