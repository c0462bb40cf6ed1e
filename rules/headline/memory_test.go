package headline_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/rulestest"
)

// longHeading is n different words on one line.
func longHeading(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("word%d", i)
	}
	return strings.Join(ws, " ")
}

// One very long heading costs memory in proportion to its length: the
// near-duplicate index once built, for each word, a key of all the other
// words (a 200 KB heading took 5.6 GB). The limit is generous: a few
// hundred bytes a byte of input, where the quadratic index took thousands.
func TestLongHeadingMemory(t *testing.T) {
	h := longHeading(4000) // about 35 KB
	cases := map[string]string{
		"atx.md":     "# " + h + "\n\nText.\n\n# " + h + " more\n",
		"setext.md":  h + "\n====\n\nText.\n",
		"h1.html":    "<html><body><h1>" + h + "</h1><p>Text.</p></body></html>",
		"title.html": "<html><head><title>" + h + "</title></head><body><h1>" + h + "</h1></body></html>",
		"first.txt":  h + "\n\nText.\n",
	}
	rs := rulestest.Select(t, "headline/duplicate", "headline/title-repeated", "headline/near-duplicate", "headline/duplicate-across-files")
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			srcs := []rules.Source{{Path: name, Data: []byte(src)}}
			rules.Run(rules.Config{Rules: rs}, srcs) // warm up lazily built tables
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			rules.Run(rules.Config{Rules: rs}, srcs)
			runtime.ReadMemStats(&after)
			got := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes of input: %d KB allocated", len(src), got>>10)
			if limit := uint64(300 * len(src)); got > limit {
				t.Errorf("%d bytes of input allocated %d MB, want at most %d MB", len(src), got>>20, limit>>20)
			}
		})
	}
}
