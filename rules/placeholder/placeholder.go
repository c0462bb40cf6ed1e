// Package placeholder holds the rules that find filler text, editorial
// markers and dummy contact data left in a draft.
package placeholder

import (
	"embed"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

//go:embed data/*.txt
var data embed.FS

func mustRead(name string) string {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func words(list string) []string {
	var out []string
	for _, l := range lex.ParseList(list) {
		out = append(out, strings.Fields(l)...)
	}
	return out
}

// vocab is the lorem vocabulary, built once on first use.
var vocab = sync.OnceValue(func() *vocabulary {
	v := &vocabulary{m: map[string]wordClass{}}
	for _, list := range []struct {
		file string
		c    wordClass
	}{{"lorem-strong.txt", strong}, {"lorem-weak.txt", weak}} {
		for _, w := range words(mustRead(list.file)) {
			w = strings.ToLower(w)
			v.m[w] = list.c
			v.f.Add(w)
		}
	}
	for w, c := range v.m {
		if c == strong {
			v.strongF.Add(w)
		}
	}
	return v
})

// vocabulary classes words; its filter answers most English words without
// a map lookup.
type vocabulary struct {
	m       map[string]wordClass
	f       lex.Filter
	strongF lex.Filter // the strong words alone
}

var fillerPhrases = sync.OnceValue(func() *lex.Matcher {
	return lex.NewMatcher(lex.ParseList(mustRead("filler-phrases.txt")))
})

// deleteEdit is the edit that removes source bytes [start,end) of block b:
// the whole lines when the block is all that stands on them, else the span
// with the white space after it (or before it, at the end of a block).
func deleteEdit(d *draft.Document, b *draft.Block, start, end int, whole bool) (rules.Edit, bool) {
	if b.Kind == draft.FrontMatter {
		return emptyValue(d, b, start, end)
	}
	if b.Kind == draft.TableCell {
		return rules.Edit{}, false
	}
	src := d.Src
	if whole && d.Format != draft.HTML {
		ls := d.Position(start).Line
		le := d.Position(end).Line
		s, _, _ := d.LineBounds(ls)
		_, _, next := d.LineBounds(le)
		// nothing else on these lines but markup of this block?
		if onlyBlockOnLines(d, b, s, next) {
			// also take one blank line that follows, if one precedes (or
			// the block opens the file)
			if le < d.LineCount() {
				ns, ne, nn := d.LineBounds(le + 1)
				blankBefore := ls == 1 || d.Position(s).Line == ls && s <= d.BodyStart
				if ls > 1 {
					ps, pe, _ := d.LineBounds(ls - 1)
					blankBefore = strings.TrimSpace(string(src[ps:pe])) == ""
				}
				if blankBefore && strings.TrimSpace(string(src[ns:ne])) == "" {
					next = nn
				}
			}
			return rules.Edit{Offset: s, EndOffset: next}, true
		}
	}
	// lines of their own inside the block: the lines go
	ls, _, _ := d.LineBounds(d.Position(start).Line)
	_, le, next := d.LineBounds(d.Position(end).Line)
	if strings.TrimSpace(string(src[ls:start])) == "" && strings.TrimSpace(string(src[end:le])) == "" && ls >= b.Start {
		return rules.Edit{Offset: ls, EndOffset: next}, true
	}
	e := end
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	s := start
	if e == end || e < len(src) && (src[e] == '\n' || src[e] == '\r') {
		e = end
		for s > 0 && (src[s-1] == ' ' || src[s-1] == '\t') {
			s--
		}
	}
	return rules.Edit{Offset: s, EndOffset: e}, true
}

// onlyBlockOnLines: no other block has text in [s, e).
func onlyBlockOnLines(d *draft.Document, b *draft.Block, s, e int) bool {
	for i := range d.Blocks {
		o := &d.Blocks[i]
		if o == b {
			continue
		}
		if o.Start < e && s < o.End {
			return false
		}
	}
	return true
}

func init() {
	rules.Register(loremRule)
}

// clip shortens s to n characters for a message.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// wholeUnit reports whether text range [s,e) of block b is a whole unit a
// fix may delete: it starts a sentence or a line (or the block) and ends
// one.
func wholeUnit(b *draft.Block, s, e int) bool {
	before := strings.TrimRight(b.Text[:s], " \t")
	after := strings.TrimLeft(b.Text[e:], " \t")
	starts := before == "" || strings.HasSuffix(before, "\n")
	ends := after == "" || strings.HasPrefix(after, "\n")
	for _, sn := range b.Sentences {
		starts = starts || sn.Start == s
		ends = ends || sn.End == e
	}
	return starts && ends
}

// emptyValue is the edit that empties a front-matter value that is all
// filler: the text between its quotes goes, and a plain value becomes "".
// Only a value on one line after its "key:" or "key =" is emptied (a block
// scalar or a list item is left alone); the key stays.
func emptyValue(d *draft.Document, b *draft.Block, start, end int) (rules.Edit, bool) {
	src := d.Src
	if start != b.Start || end != b.End || start >= end || d.Position(start).Line != d.Position(end).Line {
		return rules.Edit{}, false
	}
	ls, le, _ := d.LineBounds(d.Position(start).Line)
	if start > ls && end < le && (src[start-1] == '"' || src[start-1] == '\'') && src[end] == src[start-1] {
		start--
		end++
	}
	key := strings.TrimRight(string(src[ls:start]), " \t")
	rest := strings.TrimSpace(string(src[end:le]))
	if !strings.HasSuffix(key, ":") && !strings.HasSuffix(key, "=") || rest != "" && !strings.HasPrefix(rest, "#") {
		return rules.Edit{}, false
	}
	return rules.Edit{Offset: start, EndOffset: end, NewText: `""`}, true
}
