package claim

import (
	"fmt"
	"math"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

var checkWorthyRule = &rules.Rule{
	ID:       "claim/check-worthy",
	Severity: rules.Info,
	Off:      true,
	Doc:      "A checkable factual sentence, with its check-worthiness score, for fact-checkers",
	Explanation: `For fact-checkers: every sentence that states a checkable fact is listed with
its check-worthiness score, the probability from the claim model (a logistic
regression over the claim features, hedges, opinion and the sentence's words
and word pairs, trained on public labelled sentences; see the README). Unlike
claim/unsupported it does not care whether the sentence names a source (what
a source says is checked too), and it favours recall: it lists the
sentences worth a look, most of which an editor would not circle.

Off by default: turn it on with --enable claim/check-worthy or in the config
(rules: claim/check-worthy: on). JSON output carries the score in "score".
Questions are never listed. Option min_score: the score from which a
sentence is listed (default 0.4, where the model finds 80% of the claims
of its training data). The finding lists the words and features
that made the score, with their weights.`,
}

func init() {
	checkWorthyRule.OptionDocs = map[string]string{
		"min_score": "check-worthiness score (0 to 1) from which a sentence is listed (default 0.4)",
	}
	checkWorthyRule.OptionChecks = map[string]rules.OptionCheck{"min_score": rules.Probability}
	checkWorthyRule.Run = runCheckWorthy
	rules.Register(checkWorthyRule)
}

func runCheckWorthy(p *rules.Pass) {
	l, m := load(), loadModel()
	at := p.Options.Float("min_score", m.cw)
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		if !scored(b) {
			continue
		}
		words := lex.BlockWords(p.Doc, i)
		ss := analysed(p.Doc, i, l)
		for k := range ss {
			s := &ss[k]
			if s.question {
				continue
			}
			ws := lex.WordsIn(words, s.span.Start, s.span.End)
			if score, _ := modelScore(m, b, s, l, ws, 0); score < at {
				continue
			}
			score, cs := modelScore(m, b, s, l, ws, 12)
			p.Report(rules.Finding{
				Offset: b.Src(s.span.Start), EndOffset: b.SrcEnd(s.span.End), Score: roundScore(score),
				Message: fmt.Sprintf("check-worthy claim (score %.2f): %s", score, describe(b, l, positive(cs), 3)),
				Explanation: fmt.Sprintf("Check-worthiness %.2f (listed from %.2f), from %s.",
					score, at, describe(b, l, cs, 12)),
			})
		}
	}
}

// positive are the features of cs that raise the score.
func positive(cs []contrib) []contrib {
	var out []contrib
	for _, c := range cs {
		if c.w > 0 {
			out = append(out, c)
		}
	}
	return out
}

// roundScore keeps four decimals of a score, as the report shows it.
func roundScore(p float64) float64 { return math.Round(p*1e4) / 1e4 }
