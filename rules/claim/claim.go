// Package claim finds sentences that state a checkable fact with no source:
// statistics, superlatives, absolutes, firsts, causal claims and
// predictions, scored from explainable features, and vague attributions
// ("experts say") that name no source. Sentences attributed to a speaker, a
// named source, a link or a footnote are left alone.
package claim

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

//go:embed data/*.txt
var data embed.FS

var unsupportedRule = &rules.Rule{
	ID:       "claim/unsupported",
	Severity: rules.Warning,
	Doc:      "A sentence states a strong claim (statistic, superlative, absolute, first, cause, prediction) with no source",
	Explanation: `Every prose sentence is scored for claim strength from features an editor can
check: numbers and statistics (percentages, "half of", "twice as", "over 40",
money), superlatives and rankings ("the biggest", "first and second place",
"leads"), absolutes ("every", "never", "nearly every"), firsts and records
("for the first time"), causal and predictive wording ("because", "helped",
"will"), and puffery ("blew away", "world-class"). Hedges ("may", "could"),
first-person opinion and questions lower the score.

A sentence is attributed, and not reported, when it names who says so: a
speaker with a reporting verb ("…, said Dr. X", "the agency reported"),
"according to" a named source, a named report or data set ("a Eurostat
report", "data from the OECD"), a link, or a footnote or citation ([1], ^1,
(Smith 2023)). Sentences are read in context, across paragraphs that
follow one another: a quotation takes its speaker from the sentence before
or after it when that one names a speaker; the findings of a study, survey
or report named in one sentence ("The survey found…") cover the rest of its
paragraph and the first sentence of the next; a sentence whose next one
gives the source of its figures ("The figures come from the ONS") is
covered. Vague attributions ("experts say", "studies show") do not count.

Routine facts a reporter states on their own authority are not claims: a
result or score in a sports report, a market move on the day, times, odds,
ticket prices and event logistics, a product's price and specifications,
changelog and how-to statements, the writer's own experience, appointments.

A sentence scoring 2 or more is a warning; 3.5 or more an error when the
claim model (the learned one of claim/check-worthy) also gives it a claim
score of 0.99 or more, so the CI gate fails only on what both call a strong
checkable claim; unless the config sets the severity (for the rule or the
category), which then applies to every finding. Options: threshold (2.0),
error_threshold (3.5), error_score (0.99), and min_score (0): a sentence
whose claim score is lower is not reported (on news, 0.9 keeps a third of
the findings, the most checkable, and 0.95 a fifth).
Headings, block quotes, captions and table cells are not scored. The finding
lists the words that made the sentence a claim, and its claim score with
the words and features behind it and their weights; add a source to satisfy
it.`,
}

var weaselRule = &rules.Rule{
	ID:       "claim/weasel-attribution",
	Severity: rules.Warning,
	Doc:      "A vague attribution that names no source: \"experts say\", \"studies show\", \"it is believed\"",
	Explanation: `"Experts say", "studies show", "analysts are worried", "it is believed" sound
like a source but name none: the reader cannot check who said it. Name the
experts or the study ("economists at the Bundesbank say", "a 2023 Eurostat
study showed"), link to it, or drop the attribution and support the claim
another way. A vague phrase is not reported when the sentence also names its
source or links to it.`,
}

func init() {
	unsupportedRule.OptionDocs = map[string]string{
		"threshold":       "claim strength from which a sentence is reported (default 2.0)",
		"error_threshold": "claim strength from which it is an error, when its claim score reaches error_score too (default 3.5)",
		"min_score":       "claim score (0 to 1, the learned model's) below which a sentence is not reported (default 0: every one)",
		"error_score":     "claim score (0 to 1) from which a sentence of error_threshold strength is an error (default 0.99)",
	}
	unsupportedRule.OptionChecks = map[string]rules.OptionCheck{"threshold": rules.PositiveNumber, "error_threshold": rules.PositiveNumber, "min_score": rules.Probability, "error_score": rules.Probability}
	unsupportedRule.Run = runClaims
	weaselRule.Run = runWeasels
	rules.Register(unsupportedRule)
	rules.Register(weaselRule)
}

type feature struct {
	id     string
	weight float64
	label  string
}

type lists struct {
	matcher  *lex.Matcher
	patFeat  []int // pattern index → feature index
	features []feature
	byID     map[string]int
	// the features codeFeatures finds, and prediction (-1: not in the list)
	stat, amount, rank, num, prediction int
	verbs                               lex.Set
	accord                              *lex.Matcher
	sources                             lex.Set
	weasel                              *lex.Matcher
	vague                               lex.Set
	hedges                              lex.Set
	opinion                             *lex.Matcher
	// all holds the phrases of matcher, weasel, accord and opinion in
	// that order, so that a block is scanned once for the four
	all    *lex.Matcher
	groups [4]lex.Group
}

func sections(text string) (heads []string, bodies [][]string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			heads = append(heads, line[1:len(line)-1])
			bodies = append(bodies, nil)
			continue
		}
		if len(bodies) > 0 {
			bodies[len(bodies)-1] = append(bodies[len(bodies)-1], line)
		}
	}
	return heads, bodies
}

func mustRead(name string) string {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var load = sync.OnceValue(func() *lists {
	l := &lists{byID: map[string]int{}}
	heads, bodies := sections(mustRead("features.txt"))
	var pats []string
	for i, h := range heads {
		parts := strings.SplitN(h, " ", 3)
		w, err := strconv.ParseFloat(parts[1], 64)
		if err != nil || len(parts) < 3 {
			panic("claim: bad feature header " + h)
		}
		l.byID[parts[0]] = len(l.features)
		l.features = append(l.features, feature{id: parts[0], weight: w, label: parts[2]})
		for _, p := range bodies[i] {
			pats = append(pats, p)
			l.patFeat = append(l.patFeat, i)
		}
	}
	l.matcher = lex.NewMatcher(pats)
	id := func(name string) int {
		if i, ok := l.byID[name]; ok {
			return i
		}
		return -1
	}
	l.stat, l.amount, l.rank, l.num, l.prediction = id("statistic"), id("amount"), id("ranking"), id("number"), id("prediction")
	heads, bodies = sections(mustRead("attribution.txt"))
	sec := map[string][]string{}
	for i, h := range heads {
		sec[h] = bodies[i]
	}
	l.verbs = lex.NewSet(sec["verb"]...)
	l.accord = lex.NewMatcher(sec["according"])
	l.sources = lex.NewSet(sec["source"]...)
	l.weasel = lex.NewMatcher(sec["weasel"])
	l.vague = lex.NewSet(sec["vague"]...)
	l.hedges = lex.NewSet(sec["hedge"]...)
	l.opinion = lex.NewMatcher(sec["opinion"])
	var all []string
	for g, m := range []*lex.Matcher{l.matcher, l.weasel, l.accord, l.opinion} {
		l.groups[g] = lex.Group{From: len(all), To: len(all) + len(m.Patterns)}
		all = append(all, m.Patterns...)
	}
	l.all = lex.NewMatcher(all)
	return l
})

// scored blocks: prose paragraphs and list items outside block quotes.
func scored(b *draft.Block) bool {
	return (b.Kind == draft.Paragraph || b.Kind == draft.ListItem) && !b.InQuote && !b.Lines
}

// trigger is one reason a sentence is a claim.
type trigger struct {
	feat       int
	start, end int // text offsets in the block
	// routine: a routine fact explains it ("3-1" in a match report): it
	// does not count towards the claim strength, but the claim model,
	// which lists every checkable sentence, still reads it
	routine bool
}

// sentenceInfo is what the family knows of one sentence.
type sentenceInfo struct {
	span       draft.Span
	triggers   []trigger
	score      float64
	attributed bool
	why        string // what attributes it
	hasVerb    bool   // a reporting verb with a definite speaker
	finding    bool   // its source is a study, survey, report or figures
	vague      string // a reporting verb with a speaker named by nobody
	done       bool   // its own attribution has been looked for
	quoted     bool   // the sentence is (part of) a quotation
	question   bool
	opinion    bool // first-person opinion ("I think")
	weasels    []lex.Match
}

func runClaims(p *rules.Pass) {
	l := load()
	warn := p.Options.Float("threshold", 2.0)
	errAt := p.Options.Float("error_threshold", 3.5)
	minScore := p.Options.Float("min_score", 0)
	errScore := p.Options.Float("error_score", 0.99)
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		if !scored(b) {
			continue
		}
		ss := analysed(p.Doc, i, l)
		for k := range ss {
			s := &ss[k]
			if s.attributed || s.question || s.score < warn {
				continue
			}
			// the claim model's score, for the reader and for JSON (the
			// model is read at the first finding); below min_score the
			// labelled data call the sentence no checkable claim
			m := loadModel()
			ws := lex.WordsIn(lex.BlockWords(p.Doc, i), s.span.Start, s.span.End)
			if minScore > 0 {
				if score, _ := modelScore(m, b, s, l, ws, 0); score < minScore {
					continue
				}
			}
			score, cs := modelScore(m, b, s, l, ws, 6)
			// a strong claim is an error when the model agrees, unless the
			// config chose the severity: the user's choice always wins
			sev := p.Severity
			if s.score >= errAt && score >= errScore && !p.SeveritySet {
				sev = rules.Error
			}
			p.Report(rules.Finding{
				Offset: b.Src(s.span.Start), EndOffset: b.SrcEnd(s.span.End), Severity: sev, Score: roundScore(score),
				Message: fmt.Sprintf("unsupported claim: %s with no source", summary(l, s)),
				Explanation: fmt.Sprintf("Claim strength %.1f from %s. Claim score %.2f from %s. Nothing in this sentence (or a quotation's neighbour) says who says so: add a source (\"…, said Dr. X\", \"according to Eurostat\", a link or a footnote), or soften the claim.",
					s.score, triggerList(b, l, s), score, describe(b, l, cs, 6)),
			})
		}
	}
}

// triggerList names the claim features of s with their words: `"45%" (a
// statistic), "the biggest" (a superlative or ranking)`.
func triggerList(b *draft.Block, l *lists, s *sentenceInfo) string {
	var parts []string
	seen := map[string]bool{}
	for _, t := range s.triggers {
		if l.features[t.feat].weight == 0 || t.routine {
			continue
		}
		w := strings.Join(strings.Fields(b.Text[t.start:t.end]), " ")
		key := w + "|" + l.features[t.feat].label
		if seen[key] {
			continue
		}
		seen[key] = true
		parts = append(parts, fmt.Sprintf("%q (%s)", w, l.features[t.feat].label))
	}
	return strings.Join(parts, ", ")
}

// summary names the strongest kinds of trigger: "a first or a record and an absolute".
func summary(l *lists, s *sentenceInfo) string {
	w := map[int]float64{}
	for _, t := range s.triggers {
		if !t.routine {
			w[t.feat] += l.features[t.feat].weight
		}
	}
	ids := make([]int, 0, len(w))
	for id := range w {
		if l.features[id].weight > 0 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		if w[ids[i]] != w[ids[j]] {
			return w[ids[i]] > w[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > 2 {
		ids = ids[:2]
	}
	var names []string
	for _, id := range ids {
		names = append(names, l.features[id].label)
	}
	return strings.Join(names, " and ")
}

func runWeasels(p *rules.Pass) {
	l := load()
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		if !scored(b) && b.Kind != draft.Heading {
			continue
		}
		for _, s := range analysed(p.Doc, i, l) {
			if s.hasVerb && s.why != "" || strings.HasPrefix(s.why, "a link") || strings.HasPrefix(s.why, "a citation") {
				continue // the sentence names its source as well
			}
			for _, m := range s.weasels {
				phrase := b.Text[m.Start:m.End]
				p.Report(rules.Finding{Offset: b.Src(m.Start), EndOffset: b.SrcEnd(m.End),
					Message:     fmt.Sprintf("vague attribution %q names no source", phrase),
					Explanation: fmt.Sprintf("%q does not say who: name the people or the study, or link to it.", phrase)})
			}
		}
	}
}
