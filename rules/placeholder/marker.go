package placeholder

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

var markerRule = &rules.Rule{
	ID:       "placeholder/marker",
	Severity: rules.Error,
	Doc:      "Editorial marker left in: TK, TBD, TODO, XX for a number, [INSERT …], {{name}}, \"headline goes here\"",
	Explanation: `Editors and writers mark what is missing with TK ("to come"), TBD, TODO,
FIXME, XX in place of a figure ("XX%", "$XX million"), "???", bracketed notes
such as [INSERT QUOTE] or [Name], template leftovers such as {{first_name}}, and
stock phrases such as "Headline goes here" or "Insert photo here". Each is a
hole in the copy that must be filled before the draft is published.

Upper-case markers are matched with their case, so real words are never hit:
"TK Maxx", "TKO", "Tokyo", "xx-large" and "tbd" inside a URL are not markers,
and nothing inside code counts. "TODO comments" and "TODO list" are mentions,
not markers. In Markdown, Jekyll and Hugo tags ({% include %}, {{< figure >}},
{{ page.title }}) are left alone; only a bare {{name}} counts there.

Front-matter fields that are published without being prose (author, byline,
credit, source, tags, categories, keywords) count when their whole value is a
marker: "author: TK", "tags: [TODO]", "byline: [Reporter name]". Workflow
fields such as status or notes are never read.`,
}

type markerData struct {
	exact   lex.Set // case kept
	phrases *lex.Matcher
	accept  *lex.Matcher
	mention map[string]bool
	blocks  map[string]bool
}

var markers = sync.OnceValue(func() *markerData {
	s := sections(mustRead("markers.txt"))
	md := &markerData{
		exact:   exactSet(s["exact"]),
		phrases: lex.NewMatcher(s["phrase"]),
		accept:  lex.NewMatcher(s["accept"]),
		mention: toSet(s["mention"], true),
		blocks:  toSet(s["block"], true),
	}
	return md
})

func init() {
	markerRule.Run = runMarker
	rules.Register(markerRule)
}

type hit struct {
	start, end int // text offsets
	what       string
}

func runMarker(p *rules.Pass) {
	md := markers()
	for _, m := range p.Doc.Meta {
		v := string(p.Doc.Src[m.Start:m.End])
		if why := metaMarker(p.Doc, md, v); why != "" {
			p.Report(rules.Finding{Offset: m.Start, EndOffset: m.End,
				Message:     fmt.Sprintf("editorial marker %q left in the front matter's %s", clip(v, 40), m.Key),
				Explanation: why + " Front-matter fields such as the byline and the tags are published with the article."})
		}
	}
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		hits := blockMarkers(p.Doc, i, md)
		hits = dedupeHits(hits)
		for _, h := range hits {
			p.Report(rules.Finding{
				Offset: b.Src(h.start), EndOffset: b.SrcEnd(h.end),
				Message:     fmt.Sprintf("editorial marker %q left in the draft", clip(b.Text[h.start:h.end], 40)),
				Explanation: h.what,
			})
		}
	}
}

// metaMarker says why the whole value of a front-matter field such as
// author or tags is a placeholder ("TK", "TBD", "[Author name]", "lorem
// ipsum"), or "". Only whole values count: a tag or a name is short.
func metaMarker(d *draft.Document, md *markerData, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	low := strings.ToLower(v)
	switch {
	case md.exact.Has(v):
		return explainWord(v)
	case low == "tk" || low == "tktk" || low == "tbd" || low == "tba" || low == "tbc":
		// in lower case too: no tag or byline is that ("todo" is a tag
		// of articles about to-do lists)
		return explainWord(strings.ToUpper(v))
	case md.blocks[strings.Trim(low, ".!…:- ")]:
		return "The whole value is a placeholder."
	case strings.HasPrefix(low, "lorem ipsum"):
		return "Lorem ipsum is filler text."
	case v[0] == '[' || v[0] == '<' || v[0] == '{':
		if h, ok := bracketAt(d.Format, v, 0); ok && h.end == len(v) {
			return h.what
		}
	}
	return ""
}

// dedupeHits sorts hits and drops those inside an earlier one.
func dedupeHits(hs []hit) []hit {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && (hs[j].start < hs[j-1].start || hs[j].start == hs[j-1].start && hs[j].end > hs[j-1].end); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
	var out []hit
	for _, h := range hs {
		if len(out) > 0 && h.start < out[len(out)-1].end {
			continue
		}
		out = append(out, h)
	}
	return out
}

func blockMarkers(d *draft.Document, bi int, md *markerData) []hit {
	f := d.Format
	b := &d.Blocks[bi]
	t := b.Text
	var hits []hit
	norm := lex.BlockNorm(d, bi)
	// a whole block that is a placeholder ("Coming soon", "TBD")
	if len(t) <= 48 { // the whole-block placeholders are short
		whole := strings.ToLower(strings.Trim(strings.Join(strings.Fields(t), " "), ".!…:- "))
		if md.blocks[whole] || md.blocks[whole+"!"] {
			return []hit{{0, len(t), "The whole block is a placeholder: write the copy or remove the block."}}
		}
	}
	accepted := md.accept.Find(norm, len(t))
	isAccepted := func(s, e int) bool {
		for _, a := range accepted {
			if s >= a.Start && e <= a.End {
				return true
			}
		}
		return false
	}
	ws := lex.BlockWords(d, bi)
	for k, w := range ws {
		word := w.Text
		switch {
		case md.exact.Has(word):
			if isAccepted(w.Start, w.End) || !standalone(t, w.Start, w.End) {
				continue
			}
			if k+1 < len(ws) && md.mention[ws[k+1].Lower] && !strings.Contains(t[w.End:ws[k+1].Start], ":") {
				continue
			}
			if quoted(t, w.Start, w.End) {
				continue
			}
			if (word == "XXX" || word == "XXXX") && romanContext(ws, k) {
				continue
			}
			hits = append(hits, hit{w.Start, w.End, explainWord(word)})
		case isXX(word):
			// X's stand for a figure wherever they stand alone (XX engineers,
			// by XX, XX%), except as a Roman numeral (Super Bowl XX)
			if romanContext(ws, k) || quoted(t, w.Start, w.End) || !standalone(t, w.Start, w.End) && !numberGlue(t, w.Start, w.End) && !numberContext(t, ws, k) {
				continue
			}
			s, e := w.Start, w.End
			// take a currency sign or % that belongs to it
			if s > 0 && strings.ContainsRune("$€£¥", lastRune(t[:s])) {
				_, sz := utf8.DecodeLastRuneInString(t[:s])
				s -= sz
			}
			if e < len(t) && t[e] == '%' {
				e++
			}
			hits = append(hits, hit{s, e, "XX stands in for a figure that is still to come: fill in the number."})
		}
	}
	// ??? and longer
	for i := 0; i < len(t); {
		k := strings.Index(t[i:], "???")
		if k < 0 {
			break
		}
		s := i + k
		e := s
		for e < len(t) && (t[e] == '?' || t[e] == '!') {
			e++
		}
		i = e
		if s > 0 && !isOpenOrSpace(lastRune(t[:s])) {
			continue // "a movie???": emphatic punctuation, not a marker
		}
		hits = append(hits, hit{s, e, "Question marks stand in for something still to be checked or written."})
	}
	hits = append(hits, bracketMarkers(f, t)...)
	for _, m := range md.phrases.Find(norm, len(t)) {
		hits = append(hits, hit{m.Start, m.End, "A stock placeholder phrase: replace it with the real copy."})
	}
	hits = append(hits, insertHere(t, ws)...)
	return hits
}

// standalone: the word is not glued to other word characters or markup
// (pXXX, ERROR_XXX, mspdb*XXX*.dll are names, not markers).
func standalone(t string, s, e int) bool {
	if s > 0 && !isOpenOrSpace(lastRune(t[:s])) {
		return false
	}
	if e < len(t) {
		r, _ := utf8.DecodeRuneInString(t[e:])
		if !(unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}\"”’'»…—–", r)) {
			return false
		}
		if (r == '.' || r == '-') && e+1 < len(t) && !unicode.IsSpace(rune(t[e+1])) && t[e+1] != '"' {
			return false // TK.dll, XXX.txt
		}
	}
	return true
}

// numberGlue: $XX, XX%, XXm are glued to a currency or unit on purpose.
func numberGlue(t string, s, e int) bool {
	return s > 0 && strings.ContainsRune("$€£¥", lastRune(t[:s])) || e < len(t) && t[e] == '%'
}

func isOpenOrSpace(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || strings.ContainsRune("([{\"“‘'«„—–-:", r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func explainWord(w string) string {
	switch strings.Trim(w, "[]-") {
	case "TK", "TKTK", "TKTKTK", "TK-TK":
		return `TK ("to come") marks a fact, figure or passage still to be written.`
	case "TBD", "TBA", "TBC":
		return w + " (to be determined/announced/confirmed) marks something not yet known: fill it in before publishing."
	case "XXX", "XXXX":
		return w + " marks something still to be written or checked."
	}
	return w + " marks unfinished work left in the prose."
}

func quoted(t string, s, e int) bool {
	before := strings.TrimRight(t[:s], " ")
	after := t[e:]
	open := lastRune(before)
	close, _ := utf8.DecodeRuneInString(after)
	pairs := map[rune]rune{'"': '"', '“': '”', '‘': '’', '\'': '\'', '«': '»', '„': '“'}
	if c, ok := pairs[open]; ok && (close == c || close == '"' || close == '”') {
		return true
	}
	return false
}

// isXX: XX, XXX, XX.X, X,XXX, XXm, XXbn — X standing for digits.
func isXX(w string) bool {
	if w == "" || w[0] != 'X' { // words begin with a letter or a digit
		return false
	}
	core := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "bn"), "m"), "k")
	n := 0
	for _, c := range core {
		switch c {
		case 'X':
			n++
		case ',', '.':
		default:
			return false
		}
	}
	return n >= 2 || n >= 1 && strings.ContainsAny(core, ",.") && len(core) >= 3
}

var numberBefore = map[string]bool{"by": true, "of": true, "to": true, "from": true, "about": true, "nearly": true,
	"almost": true, "than": true, "at": true, "only": true, "some": true, "over": true, "under": true, "around": true,
	"roughly": true, "approximately": true, "just": true, "least": true, "most": true, "up": true, "down": true,
	"rose": true, "fell": true, "cost": true, "costs": true, "paid": true, "were": true, "was": true, "is": true,
	"are": true, "had": true, "has": true, "with": true, "for": true, "in": true, "on": true, "the": true}

var numberAfter = map[string]bool{"percent": true, "per": true, "million": true, "billion": true, "thousand": true,
	"hundred": true, "people": true, "years": true, "year": true, "days": true, "hours": true, "minutes": true,
	"points": true, "times": true, "euros": true, "dollars": true, "pounds": true, "km": true, "miles": true,
	"metres": true, "meters": true, "percentage": true, "m": true, "bn": true, "staff": true, "jobs": true,
	"homes": true, "cases": true, "deaths": true, "votes": true, "members": true, "students": true, "units": true}

// numberContext: the X's stand where a number would (XX%, $XX, by XX, XX million).
func numberContext(t string, ws []lex.Word, k int) bool {
	w := ws[k]
	if w.End < len(t) && (t[w.End] == '%' || strings.HasPrefix(t[w.End:], "‰")) {
		return true
	}
	if w.Start > 0 && strings.ContainsRune("$€£¥", lastRune(t[:w.Start])) {
		return true
	}
	if strings.HasSuffix(w.Text, "m") || strings.HasSuffix(w.Text, "bn") || strings.ContainsAny(w.Text, ",.") {
		return true
	}
	if k+1 < len(ws) && numberAfter[ws[k+1].Lower] {
		return true
	}
	if k > 0 && numberBefore[ws[k-1].Lower] {
		return true
	}
	return false
}

// romanContext: XX or XXX as a Roman numeral (Super Bowl XX, Pius XII's
// successor, Olympiad XXX).
func romanContext(ws []lex.Word, k int) bool {
	if k > 1 {
		// "Super Bowl XX"; a capital that only starts the text says nothing
		prev := ws[k-1].Text
		if lex.IsCapitalized(prev) && !lex.IsUpperWord(prev) {
			return true
		}
	}
	if k+1 < len(ws) {
		switch ws[k+1].Lower {
		case "century", "olympiad", "olympics", "games", "congress", "dynasty":
			return true
		}
	}
	return false
}

// Bracketed notes: a note whose first word is one of strongFirst, in any
// case and length ("[insert quote from mayor]"); a single capitalised word
// from singleNote ("[Name]", "[PHOTO]"); "[Your …]"; a note ending in one of
// noteEnds ("[Company name]", "[citation needed]"); or two or more words in
// capitals ("[QUOTE FROM MAYOR]"). Lower-case single words ("[name]",
// "[number]") are command-syntax notation in documentation and are left alone.
var (
	strongFirst = map[string]bool{"insert": true, "tk": true, "tbd": true, "tbc": true, "tba": true, "todo": true,
		"fixme": true, "placeholder": true, "xx": true, "xxx": true, "hed": true, "dek": true, "fill": true, "add": true}
	singleNote = map[string]bool{"name": true, "company": true, "quote": true, "link": true, "url": true, "photo": true,
		"image": true, "picture": true, "caption": true, "source": true, "date": true, "city": true, "headline": true,
		"title": true, "number": true, "figure": true, "chart": true, "graphic": true, "byline": true, "email": true,
		"phone": true, "address": true, "stat": true, "citation": true, "subhead": true, "client": true, "product": true}
	noteEnds = map[string]bool{"name": true, "needed": true, "here": true, "tk": true, "tbd": true, "tbc": true,
		"tba": true, "tbc.": true, "link": true, "url": true, "quote": true, "number": true}
)

// blankLine is a paragraph break: a note never spans one.
var blankLine = regexp.MustCompile(`\n[ \t]*\r?\n`)

// bracketMarkers finds [INSERT QUOTE], [Name], <Name>, {{name}}, {% … %}.
func bracketMarkers(f draft.Format, t string) []hit {
	var hits []hit
	// most prose has no bracket: the openers are looked for with IndexByte,
	// each again only once the scan passes the one found before
	nextSq, nextAngle, nextCurly := -1, -1, -1
	for i := 0; i < len(t); i++ {
		nextSq = nextAfter(t, '[', i, nextSq)
		nextAngle = nextAfter(t, '<', i, nextAngle)
		nextCurly = nextAfter(t, '{', i, nextCurly)
		i = min(nextSq, nextAngle, nextCurly)
		if i >= len(t) {
			break
		}
		if h, ok := bracketAt(f, t, i); ok {
			hits = append(hits, h)
			i = h.end - 1
		}
	}
	return hits
}

// bracketAt reads a bracketed marker opening at t[i], if there is one.
func bracketAt(f draft.Format, t string, i int) (hit, bool) {
	c := t[i]
	var closeS string
	switch c {
	case '[':
		closeS = "]"
	case '<':
		closeS = ">"
	case '{':
		if i+1 < len(t) && (t[i+1] == '{' || t[i+1] == '%') {
			if t[i+1] == '{' {
				closeS = "}}"
			} else {
				closeS = "%}"
			}
		} else {
			return hit{}, false
		}
	default:
		return hit{}, false
	}
	open := 1
	if c == '{' {
		open = 2
	}
	// the closing bracket within 120 bytes (looking further from every
	// opening bracket made a run of them quadratic)
	j := strings.Index(t[i+open:min(len(t), i+open+120+len(closeS))], closeS)
	if j < 0 || j > 120 {
		return hit{}, false
	}
	inner := t[i+open : i+open+j]
	end := i + open + j + len(closeS)
	var why string
	switch c {
	case '[':
		why = bracketNote(inner)
	case '<':
		if i > 0 && (unicode.IsLetter(lastRune(t[:i])) || unicode.IsDigit(lastRune(t[:i]))) {
			return hit{}, false
		}
		if angleName(inner) {
			why = "A bracketed name stands in for the real one."
		}
	case '{':
		why = templateLeftover(f, inner, t[i+1] == '%')
	}
	return hit{i, end, why}, why != ""
}

// nextAfter is the offset of the first c in t at or after i, len(t) when
// there is none; last is the one found before (-1 at first), reused while
// it is still ahead.
func nextAfter(t string, c byte, i, last int) int {
	if last >= i {
		return last
	}
	if k := strings.IndexByte(t[i:], c); k >= 0 {
		return i + k
	}
	return len(t)
}

func bracketNote(inner string) string {
	s := strings.TrimSpace(inner)
	if s == "" || len(s) > 100 || strings.Contains(s, "[") || blankLine.MatchString(s) {
		return ""
	}
	// a soft line break inside the note reads as a space: "[INSERT
	// QUOTE FROM MAYOR]" wrapped by the writer's editor
	s = strings.Join(strings.Fields(s), " ")
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if len(words) == 0 {
		return ""
	}
	first := strings.ToLower(words[0])
	last := strings.ToLower(words[len(words)-1])
	letters := true
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '\'' && r != '’' && r != '-' && r != ':' {
			letters = false
			break
		}
	}
	switch {
	case strongFirst[first] && (len(words) > 1 || lex.IsUpperWord(words[0])) && letters:
	case len(words) == 1 && singleNote[first] && lex.IsCapitalized(words[0]) && letters:
	case first == "your" && lex.IsCapitalized(words[0]) && len(words) <= 4 && letters:
	case len(words) >= 2 && len(words) <= 4 && noteEnds[last] && lex.IsCapitalized(words[0]) && letters:
	case len(strings.Fields(s)) >= 2 && lex.IsUpperWord(s) && letters:
	default:
		return ""
	}
	return "A bracketed editorial note stands where copy is still missing."
}

var angleWords = map[string]bool{"name": true, "your": true, "company": true, "insert": true, "title": true,
	"headline": true, "quote": true, "date": true, "city": true, "email": true, "phone": true, "address": true,
	"firstname": true, "lastname": true, "first": true, "last": true, "organisation": true, "organization": true,
	"person": true, "client": true, "full": true}

// angleName: <Name>, <Your Name>, <COMPANY>.
func angleName(inner string) bool {
	if inner == "" || len(inner) > 40 {
		return false
	}
	ws := strings.Fields(inner)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '_' && r != '-' {
				return false
			}
		}
		if !lex.IsCapitalized(w) {
			return false
		}
	}
	// <T> and <CharType> are type parameters in documentation: only the
	// words of a form's stand-ins count
	return angleWords[strings.ToLower(ws[0])] || angleWords[strings.ToLower(ws[len(ws)-1])]
}

func templateLeftover(f draft.Format, inner string, tag bool) string {
	s := strings.TrimSpace(inner)
	if s == "" {
		return ""
	}
	if f == draft.Markdown {
		// Jekyll/Liquid tags, Hugo shortcodes and expressions are site syntax
		if tag || strings.HasPrefix(s, "<") || strings.HasPrefix(s, "%") || strings.ContainsAny(s, ".|( ") {
			return ""
		}
	}
	if tag {
		return "A template tag was left in the prose."
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == ' ' || r == '.') {
			return ""
		}
	}
	return "A template variable was left unfilled."
}

// insertHere: "Insert photo here", "[insert the quote from X here]": the
// instruction stands as a sentence of its own.
func insertHere(t string, ws []lex.Word) []hit {
	var hits []hit
	for k, w := range ws {
		// only i or I folds to i
		if c := w.Text[0]; len(w.Text) != len("insert") || c != 'i' && c != 'I' || !strings.EqualFold(w.Text, "insert") {
			continue
		}
		before := strings.TrimRight(t[:w.Start], " ")
		if before != "" && !strings.ContainsRune(".!?([:\n—–-", lastRune(before)) {
			continue
		}
		for j := k + 1; j < len(ws) && j <= k+5; j++ {
			if strings.ContainsAny(t[ws[j-1].End:ws[j].Start], ".!?;\n") {
				break
			}
			if strings.EqualFold(ws[j].Text, "here") {
				after := strings.TrimLeft(t[ws[j].End:], " ")
				if after == "" || strings.ContainsRune(".!?)]:;\n", rune(after[0])) {
					hits = append(hits, hit{w.Start, ws[j].End, "An instruction to insert something was left in the prose."})
				}
				break
			}
		}
	}
	return hits
}

// Marked reports whether block i of d holds what placeholder/marker
// reports (TK, TBD, [Headline], "Headline goes here"): the headline rules
// leave such a heading or title to it.
func Marked(d *draft.Document, i int) bool {
	return len(blockMarkers(d, i, markers())) > 0
}
