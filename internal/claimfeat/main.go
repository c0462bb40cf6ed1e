// Command claimfeat reads labelled sentences, one a line (ID<TAB>TEXT), and
// writes for each the claim model's view of it, so that the model is
// trained and measured on the very features the linter computes:
//
//	go run ./internal/claimfeat features < in.tsv   # ID<TAB>FEATURE|FEATURE|…
//	go run ./internal/claimfeat score < in.tsv      # ID<TAB>SCORE (claim/check-worthy's)
//
// scripts/train_claims.py and scripts/eval_claims.py run it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/rules/claim"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "claimfeat:", err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) != 2 || os.Args[1] != "features" && os.Args[1] != "score" {
		fmt.Fprintln(os.Stderr, "usage: claimfeat features|score < ID<TAB>TEXT lines")
		os.Exit(2)
	}
	mode := os.Args[1]
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	n := 0
	for in.Scan() {
		n++
		id, text, ok := strings.Cut(in.Text(), "\t")
		if !ok {
			return fmt.Errorf("line %d of the input has no tab (want ID<TAB>TEXT)", n)
		}
		if mode == "features" {
			fmt.Fprintf(out, "%s\t%s\n", id, strings.Join(claim.TextFeatures(text), "|"))
		} else {
			fmt.Fprintf(out, "%s\t%s\n", id, strconv.FormatFloat(claim.TextScore(text), 'f', 6, 64))
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("reading the input: %w", err)
	}
	return out.Flush()
}
