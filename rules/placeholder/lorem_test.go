package placeholder_test

import (
	"testing"

	_ "github.com/draftlint/draftlint/rules/placeholder"
	"github.com/draftlint/draftlint/rules/rulestest"
)

func TestLorem(t *testing.T) {
	rulestest.Run(t, "testdata/lorem", "placeholder/lorem-ipsum")
}
