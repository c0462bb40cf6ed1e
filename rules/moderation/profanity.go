package moderation

import (
	_ "embed" // the word lists
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

var profanityRule = &rules.Rule{
	ID:       "moderation/profanity",
	Severity: rules.Warning,
	Doc:      "Profanity and obscenity (the cuss lists, words rated likely meant so), whole words only; info inside a quotation",
	Explanation: `A swear word or an obscenity in a headline or in the writer's own voice
needs an editor's decision. The words come from the cuss lists (English,
Spanish, French, Italian, Portuguese, Arabic in Latin letters), which rate
each by how likely it is meant as profanity rather than in a clean sense:
only words rated "likely" (2) are reported, and of those draftlint leaves
out the ones a newsroom mostly writes innocently (niggling, welfare, slave,
hooker in rugby, sodomy in law, Gables, magna cum laude); "shit", which
cuss rates 1, counts as 2. Words are matched whole, so Scunthorpe, Essex,
Middlesex, cocktail, assess and Dickens pass, and neither a word inside an
identifier (m_spUnk) nor a capitalised one inside a sentence (a name or a
title: "Charlie Hore", "MTV Smut Peddlers") is reported. Inside a
quotation (or a block quote) the finding is info, marked "quoted": a
newsroom reports what people said, and style guides say how to print it.
Options: languages (default [en]), min_rating (1 reports words that may be
meant either way too), allow (words never reported).`,
}

var slurRule = &rules.Rule{
	ID:       "moderation/slur",
	Severity: rules.Error,
	Doc:      "Slurs against people for their ethnicity, nationality, religion, sexuality, gender identity or disability; info inside a quotation",
	Explanation: `A slur in a published article hurts readers and the publication, and almost
never belongs outside a quotation that the story is about. The words are
the cuss lists' words that demean people for who they are (a list compiled
for draftlint), matched whole ("a chink of light", "spick and span",
"Maine Coon", "kaffir lime" pass), nor is a capitalised name that the
document also writes next to another capitalised word ("Nigel Quashie").
Inside a quotation or a block quote the
finding is info, marked "quoted". Options as for moderation/profanity.`,
}

//go:embed data/cuss.tsv
var cussTSV string

//go:embed data/slurs.txt
var slursTxt string

//go:embed data/innocent.txt
var innocentTxt string

//go:embed data/likely.txt
var likelyTxt string

type cussEntry struct {
	lang   string
	word   string
	rating int
	slur   bool
}

type cussData struct {
	entries  []cussEntry
	innocent map[string]bool // single words
	// innocentPhrases hold a listed word in a clean sense ("chink of light")
	innocentPhrases *lex.Matcher
	matchers        sync.Map // matcherKey → *wordMatcher
}

var cuss = sync.OnceValue(func() *cussData {
	d := &cussData{innocent: map[string]bool{}}
	slurs := slurSet()
	var phrases []string
	for _, w := range lex.ParseList(innocentTxt) {
		if strings.Contains(w, " ") && !isCussWord(w) {
			phrases = append(phrases, w)
			continue
		}
		d.innocent[w] = true
	}
	d.innocentPhrases = lex.NewMatcher(phrases)
	likely := map[string]bool{}
	for _, w := range lex.ParseList(likelyTxt) {
		likely[w] = true
	}
	for _, line := range strings.Split(cussTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		r, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		en := f[0] == "en"
		if en && likely[f[1]] {
			r = max(r, 2)
		}
		d.entries = append(d.entries, cussEntry{lang: f[0], word: f[1], rating: r, slur: slurs[f[1]] && en})
	}
	return d
})

// isCussWord: the phrase is itself an entry of cuss.tsv ("eight ball").
func isCussWord(w string) bool {
	return strings.Contains(cussTSV, "\t"+w+"\t")
}

type matcherKey struct {
	langs     string
	minRating int
}

// wordMatcher finds the words of some languages at or above a rating.
type wordMatcher struct {
	m       *lex.Matcher
	entries []cussEntry // by pattern
}

func (d *cussData) matcher(langs []string, minRating int) *wordMatcher {
	sorted := append([]string(nil), langs...)
	sort.Strings(sorted)
	key := matcherKey{strings.Join(sorted, ","), minRating}
	if m, ok := d.matchers.Load(key); ok {
		return m.(*wordMatcher)
	}
	wm := &wordMatcher{}
	var words []string
	seen := map[string]bool{}
	for _, e := range d.entries {
		if e.rating < minRating || !contains(sorted, e.lang) || d.innocent[e.word] {
			continue
		}
		norm := lex.Normalize(e.word).Text
		if seen[norm] {
			continue
		}
		seen[norm] = true
		words = append(words, e.word)
		wm.entries = append(wm.entries, e)
	}
	wm.m = lex.NewMatcher(words)
	m, _ := d.matchers.LoadOrStore(key, wm)
	return m.(*wordMatcher)
}

// languages the lists cover.
var languages = []string{"en", "es", "fr", "it", "pt", "pt-pt", "ar-latn"}

func init() {
	for _, r := range []*rules.Rule{profanityRule, slurRule} {
		r.OptionDocs = map[string]string{
			"languages":  "the lists to use: " + strings.Join(languages, ", ") + " (default [en])",
			"min_rating": "2 reports words likely meant as profanity (default); 1 also words that may be meant either way",
			"allow":      "words never reported",
		}
		r.OptionChecks = map[string]rules.OptionCheck{"languages": oneOf(languages), "min_rating": checkRating, "allow": stringList}
		rules.Register(r)
	}
	profanityRule.Run = func(p *rules.Pass) { runWords(p, false) }
	slurRule.Run = func(p *rules.Pass) { runWords(p, true) }
}

func checkRating(v any) error {
	if x, ok := v.(int); ok && (x == 1 || x == 2) {
		return nil
	}
	return fmt.Errorf("want 1 or 2, got %v", v)
}

func stringList(v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("want a list of words")
	}
	for _, x := range list {
		if _, ok := x.(string); !ok {
			return fmt.Errorf("want a list of words, got %v", x)
		}
	}
	return nil
}

func runWords(p *rules.Pass, slurs bool) {
	d := cuss()
	langs := p.Options.Strings("languages")
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	wm := d.matcher(langs, p.Options.Int("min_rating", 2))
	allow := map[string]bool{}
	for _, w := range p.Options.Strings("allow") {
		allow[lex.Normalize(w).Text] = true
	}
	var names map[string]bool // made on the first match
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		norm := lex.BlockNorm(p.Doc, i)
		ms := wm.m.Find(norm, len(b.Text))
		if len(ms) == 0 {
			continue
		}
		clean := d.innocentPhrases.Find(norm, len(b.Text))
		if names == nil {
			names = docNames(p.Doc)
		}
		for _, m := range ms {
			e := wm.entries[m.Pattern]
			if e.slur != slurs || allow[wm.m.Patterns[m.Pattern]] || within(clean, m.Start, m.End) {
				continue
			}
			word := b.Text[m.Start:m.End]
			f := rules.Finding{Offset: b.Src(m.Start), EndOffset: b.SrcEnd(m.End)}
			f.Masked = starWords(string(p.Doc.Src[f.Offset:f.EndOffset]))
			kind, what := "profanity", "a word rated likely profane"
			if slurs {
				kind, what = "slur", "a slur"
			}
			lang := ""
			if e.lang != "en" {
				lang = " (" + e.lang + ")"
			}
			if nameOrCode(b.Text, m.Start, m.End, names) {
				continue
			}
			if b.InQuote || inQuotation(b, m.Start) {
				f.Severity = rules.Info
				f.Message = fmt.Sprintf("quoted %s %q%s", kind, maskWord(word), lang)
				f.Explanation = fmt.Sprintf("%q is %s, here inside a quotation: check that the story needs it and that it is printed as the style guide says.", maskWord(word), what)
			} else {
				f.Message = fmt.Sprintf("%s %q%s", kind, maskWord(word), lang)
				f.Explanation = fmt.Sprintf("%q is %s (cuss rating %d). Reword it, or quote whoever said it.", maskWord(word), what, e.rating)
			}
			p.Report(f)
		}
	}
}

// within: [s, e) lies inside one of ms.
func within(ms []lex.Match, s, e int) bool {
	for _, m := range ms {
		if m.Start <= s && e <= m.End {
			return true
		}
	}
	return false
}

// maskWord keeps the first and last letter of each word of w and hides the
// others ("f••k", "a••e b••••t"; "f•" for a word of two letters), so that a
// report does not print it whole.
func maskWord(w string) string {
	r := []rune(w)
	sep := func(k int) bool { return k < 0 || k >= len(r) || r[k] == ' ' || r[k] == '-' }
	var b strings.Builder
	start := 0 // of the current word
	for k, c := range r {
		if sep(k) {
			b.WriteRune(c)
			start = k + 1
			continue
		}
		if k == start || sep(k+1) && k-start >= 2 {
			b.WriteRune(c)
		} else {
			b.WriteString("•")
		}
	}
	return b.String()
}

// starWords is maskWord for a report quoting the draft: as long in bytes
// as w, with '*' for the hidden letters.
func starWords(w string) string {
	var b strings.Builder
	for i, part := range strings.Split(w, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		last := 1
		if utf8.RuneCountInString(part) <= 2 {
			last = 0
		}
		b.WriteString(starMask(part, 1, last))
	}
	return b.String()
}

// inQuotation: text offset i of block b is inside a quotation: a quote
// opened before it in its sentence is still open, or the first quote after
// it in the sentence closes one (’”’, ’»’, or ’"’ after , . ! ?), as in
// BBC style, where each quoted sentence opens again.
func inQuotation(b *draft.Block, i int) bool {
	s := draft.Span{Start: 0, End: len(b.Text)}
	for _, x := range b.Sentences {
		if x.Start <= i && i < x.End {
			s = x
			break
		}
	}
	if quoteOpen(b.Text[s.Start:i]) {
		return true
	}
	rest := b.Text[i:s.End]
	for k, r := range rest {
		switch r {
		case '”', '»':
			return true
		case '“', '«', '„':
			return false
		case '"':
			return k > 0 && strings.IndexByte(",.!?", rest[k-1]) >= 0
		}
	}
	return false
}

// quoteOpen: a quotation opened in s is still open at its end. Double
// quotes and guillemets count; single quotes are too often apostrophes.
func quoteOpen(s string) bool {
	open := false
	for _, r := range s {
		switch r {
		case '"':
			open = !open
		case '“', '„', '«':
			open = true
		case '”', '»':
			open = false
		}
	}
	return open
}

// nameOrCode: the word at [s, e) of text is part of a name (capitalised
// inside a sentence, like "Quashie", "Hore", "Shylock", "MTV Smut
// Peddlers"; for a slur only when the document also writes it next to
// another capitalised word, as in "Nigel Quashie") or of an identifier or
// path (m_spUnk, a::b, file-name.c).
func nameOrCode(text string, s, e int, names map[string]bool) bool {
	if s > 0 && isIdentByte(text[s-1]) || e < len(text) && isIdentByte(text[e]) {
		return true
	}
	w := text[s:e]
	if !lex.IsCapitalized(w) || lex.IsUpperWord(w) {
		return false
	}
	if sentenceStart(text, s) {
		return false
	}
	return names[strings.ToLower(w)] || !isSlurWord(w)
}

func isIdentByte(c byte) bool {
	return c == '_' || c == ':' || c == '/' || c == '\\' || c == '@' || c >= '0' && c <= '9'
}

// sentenceStart: only spaces, quotes or brackets stand between s and the
// end of a sentence (or the start of the text).
func sentenceStart(text string, s int) bool {
	t := strings.TrimRight(text[:s], " \t\n\"“‘'([")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '…' || r == '—'
}

func isSlurWord(w string) bool {
	return slurSet()[strings.ToLower(w)]
}

var slurSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lex.ParseList(slursTxt) {
		m[w] = true
	}
	return m
})

// docNames are the lower-case words the document writes capitalised next
// to another capitalised word (ignoring a comma between them): the parts of
// names such as "Nigel Quashie" or a list "Hislop, Quashie, Cisse".
func docNames(d *draft.Document) map[string]bool {
	names := map[string]bool{}
	for i := range d.Blocks {
		ws := lex.BlockWords(d, i)
		t := d.Blocks[i].Text
		for k := 1; k < len(ws); k++ {
			a, b := ws[k-1], ws[k]
			gap := t[a.End:b.Start]
			if gap != " " && gap != ", " {
				continue
			}
			if lex.IsCapitalized(a.Text) && lex.IsCapitalized(b.Text) {
				names[a.Lower] = true
				names[b.Lower] = true
			}
		}
	}
	return names
}
