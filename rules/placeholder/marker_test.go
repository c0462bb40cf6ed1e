package placeholder_test

import (
	"testing"

	"github.com/draftlint/draftlint/rules/rulestest"
)

func TestMarker(t *testing.T) {
	rulestest.Run(t, "testdata/marker", "placeholder/marker")
}

func TestDummyContact(t *testing.T) {
	rulestest.Run(t, "testdata/dummy", "placeholder/dummy-contact")
}
