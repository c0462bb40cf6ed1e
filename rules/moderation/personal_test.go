package moderation_test

import (
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
