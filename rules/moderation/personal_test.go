package moderation_test

import (
	"os"

	"github.com/draftlint/draftlint/rules"
	"testing"

	_ "github.com/draftlint/draftlint/rules/moderation"
	_ "github.com/draftlint/draftlint/rules/placeholder"
	"github.com/draftlint/draftlint/rules/rulestest"
)

func TestPersonalData(t *testing.T) {
	rulestest.Run(t, "testdata/personal", "moderation/personal-data")
}

func TestDummyIdentifiers(t *testing.T) {
	rulestest.Run(t, "testdata/dummy", "placeholder/dummy-contact", "moderation/personal-data")
}

func TestSecret(t *testing.T) {
	rulestest.Run(t, "testdata/secret", "moderation/secret")
}

func TestProfanityAndSlurs(t *testing.T) {
	rulestest.Run(t, "testdata/words", "moderation/profanity", "moderation/slur")
}

// TestWordOptions: allow drops a word, languages adds the French list and
// min_rating 1 reports words that may be meant either way.
func TestWordOptions(t *testing.T) {
	opts := rules.Options{"allow": []any{"bollocks"}, "languages": []any{"en", "fr"}, "min_rating": 1}
	cfg := rules.Config{Options: map[string]rules.Options{"moderation/profanity": opts, "moderation/slur": opts}}
	src, err := os.ReadFile("testdata/words-options/options.md")
	if err != nil {
		t.Fatal(err)
	}
	rulestest.CheckWith(t, "testdata/words-options/options.md", src, cfg, "moderation/profanity", "moderation/slur")
}
