package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type txtLine struct {
	start, end int // content without terminator
	next       int
}

func (l txtLine) text(src []byte) string { return string(src[l.start:l.end]) }

func splitLines(src []byte, from int) []txtLine {
	var out []txtLine
	s := from
	for i := from; i < len(src); i++ {
		switch src[i] {
		case '\n':
			e := i
			if e > s && src[e-1] == '\r' {
				e--
			}
			out = append(out, txtLine{s, e, i + 1})
			s = i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			out = append(out, txtLine{s, i, i + 1})
			s = i + 1
		}
	}
	if s < len(src) {
		out = append(out, txtLine{s, len(src), len(src)})
	}
	return out
}

// bullet returns the length of a list marker at the start of s (after
// indentation), or 0.
func bullet(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '·', '‣', '◦', '▪', '-', '*', '–', '—':
		if len(s) > w && (s[w] == ' ' || s[w] == '\t') {
			return w + 1
		}
		return 0
	}
	// "1." or "1)" numbered items
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2
	}
	return 0
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’»)")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', ':', ';', '…', ',':
		return true
	}
	return false
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// shortLine: could be a heading or a title.
func shortLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || endsSentence(s) && !capsLabel(s) || wordCount(s) > 14 || utf8.RuneCountInString(s) > 100 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) && r != '(' && r != '+'
}

// capsLabel reports whether s is a heading written in capitals with a
// colon ("PRACTICAL INFORMATION:"), which plain-text drafts use as they use
// the same words without it.
func capsLabel(s string) bool {
	t, ok := strings.CutSuffix(s, ":")
	if !ok || strings.HasSuffix(t, ":") {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

func isDirectiveLine(s string) bool {
	t := strings.TrimSpace(s)
	return (strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")) && strings.Contains(t, "draftlint-")
}

func parseText(d *Document) {
	src := d.Src
	lines := splitLines(src, d.bom)
	// group into blocks separated by blank lines
	var groups [][]txtLine
	var cur []txtLine
	for _, l := range lines {
		t := l.text(src)
		if isDirectiveLine(t) {
			ts := l.start + (len(t) - len(strings.TrimLeft(t, " \t")))
			d.Comments = append(d.Comments, Comment{Text: strings.TrimSpace(t), Start: ts, End: l.end})
			if len(cur) > 0 {
				groups = append(groups, cur)
				cur = nil
			}
			continue
		}
		if strings.TrimSpace(t) == "" {
			if len(cur) > 0 {
				groups = append(groups, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	for gi, g := range groups {
		first := strings.TrimSpace(g[0].text(src))
		// a short first block is the title
		if gi == 0 && len(g) == 1 && shortLine(first) && bullet(first) == 0 {
			b := lineBlock(src, g, Heading)
			b.Level = 1
			b.IsTitle = true
			d.Title = len(d.Blocks)
			d.Blocks = append(d.Blocks, b)
			continue
		}
		// a short line alone is a heading
		if len(g) == 1 && shortLine(first) && bullet(first) == 0 {
			b := lineBlock(src, g, Heading)
			b.Level = 2
			d.Blocks = append(d.Blocks, b)
			continue
		}
		// a short first line over a prose paragraph is its heading
		if len(g) >= 2 && shortLine(first) && bullet(first) == 0 && wordCount(first) <= 10 &&
			endsSentence(g[len(g)-1].text(src)) && (!allShort(src, g[1:]) || len(g) == 2 && wordCount(g[1].text(src)) >= 6) {
			b := lineBlock(src, g[:1], Heading)
			b.Level = 2
			d.Blocks = append(d.Blocks, b)
			g = g[1:]
		}
		textGroup(d, src, g)
	}
}

func allShort(src []byte, g []txtLine) bool {
	for _, l := range g {
		if utf8.RuneCount(src[l.start:l.end]) > 60 {
			return false
		}
	}
	return true
}

// textGroup turns a blank-line separated group into list items and
// paragraphs.
func textGroup(d *Document, src []byte, g []txtLine) {
	var para []txtLine
	flushPara := func() {
		if len(para) == 0 {
			return
		}
		b := lineBlock(src, para, Paragraph)
		if len(para) >= 2 && allShort(src, para) {
			short := true
			for _, l := range para[:len(para)-1] {
				if endsSentence(l.text(src)) && !strings.HasSuffix(strings.TrimSpace(l.text(src)), ",") {
					short = false
				}
			}
			if short {
				b.Lines = true
			}
		}
		d.Blocks = append(d.Blocks, b)
		para = nil
	}
	var item []txtLine
	itemMarker := 0
	flushItem := func() {
		if len(item) == 0 {
			return
		}
		b := lineBlockFrom(src, item, itemMarker)
		b.Kind = ListItem
		d.Blocks = append(d.Blocks, b)
		item = nil
	}
	for _, l := range g {
		t := l.text(src)
		ind := len(t) - len(strings.TrimLeft(t, " \t"))
		if n := bullet(t[ind:]); n > 0 {
			flushPara()
			flushItem()
			item = []txtLine{l}
			itemMarker = ind + n
			continue
		}
		if len(item) > 0 && ind > 0 {
			item = append(item, l)
			continue
		}
		flushItem()
		para = append(para, l)
	}
	flushPara()
	flushItem()
}

func lineBlock(src []byte, g []txtLine, k Kind) Block {
	b := lineBlockFrom(src, g, 0)
	b.Kind = k
	return b
}

// lineBlockFrom builds a block from lines, skipping skip bytes of the first
// line (a list marker) and the indentation of every line.
func lineBlockFrom(src []byte, g []txtLine, skip int) Block {
	var bl builder
	for i, l := range g {
		s := l.start
		if i == 0 {
			s += skip
		}
		for s < l.end && (src[s] == ' ' || src[s] == '\t') {
			s++
		}
		e := l.end
		for e > s && (src[e-1] == ' ' || src[e-1] == '\t') {
			e--
		}
		bl.add(src, s, e)
		if i+1 < len(g) {
			bl.addAtomic("\n", e, g[i+1].start)
		}
	}
	b, _ := bl.block(Paragraph)
	return b
}
