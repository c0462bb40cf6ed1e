package headline

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

// Across many files the LSH search, run in parallel, reports what comparing
// every pair would: titles here that are near share a band with all but
// negligible odds, and no bucket fills up.
func TestAcrossFilesAgainstEveryPair(t *testing.T) {
	vocab := make([]string, 400)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("q%c%c%cz", 'a'+i%26, 'a'+i/26%26, 'a'+i/676)
	}
	r := rand.New(rand.NewPCG(9, 10))
	var titles []string
	for i := 0; i < 3000; i++ {
		n := 5 + r.IntN(4)
		ws := make([]string, n)
		for k := range ws {
			ws[k] = vocab[r.IntN(len(vocab))]
		}
		titles = append(titles, strings.Join(ws, " "))
		switch r.IntN(10) {
		case 0: // a word more, in a later file
			k := r.IntN(n + 1)
			more := append(append(append([]string(nil), ws[:k]...), vocab[r.IntN(len(vocab))]), ws[k:]...)
			titles = append(titles, strings.Join(more, " "))
		case 1: // a word fewer
			k := r.IntN(n)
			titles = append(titles, strings.Join(append(append([]string(nil), ws[:k]...), ws[k+1:]...), " "))
		case 2: // the same title
			titles = append(titles, titles[len(titles)-1])
		case 3: // a word more, then those words in another order: near both
			more := append(append([]string(nil), ws...), vocab[r.IntN(len(vocab))])
			titles = append(titles, strings.Join(more, " "))
			sort.Strings(more)
			titles = append(titles, strings.Join(more, " "))
		}
	}
	var srcs []rules.Source
	for i, tt := range titles {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("f%05d.md", i), Data: []byte("# " + tt + "\n\nText.\n")})
	}
	res := rules.Run(rules.Config{Rules: []*rules.Rule{acrossRule}}, srcs)
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Message, "nearly") {
			msg, _, _ := strings.Cut(f.Message, " (")
			got = append(got, f.File+" "+msg)
		}
	}
	// every pair
	var want []string
	keys := make([]string, len(titles))
	words := make([][]string, len(titles))
	first := map[string]bool{}
	isFirst := make([]bool, len(titles))
	for i, tt := range titles {
		keys[i] = lex.HeadingKey(tt)
		words[i] = contentWords(keys[i])
		sort.Strings(words[i])
		isFirst[i] = !first[keys[i]]
		first[keys[i]] = true
	}
	for i := range titles {
		if !isFirst[i] || len(words[i]) < 2 {
			continue
		}
		for j := 0; j < i; j++ {
			if isFirst[j] && len(words[j]) >= 2 && nearSameSorted(words[j], words[i]) {
				want = append(want, fmt.Sprintf("f%05d.md nearly the same title as f%05d.md", i, j))
				break
			}
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(want) < 200 {
		t.Fatalf("only %d near pairs: the test needs more", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("LSH found %d, every pair %d:\n%s", len(got), len(want), diffLines(got, want))
	}
}

func diffLines(got, want []string) string {
	in := map[string]int{}
	for _, g := range got {
		in[g]++
	}
	for _, w := range want {
		in[w]--
	}
	var out []string
	for k, v := range in {
		if v != 0 {
			out = append(out, fmt.Sprintf("%+d %s", v, k))
		}
	}
	sort.Strings(out)
	if len(out) > 20 {
		out = out[:20]
	}
	return strings.Join(out, "\n")
}
