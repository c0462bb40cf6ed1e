package all_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
)

// TestFixProperty applies every fix offered on every fixture of the
// repository and on generated drafts (filler, markers and house-style
// words in random emphasis, links, inline HTML, comments, code spans,
// lists, block quotes and front matter), each fix alone and all together,
// and checks what issue 22 asks of a fix: (a) the draft's markup outside
// the edit is what it was (the tags its rendering makes, in order, with
// only well-nested groups removed, no markup character left as text that
// was not, template syntax and data keys untouched); (b) no word of prose
// outside the finding is lost; (c) the result is valid UTF-8 and every
// finding of another block is still reported.
func TestFixProperty(t *testing.T) {
	set := houseSettings(t)
	var files []string
	for _, pat := range []string{"../../testdata/*/*", "../../testdata/*", "../*/testdata/*", "../*/testdata/*/*", "../testdata/*/*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	n, fixes := 0, 0
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".md", ".html", ".txt":
		default:
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		fixes += checkFixes(t, set, filepath.Base(f), src)
	}
	if n < 20 {
		t.Fatalf("only %d fixtures found", n)
	}
	rng := rand.New(rand.NewPCG(genSeed(), 8))
	for i := range genCount() {
		name := fmt.Sprintf("gen%03d.md", i)
		switch i % 8 {
		case 6:
			name = fmt.Sprintf("gen%03d.txt", i)
		case 7:
			name = fmt.Sprintf("gen%03d.html", i)
		}
		src := genDraft(rng, draft.FormatFor(name))
		fixes += checkFixes(t, set, name, []byte(src))
	}
	if fixes < 200 {
		t.Errorf("only %d fixes offered: the test checks too little", fixes)
	}
	t.Logf("%d fixtures and %d generated drafts, %d fixes checked", n, genCount(), fixes)
}

// checkFixes lints src, checks each offered fix alone and all of them
// together, and returns the number of fixes.
func checkFixes(t *testing.T, set *rules.Settings, name string, src []byte) int {
	t.Helper()
	res := rules.Run(rules.Config{Workers: 1}, []rules.Source{{Path: name, Data: src, Settings: set}})
	f := draft.FormatFor(name)
	before := draft.Parse(name, src, f)
	n := 0
	for i, fd := range res.Findings {
		for k, fx := range fd.Fixes {
			n++
			one := fd
			one.Fixes = []rules.Fix{fx}
			out := rules.ApplyFixes(src, []rules.Finding{one}).Out
			why := checkOne(set, name, src, before, res.Findings, i, fx.Edits, out)
			if why != "" {
				t.Errorf("%s: fix %d of %s (%q at %d-%d): %s\nbefore: %q\nafter:  %q", name, k, fd.Rule, src[fd.Offset:fd.EndOffset], fd.Offset, fd.EndOffset, why, clipAround(src, fx.Edits), clipAround(out, fx.Edits))
			}
		}
	}
	if n > 0 {
		out := rules.ApplyFixes(src, res.Findings).Out
		if !utf8.Valid(out) && utf8.Valid(src) {
			t.Errorf("%s: all fixes: invalid UTF-8", name)
		}
		if why := sameStructure(src, out, f, false); why != "" {
			t.Errorf("%s: all fixes together: %s\nafter: %q", name, why, out)
		}
	}
	return n
}

func clipAround(b []byte, es []rules.Edit) string {
	if len(es) == 0 {
		return ""
	}
	s, e := max(0, es[0].Offset-60), min(len(b), es[len(es)-1].EndOffset+60)
	if s > len(b) {
		s = len(b)
	}
	return string(b[s:max(s, e)])
}

// checkOne checks one applied fix; it returns what is wrong, or "".
func checkOne(set *rules.Settings, name string, src []byte, before *draft.Document, fs []rules.Finding, i int, edits []rules.Edit, out []byte) string {
	f := draft.FormatFor(name)
	fd := fs[i]
	if utf8.Valid(src) && !utf8.Valid(out) {
		return "invalid UTF-8"
	}
	if why := sameStructure(src, out, f, len(edits) == 1); why != "" {
		return why
	}
	// (b) every word of prose outside the finding is still there
	after := draft.Parse(name, out, f)
	have := map[string]int{}
	for _, w := range proseWords(after, -1, -1) {
		have[w]++
	}
	for _, w := range proseWords(before, fd.Offset, fd.EndOffset) {
		if have[w] == 0 {
			return fmt.Sprintf("the word %q outside the finding was deleted", w)
		}
		have[w]--
	}
	// (c) the findings of other blocks are still there
	lo, hi := edits[0].Offset, edits[len(edits)-1].EndOffset
	bs, be := blockOf(before, fd.Offset)
	res := rules.Run(rules.Config{Workers: 1}, []rules.Source{{Path: name, Data: out, Settings: set}})
	got := map[string]int{}
	for _, g := range res.Findings {
		got[g.Rule+"|"+string(out[g.Offset:g.EndOffset])]++
	}
	for j, g := range fs {
		if j == i || g.EndOffset >= lo && g.Offset <= hi || g.Offset < be && g.EndOffset > bs || !local(g.Rule) {
			continue
		}
		k := g.Rule + "|" + string(src[g.Offset:g.EndOffset])
		if got[k] == 0 {
			return fmt.Sprintf("finding %s %q elsewhere is gone", g.Rule, src[g.Offset:g.EndOffset])
		}
		got[k]--
	}
	return ""
}

// local: a rule whose findings depend on their own block alone.
func local(rule string) bool {
	return strings.HasPrefix(rule, "placeholder/") || strings.HasPrefix(rule, "style/")
}

// blockOf is the source range of the block holding offset off.
func blockOf(d *draft.Document, off int) (int, int) {
	for _, b := range d.Blocks {
		if b.Start <= off && off < max(b.End, b.Start+1) {
			return b.Start, b.End
		}
	}
	return off, off + 1
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// proseWords are the words of d's prose whose source lies outside [s,e).
func proseWords(d *draft.Document, s, e int) []string {
	var out []string
	for i := range d.Blocks {
		b := &d.Blocks[i]
		for _, loc := range wordRe.FindAllStringIndex(b.Text, -1) {
			if p := b.Src(loc[0]); p >= s && p < e {
				continue
			}
			out = append(out, b.Text[loc[0]:loc[1]])
		}
	}
	return out
}

var mdRender = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList), goldmark.WithRendererOptions(ghtml.WithUnsafe()))

var (
	templateRe = regexp.MustCompile(`\{\{.*?\}\}|\{%.*?%\}`)
	keyRe      = regexp.MustCompile(`(?m)^[ \t]*(?:- )?[\w.-]+[ \t]*[:=](?:[ \t]|$)|^[ \t]*\[[^\]\s]+\][ \t]*$|<[/!]?[A-Za-z][^>]*>`)
)

// sameStructure compares the markup of a draft before and after a fix by
// an oracle of its own: the HTML a Markdown draft renders to (an HTML
// draft as it is), tokenised. It returns what differs, or "".
func sameStructure(src, out []byte, f draft.Format, one bool) string {
	// template syntax (all formats) and, in plain text, data keys and tags
	// are never touched
	if a, b := templateRe.FindAll(src, -1), templateRe.FindAll(out, -1); !equalAll(a, b) {
		return fmt.Sprintf("template syntax changed: %q → %q", a, b)
	}
	if f == draft.Text {
		if a, b := keyRe.FindAll(src, -1), keyRe.FindAll(out, -1); !equalAll(a, b) {
			return fmt.Sprintf("keys or tags changed: %q → %q", a, b)
		}
		return ""
	}
	fmA, bodyA := splitFM(src, f)
	fmB, bodyB := splitFM(out, f)
	if a, b := keyRe.FindAll(fmA, -1), keyRe.FindAll(fmB, -1); !equalAll(a, b) {
		return fmt.Sprintf("front-matter keys changed: %q → %q", a, b)
	}
	ta, ca := tags(bodyA, f)
	tb, cb := tags(bodyB, f)
	for c, k := range cb {
		if k > ca[c] {
			return fmt.Sprintf("markup character %q left as text (%d, was %d)", c, k, ca[c])
		}
	}
	if one {
		// one edit: tb is ta with one well-nested run taken out
		for p := 0; p <= len(tb); p++ {
			if p > 0 && (p > len(ta) || ta[p-1] != tb[p-1]) {
				break
			}
			sfx := len(tb) - p
			if len(ta)-sfx < p || !equalTail(ta, tb, sfx) {
				continue
			}
			if nested(ta[p : len(ta)-sfx]) {
				return ""
			}
		}
		return fmt.Sprintf("the markup is not what it was with whole elements taken out:\nbefore %v\nafter  %v", ta, tb)
	}
	// several edits: tb is a subsequence of ta, and what went out is
	// balanced
	j := 0
	count := map[string]int{}
	for _, x := range ta {
		if j < len(tb) && tb[j] == x {
			j++
			continue
		}
		switch {
		case strings.HasPrefix(x, "</"):
			count[tagKey(x)]--
		case opens(x):
			count[tagKey(x)]++
		}
	}
	if j < len(tb) {
		return fmt.Sprintf("markup that was not there: %v (before %v)", tb[j:], ta)
	}
	for k, n := range count {
		if n != 0 {
			return fmt.Sprintf("the fixes took %d unmatched <%s> tags", n, k)
		}
	}
	return ""
}

func equalTail(a, b []string, n int) bool {
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return false
		}
	}
	return true
}

// nested: every start tag in xs is closed in xs, in order.
func nested(xs []string) bool {
	var stack []string
	for _, x := range xs {
		switch {
		case strings.HasPrefix(x, "</"):
			if len(stack) == 0 || stack[len(stack)-1] != tagKey(x) {
				return false
			}
			stack = stack[:len(stack)-1]
		case opens(x):
			stack = append(stack, tagKey(x))
		}
	}
	return len(stack) == 0
}

// opens: x is a start tag that needs an end tag.
func opens(x string) bool {
	if !strings.HasPrefix(x, "<") || strings.HasPrefix(x, "</") || strings.HasPrefix(x, "<!") || strings.HasSuffix(x, "/>") {
		return false
	}
	switch tagKey(x) {
	case "img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track":
		return false
	}
	return true
}

func tagKey(x string) string {
	x = strings.TrimPrefix(strings.TrimPrefix(x, "</"), "<")
	if i := strings.IndexAny(x, " >"); i >= 0 {
		x = x[:i]
	}
	return x
}

func equalAll(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// splitFM splits a Markdown draft's front matter from its body.
func splitFM(src []byte, f draft.Format) ([]byte, []byte) {
	if f != draft.Markdown || !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[:4+i+5], src[4+i+5:]
	}
	return nil, src
}

// tags renders a Markdown body (an HTML draft is its own rendering) and
// returns its tags and comments in order (start tags with their href and
// src), and a count of the markup characters in its text.
func tags(body []byte, f draft.Format) ([]string, map[rune]int) {
	h := body
	if f == draft.Markdown {
		var buf bytes.Buffer
		if err := mdRender.Convert(body, &buf); err != nil {
			return nil, nil
		}
		h = buf.Bytes()
	}
	var out []string
	chars := map[rune]int{}
	z := html.NewTokenizer(bytes.NewReader(h))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			var as []string
			for _, a := range tok.Attr {
				if a.Key == "href" || a.Key == "src" {
					as = append(as, a.Key+"="+a.Val)
				}
			}
			sort.Strings(as)
			s := "<" + tok.Data + " " + strings.Join(as, " ") + ">"
			if tt == html.SelfClosingTagToken {
				s += "/>"
			}
			out = append(out, s)
		case html.EndTagToken:
			out = append(out, "</"+tok.Data+">")
		case html.CommentToken:
			out = append(out, "<!--"+tok.Data+"-->")
		case html.TextToken:
			for _, r := range tok.Data {
				if strings.ContainsRune("*_[]`<>~", r) {
					chars[r]++
				}
			}
		}
	}
	return out, chars
}

// Generated drafts: sentences of filler, markers, house-style words and
// real prose, with markup over random runs of words (across sentence
// ends too), in blocks of every kind.
var (
	genFiller = []string{
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
		"Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
		"Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.",
		"Duis aute irure dolor in reprehenderit in voluptate velit esse.",
		"The quick brown fox jumps over the lazy dog.",
		"Far far away, behind the word mountains, there live the blind texts.",
	}
	genReal = []string{
		"The council met on Monday in Vienna.",
		"Anna Berger said the budget of EUR 4.2 million would grow.",
		"Trams will run every five minutes from March.",
		"The mayor said that Wien Energie will build it.",
		"Our web site lists every stop.",
		"Call the office at +49 (0)30 1234567 for tickets.",
		"The report is due TK and the quote is [INSERT QUOTE].",
		"Residents can write to info@example.com with questions.",
		"TODO check the figures before Friday.",
	}
)

func genDraft(rng *rand.Rand, f draft.Format) string {
	var b strings.Builder
	if f == draft.Markdown && rng.IntN(3) == 0 {
		b.WriteString("---\ntitle: " + pick(rng, genReal) + "\ndescription: " + pick(rng, genFiller) + "\n---\n\n")
	}
	if f == draft.HTML {
		b.WriteString("<html><body>\n")
	}
	blocks := 2 + rng.IntN(5)
	for range blocks {
		para := genPara(rng, f)
		switch f {
		case draft.HTML:
			tag := []string{"p", "li", "h2", "blockquote"}[rng.IntN(4)]
			b.WriteString("<" + tag + ">" + para + "</" + tag + ">\n")
		case draft.Markdown:
			switch rng.IntN(7) {
			case 0:
				b.WriteString("- " + para + "\n- " + genPara(rng, f) + "\n\n")
			case 1:
				b.WriteString("> " + para + "\n\n")
			case 2:
				b.WriteString("## " + strings.ReplaceAll(para, "\n", " ") + "\n\n")
			case 3:
				b.WriteString("1. " + para + "\n\n")
			default:
				b.WriteString(para + "\n\n")
			}
		default:
			b.WriteString(para + "\n\n")
		}
	}
	if f == draft.HTML {
		b.WriteString("</body></html>\n")
	}
	return b.String()
}

// genPara is a paragraph of sentences whose words are wrapped in markup at
// random (nested or side by side, never crossing).
func genPara(rng *rand.Rand, f draft.Format) string {
	var words []string
	for range 1 + rng.IntN(4) {
		s := pick(rng, genReal)
		if rng.IntN(2) == 0 {
			s = pick(rng, genFiller)
		}
		words = append(words, strings.Fields(s)...)
	}
	if rng.IntN(4) == 0 {
		words = append(words, "{{", "site.title", "}}")
	}
	if f == draft.Text {
		line := strings.Join(words, " ")
		if rng.IntN(3) == 0 {
			line = "title: " + line
		}
		if rng.IntN(3) == 0 {
			line = "<Layout>" + line + "</Layout>"
		}
		return line
	}
	type wrap struct{ open, close string }
	wraps := []wrap{{"*", "*"}, {"**", "**"}, {"_", "_"}, {"[", "](http://example.org/a)"}, {"<em>", "</em>"}, {"<b>", "</b>"}, {"`", "`"}, {"~~", "~~"}}
	if f == draft.HTML {
		wraps = []wrap{{"<em>", "</em>"}, {"<b>", "</b>"}, {`<a href="http://example.org/a">`, "</a>"}, {"<span>", "</span>"}}
	}
	opens := make([]string, len(words))
	closes := make([]string, len(words))
	for range rng.IntN(4) {
		i := rng.IntN(len(words))
		j := i + rng.IntN(min(6, len(words)-i))
		w := wraps[rng.IntN(len(wraps))]
		if opens[i] != "" || closes[j] != "" || crosses(opens, closes, i, j) {
			continue
		}
		opens[i], closes[j] = w.open, w.close
	}
	var b strings.Builder
	for k, w := range words {
		if k > 0 {
			b.WriteString(" ")
			if rng.IntN(25) == 0 {
				b.WriteString("<!-- note --> ")
			}
		}
		// punctuation stays outside the markup closing after it
		core := strings.TrimRightFunc(w, unicode.IsPunct)
		if core == "" || strings.ContainsAny(w, "{}") {
			b.WriteString(w) // template syntax is not wrapped
			continue
		}
		b.WriteString(opens[k] + core + closes[k] + w[len(core):])
	}
	return b.String()
}

// crosses: wrapping words i..j would cross a wrap already made.
func crosses(opens, closes []string, i, j int) bool {
	depth := 0
	for k := i; k <= j; k++ {
		if opens[k] != "" {
			depth++
		}
		if closes[k] != "" {
			depth--
			if depth < 0 {
				return true
			}
		}
	}
	return depth != 0
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// genCount is the number of generated drafts: 400, or FIXPROP_N (a longer
// run by hand: FIXPROP_N=20000 FIXPROP_SEED=7 go test -run TestFixProperty ./rules/all).
func genCount() int {
	if n, err := strconv.Atoi(os.Getenv("FIXPROP_N")); err == nil && n > 0 {
		return n
	}
	return 400
}

func genSeed() uint64 {
	if n, err := strconv.ParseUint(os.Getenv("FIXPROP_SEED"), 10, 64); err == nil {
		return n
	}
	return 22
}

// FuzzFixProperty checks every offered fix of arbitrary drafts as
// TestFixProperty does (run it by hand: go test -run NONE -fuzz
// FuzzFixProperty ./rules/all).
func FuzzFixProperty(f *testing.F) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 24 {
		ext := []string{"md", "md", "md", "html", "txt"}[i%5]
		f.Add([]byte(genDraft(rng, draft.FormatFor("x."+ext))), ext)
	}
	set := houseSettings(f)
	f.Fuzz(func(t *testing.T, src []byte, ext string) {
		switch ext {
		case "md", "html", "txt":
		default:
			return
		}
		if len(src) > 4096 {
			return
		}
		checkFixes(t, set, "f."+ext, src)
	})
}
