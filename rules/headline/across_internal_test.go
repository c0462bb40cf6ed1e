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

// Across many files the LSH search, file by file, reports what comparing
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
		case 3: // a word more, then those words in another order: near the first only
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
			if isFirst[j] && len(words[j]) >= 2 && nearSameSorted(words[j], words[i]) && alignedNear(titles[j], titles[i]) {
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

// The bloom test never turns away a near pair: over random word lists and
// their one-word edits, nearSameSorted implies mayBeNear; and it does turn
// most unrelated lists away.
func TestWordBloom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 300)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%c%c", 'a'+i%26, 'a'+i/26) // no digits: a number never makes a near pair
	}
	pick := func(n int) []string {
		ws := make([]string, n)
		for k := range ws {
			ws[k] = vocab[r.IntN(len(vocab))]
		}
		return ws
	}
	near, rejected, unrelated := 0, 0, 0
	for range 50_000 {
		a := pick(3 + r.IntN(8))
		var b []string
		switch r.IntN(4) {
		case 0:
			b = append(append([]string(nil), a...), vocab[r.IntN(len(vocab))])
		case 1:
			k := r.IntN(len(a))
			b = append(append([]string(nil), a[:k]...), a[k+1:]...)
		case 2:
			b = append([]string(nil), a...)
			b[r.IntN(len(b))] = vocab[r.IntN(len(vocab))]
		default:
			b = pick(3 + r.IntN(6))
			unrelated++
		}
		sort.Strings(a)
		sort.Strings(b)
		ba, bb := wordBloom(a), wordBloom(b)
		if nearSameSorted(a, b) {
			near++
			if !mayBeNear(ba, bb) {
				t.Fatalf("%v and %v are near but the bloom test says no", a, b)
			}
		} else if !mayBeNear(ba, bb) {
			rejected++
		}
	}
	if near < 5_000 || rejected < unrelated*9/10 {
		t.Errorf("%d near pairs; %d of %d unrelated turned away by the bloom", near, rejected, unrelated)
	}
}

// clip's ASCII path says what collapsing white space and cutting runes
// says, for random mixes of spaces, words and non-ASCII bytes.
func TestClip(t *testing.T) {
	slow := func(s string, n int) string {
		s = strings.Join(strings.Fields(s), " ")
		if len([]rune(s)) <= n {
			return s
		}
		return string([]rune(s)[:n]) + "…"
	}
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{" ", "  ", "\t", "\n", "\r", "\v", "\f", "a", "Word", "é", "\xff", "—", "x"}
	for range 100_000 {
		var b strings.Builder
		for k := r.IntN(30); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s, n := b.String(), r.IntN(12)
		if got, want := clip(s, n), slow(s, n); got != want {
			t.Fatalf("clip(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
}
