package claim_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/claim"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// The score a finding carries is the score internal/claimfeat gives the
// same sentence, and the features it lists are those training reads: the
// model is trained on what the linter computes.
func TestFindingScoreIsTrainingScore(t *testing.T) {
	rs := rulestest.Select(t, "claim/check-worthy", "claim/unsupported")
	for _, s := range []string{
		"We created 23 million new jobs.",
		"Unemployment fell to 4.1% last year, the lowest rate since 2008.",
		"Half of all trips in the city are now made by public transport, and nearly every district has a tram stop.",
		"The state spent $2 billion on prisons in 2019, twice what it spent on colleges.",
	} {
		res := rules.Run(rules.Config{Rules: rs}, []rules.Source{{Path: "s.txt", Data: []byte("Title\n\n" + s + "\n")}})
		want := claim.TextScore(s)
		if len(res.Findings) == 0 {
			t.Errorf("%q: no finding (score %.4f)", s, want)
		}
		for _, f := range res.Findings {
			if math.Abs(f.Score-want) > 0.00005 {
				t.Errorf("%q: %s reports score %v, training sees %.6f", s, f.Rule, f.Score, want)
			}
		}
	}
}

func TestTextFeatures(t *testing.T) {
	got := map[string]bool{}
	for _, f := range claim.TextFeatures("We created 23 million new jobs, I think?") {
		got[f] = true
	}
	for _, f := range []string{"f:number", "w:we", "w:<num>", "b:<num> million", "b:new jobs", "x:opinion", "x:question"} {
		if !got[f] {
			t.Errorf("feature %s missing from %v", f, got)
		}
	}
	// "23 million new jobs" is a count, not an amount of money
	for _, f := range []string{"w:23", "w:We", "x:hedge", "x:short", "f:amount"} {
		if got[f] {
			t.Errorf("unexpected feature %s", f)
		}
	}
}

// A strong claim is an error only when the claim model agrees
// (error_score), so the CI gate fails on what both call a checkable claim;
// min_score drops what the model calls no claim.
func TestScoreGradesUnsupported(t *testing.T) {
	const (
		stat  = "Half of all trips in the city are now made by public transport, and nearly every district has a tram stop."
		first = "For the first time in its history, the club won every trophy it entered."
	)
	rs := rulestest.Select(t, "claim/unsupported")
	for _, tt := range []struct {
		sentence string
		options  rules.Options
		want     string // severity, or "" for no finding
	}{
		{stat, nil, "error"},    // strength 3.5, score 0.99
		{first, nil, "warning"}, // strength 4.5, score 0.61
		{first, rules.Options{"error_score": 0.5}, "error"},
		{stat, rules.Options{"error_score": 1}, "warning"},
		{first, rules.Options{"min_score": 0.7}, ""},
		{stat, rules.Options{"min_score": 0.7}, "error"},
	} {
		res := rules.Run(rules.Config{Rules: rs, Options: map[string]rules.Options{"claim/unsupported": tt.options}},
			[]rules.Source{{Path: "s.txt", Data: []byte("Title\n\n" + tt.sentence + "\n")}})
		got := ""
		for _, f := range res.Findings {
			got = f.Severity.String()
		}
		if got != tt.want {
			t.Errorf("%q with %v: %q, want %q", tt.sentence, tt.options, got, tt.want)
		}
	}
}

// The embedded model was trained on the features the linter computes now:
// the training script writes the digest of the features of
// testdata/sentences.tsv into the model, and a change to the features
// (the analyser's triggers, the word keys) without training again fails
// here. Train again with scripts/train_claims.py (see the README).
func TestModelMatchesFeatures(t *testing.T) {
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var all strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		_, s, _ := strings.Cut(line, "\t")
		all.WriteString(strings.Join(claim.TextFeatures(s), "|") + "\n")
	}
	sum := sha256.Sum256([]byte(all.String()))
	want := ""
	for _, line := range strings.Split(claim.ModelText(), "\n") {
		if v, ok := strings.CutPrefix(line, "# features-sha256: "); ok {
			want = v
		}
	}
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Errorf("the model was trained on other features (digest %s, now %s): run scripts/train_claims.py", want, got)
	}
}
