// Package headline holds the rules that find duplicated headlines: a
// heading repeated in a draft, the title repeated in the body, near-identical
// headings, and drafts in one repository that share a title.
package headline

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
	"github.com/draftlint/draftlint/rules/placeholder"
)

var duplicateRule = &rules.Rule{
	ID:       "headline/duplicate",
	Severity: rules.Error,
	Doc:      "The same heading appears twice in a draft",
	Explanation: `A heading repeated in one draft is almost always a paste left behind. Headings
are compared after normalising case, Unicode (NFKC), curly and straight
quotes, dashes, white space and trailing punctuation, so "China leads the race"
and "China Leads the Race." are the same. The later heading is reported and the
explanation names the line of the first.

Short generic headings ("Background", "Contact", "FAQ", "Fixed") repeated
under different parent headings, as changelogs and documentation do, are not
reported by default. A heading of code or symbols ("` + "`operator==`" + `",
"operator :") is compared by its full text, symbols and case kept. Headings in
two docfx alternatives (::: moniker range, ::: zone pivot) are not compared,
and a heading that is a placeholder ("Headline goes here") is left to the
placeholder family. Options: short_words (default 3: headings
of at most this many words count as short), siblings_only (when true, only
headings under the same parent are compared, whatever their length; unset, it
is true on documentation pages, which have a fenced code block, a docfx :::
extension or a documentation generator's front-matter key such as ms.topic,
and false on articles).`,
}

var titleRule = &rules.Rule{
	ID:       "headline/title-repeated",
	Severity: rules.Error,
	Doc:      "The title is repeated as a heading or as a line of the body",
	Explanation: `The title (front-matter title, <title>, the first H1, or the first line of a
plain-text draft) appears again further down, as a heading or as a line of its
own. The fix deletes the repeated line.

In a Markdown article, a first H1 that repeats the front-matter title is one
finding: the site shows the title above the body, so the reader sees it
twice; the fix deletes the heading's whole line (both lines of a setext
heading) and nothing else. On a documentation page (a fenced code block, a
docfx ::: extension, a documentation generator's front-matter key), where the
first H1 is the page title, and in HTML, where <title> names the browser tab
and <h1> heads the page, that H1 is not reported.`,
}

var nearRule = &rules.Rule{
	ID:       "headline/near-duplicate",
	Severity: rules.Warning,
	Doc:      "Two headings in a draft differ only by a word or two",
	Explanation: `Two headings that say the same thing in almost the same words ("How cities
are cutting traffic deaths" / "How cities cut traffic deaths") are usually an
edited copy and its original. The words are aligned in order, compared by
their stems (cut/cutting), with function words ("the", "are", "you") weighed
low. A later heading is a near-duplicate when it has the same content words
(three or more), or one substituted while five others stay the same, or one
added or dropped while six stay. A number, date, ordinal or name changed or
added ("Q1 results" / "Q2 results", "Day 1" / "Day 2", "First half" /
"Second half"), a word in brackets, a word of polarity ("with" / "without",
"before" / "after"), antonyms ("import" / "export") or words that changed
places ("from A to B" / "from B to A") make a different heading. The message
names the words that differ.

On documentation pages (a fenced code block, a docfx ::: extension, or a
documentation generator's front-matter key) sibling sections vary a heading
by design, so only the same content words count there, and a heading
restating one above it ("To create a project" under "How to: Create a
project") is not reported. Headings of code are compared exactly only.`,
}

func init() {
	duplicateRule.OptionDocs = map[string]string{
		"short_words":   "headings of at most this many words may repeat under different parents (default 3)",
		"siblings_only": "compare only headings under the same parent (default: true on documentation pages, false on articles)",
	}
	nearRule.OptionDocs = map[string]string{"short_words": "short headings under different parents are not compared (default 3)"}
	duplicateRule.OptionChecks = map[string]rules.OptionCheck{"short_words": rules.Count, "siblings_only": rules.Flag}
	nearRule.OptionChecks = map[string]rules.OptionCheck{"short_words": rules.Count}
	duplicateRule.Run = runDuplicate
	titleRule.Run = runTitle
	nearRule.Run = runNear
	rules.Register(duplicateRule)
	rules.Register(titleRule)
	rules.Register(nearRule)
	rules.Register(acrossRule)
}

type heading struct {
	idx    int // block index
	b      *draft.Block
	key    string
	text   string // for messages
	parent int    // block index of the parent heading, -1 for none
	line   int
	code   bool // code or symbols, compared by full text only
	alt    int  // the docfx alternative it stands in, or -1
}

// headings lists a document's headings with their parents (the nearest
// heading above with a lower level).
func headings(d *draft.Document) []heading {
	// made once a document for headline/duplicate and near-duplicate; the
	// rules only read it
	return d.Memo("headline/headings", func() any { return makeHeadings(d) }).([]heading)
}

func makeHeadings(d *draft.Document) []heading {
	var out []heading
	var stack []heading
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind != draft.Heading {
			continue
		}
		lvl := b.Level
		if lvl == 0 {
			lvl = 1 // <title>
		}
		for len(stack) > 0 && levelOf(stack[len(stack)-1].b) >= lvl {
			stack = stack[:len(stack)-1]
		}
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1].idx
		}
		h := heading{idx: i, b: b, parent: parent, line: d.Position(b.Start).Line, alt: pageOf(d).alt(b.Start)}
		h.key, h.code = headingKey(d, b)
		h.text = b.Text
		if strings.TrimSpace(h.text) == "" || d.Format == draft.Markdown {
			h.text = strings.TrimSpace(stripTagsOutsideCode(string(d.Src[b.Start:b.End])))
		}
		// a heading that is all code or markup still opens a section
		stack = append(stack, h)
		if h.key != "" && !listLine(d, i) {
			out = append(out, h)
		}
	}
	return out
}

// listLine reports whether plain-text heading i is one line of a list
// written as short lines apart (a fixture list: "Mozambique v Zimbabwe",
// "Winners meet in final match", …): a heading before it and a heading or
// the end after it, so no section of its own.
func listLine(d *draft.Document, i int) bool {
	if d.Format != draft.Text || i == 0 || d.Blocks[i-1].Kind != draft.Heading || d.Blocks[i-1].IsTitle {
		return false
	}
	return i+1 == len(d.Blocks) || d.Blocks[i+1].Kind == draft.Heading
}

// headingKey is the comparison key of a heading, and whether it is code.
// In Markdown it is read from the heading's source with emphasis and code
// markers removed (not inside code spans), so that code, which is not
// prose, still tells "`operator==`" from "`operator!=`" and "`operator *`"
// from "`operator =`".
func headingKey(d *draft.Document, b *draft.Block) (string, bool) {
	if d.Format != draft.Markdown || b.End <= b.Start || b.Kind != draft.Heading {
		return textKey(b.Text)
	}
	raw := string(d.Src[b.Start:b.End])
	if strings.Contains(raw, "`") {
		// tags and emphasis are removed outside code spans only:
		// "`Box<T>^`" keeps its "<T>"
		return fullKey(outsideCode(raw, func(s string) string { return markupDropper.Replace(stripTags(s)) }, false)), true
	}
	raw = stripTags(raw)
	if codeLike(raw) {
		return fullKey(strings.ReplaceAll(raw, "\\", "")), true
	}
	return lex.HeadingKey(markupDropper.Replace(raw)), false
}

// textKey is the comparison key of a title or heading's text, and whether
// it is code.
func textKey(s string) (string, bool) {
	if codeLike(s) {
		return fullKey(s), true
	}
	return lex.HeadingKey(s), false
}

// sameKey reports whether text has the key tk (code when tcode), as
// textKey would say, without the code test for most text.
func sameKey(text, tk string, tcode bool) bool {
	if tcode {
		return fullKey(text) == tk && codeLike(text)
	}
	return lex.HeadingKey(text) == tk && !codeLike(text)
}

// outsideCode applies f to the parts of s outside code spans, keeping the
// backticks or not.
func outsideCode(s string, f func(string) string, ticks bool) string {
	var b strings.Builder
	for n, part := range strings.Split(s, "`") {
		if n > 0 && ticks {
			b.WriteByte('`')
		}
		if n%2 == 0 {
			part = f(part)
		}
		b.WriteString(part)
	}
	return b.String()
}

// stripTagsOutsideCode is stripTags for Markdown, where "`Box<T>`" is code.
func stripTagsOutsideCode(s string) string { return outsideCode(s, stripTags, true) }

// markupDropper removes emphasis and code markers (a Replacer is safe for
// concurrent use, and costly to build).
var markupDropper = strings.NewReplacer("`", "", "**", "", "__", "", "*", "", "\\", "")

// stripTags removes HTML comments and tags (<a name="x"></a>).
func stripTags(s string) string {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return s
		}
		inner := s[i+1 : i+j]
		if !strings.HasPrefix(inner, "!--") && !tagLike(inner) {
			return s
		}
		if strings.HasPrefix(inner, "!--") {
			k := strings.Index(s[i:], "-->")
			if k < 0 {
				return s
			}
			j = k + 2
		}
		s = s[:i] + s[i+j+1:]
	}
}

func tagLike(s string) bool {
	s = strings.TrimPrefix(s, "/")
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

func levelOf(b *draft.Block) int {
	if b.Level == 0 {
		return 1
	}
	return b.Level
}

// titleInfo returns the title block and the block that is its page heading
// (an H1 repeating a front-matter or <title> title), or -1.
func titleInfo(d *draft.Document) (title *draft.Block, titleIdx, pageHeading int) {
	titleIdx, pageHeading = d.Title, -1
	if titleIdx < 0 {
		return nil, -1, -1
	}
	title = &d.Blocks[titleIdx]
	tk, _ := textKey(title.Text)
	if title.Kind == draft.FrontMatter || title.Level == 0 {
		for i := range d.Blocks {
			b := &d.Blocks[i]
			if i != titleIdx && b.Kind == draft.Heading && b.Level == 1 {
				if k, _ := textKey(b.Text); k == tk {
					pageHeading = i
				}
				break
			}
		}
	}
	return title, titleIdx, pageHeading
}

func shortHeading(key string, maxWords int) bool {
	return len(strings.Fields(key)) <= maxWords
}

func runDuplicate(p *rules.Pass) {
	short := p.Options.Int("short_words", 3)
	d := p.Doc
	siblingsOnly := p.Options.Bool("siblings_only", pageOf(d).docs)
	_, titleIdx, pageHeading := titleInfo(d)
	titleKey := ""
	if titleIdx >= 0 {
		titleKey, _ = textKey(d.Blocks[titleIdx].Text)
	}
	hs := headings(d)
	// the first heading with each key, and the first under each parent:
	// one map look-up per heading, however many headings repeat
	// (headings in two docfx alternatives, the same section for two
	// product versions, are never compared: alt is part of the keys)
	type kp struct {
		key         string
		parent, alt int
	}
	first := map[kp]*heading{}
	firstSibling := map[kp]*heading{}
	for k := range hs {
		h := &hs[k]
		isTitle := h.idx == titleIdx || h.idx == pageHeading
		if !isTitle && h.key == titleKey {
			continue // title-repeated reports it
		}
		f, seenKey := first[kp{h.key, -1, h.alt}]
		sib, seenSib := firstSibling[kp{h.key, h.parent, h.alt}]
		if !seenKey {
			first[kp{h.key, -1, h.alt}] = h
		}
		if !seenSib {
			firstSibling[kp{h.key, h.parent, h.alt}] = h
		}
		if isTitle {
			continue
		}
		var prev *heading

		switch {
		case seenSib:
			prev = sib // a repeat under the same parent always counts
		case seenKey && !siblingsOnly && !shortHeading(h.key, short):
			prev = f
		}
		if prev == nil || placeholder.Marked(d, h.idx) {
			continue // a template's "Your headline here" is placeholder/marker's finding
		}
		p.Report(rules.Finding{Offset: h.b.Start, EndOffset: h.b.End,
			Message:     fmt.Sprintf("duplicate heading %q (first on line %d)", clip(h.text, 60), prev.line),
			Explanation: fmt.Sprintf("The same heading already stands on line %d. Remove this one or give the section its own heading.", prev.line)})
	}
}

func runTitle(p *rules.Pass) {
	d := p.Doc
	title, titleIdx, pageHeading := titleInfo(d)
	if title == nil {
		return
	}
	if placeholder.Marked(d, titleIdx) {
		return // placeholder/marker reports it
	}
	tk, tcode := textKey(title.Text)
	if len(strings.Fields(tk)) < 3 {
		return // "DOSSEG" or "Install" again is a name, not a pasted title
	}
	titleLine := d.Position(title.Start).Line
	if pageHeading >= 0 && title.Kind == draft.FrontMatter && d.Format == draft.Markdown && !pageOf(d).docs {
		// an article's site shows the front-matter title above the body:
		// a first heading that repeats it shows it twice
		b := &d.Blocks[pageHeading]
		f := rules.Finding{Offset: b.Start, EndOffset: b.End,
			Message: fmt.Sprintf("the front-matter title is repeated as the first heading: %q (title on line %d)", clip(b.Text, 60), titleLine),
			Explanation: fmt.Sprintf("The site shows the title from line %d above the article; this heading repeats it. "+
				"Delete the heading (on a documentation page, where the first heading is the page title, this is not reported).", titleLine)}
		if ed, ok := deleteHeading(d, b); ok {
			f.Fixes = []rules.Fix{{Description: "delete the heading that repeats the title", Edits: []rules.Edit{ed}}}
		}
		p.Report(f)
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if i == titleIdx || i == pageHeading || b.Kind == draft.FrontMatter || b.InQuote || b.Start < title.End && title.Kind != draft.FrontMatter {
			continue
		}
		switch b.Kind {
		case draft.Heading, draft.Paragraph, draft.Caption:
		default:
			continue
		}
		if b.Kind == draft.Heading && b.Level == 0 {
			continue // a second <title> element
		}
		if !b.Lines && (len(b.Text) > 2*len(title.Text)+16 || 2*len(b.Text)+16 < len(title.Text)) {
			continue // far too long or short to be the title again
		}
		if !sameKey(b.Text, tk, tcode) {
			// a line of its own inside a block of lines
			if b.Lines {
				reportTitleLines(p, b, tk, tcode, titleLine)
			}
			continue
		}
		f := rules.Finding{Offset: b.Start, EndOffset: b.End,
			Message:     fmt.Sprintf("the title is repeated here: %q (title on line %d)", clip(b.Text, 60), titleLine),
			Explanation: fmt.Sprintf("This line repeats the title from line %d. Delete it, or write the heading this section needs.", titleLine)}
		if ed, ok := deleteLines(d, b.Start, b.End); ok {
			f.Fixes = []rules.Fix{{Description: "delete the repeated title", Edits: []rules.Edit{ed}}}
		}
		p.Report(f)
	}
}

// reportTitleLines checks each line of a block of short lines.
func reportTitleLines(p *rules.Pass, b *draft.Block, tk string, tcode bool, titleLine int) {
	start := 0
	for start <= len(b.Text) {
		end := strings.IndexByte(b.Text[start:], '\n')
		if end < 0 {
			end = len(b.Text)
		} else {
			end += start
		}
		if sameKey(b.Text[start:end], tk, tcode) {
			s, e := b.Src(start), b.SrcEnd(end)
			f := rules.Finding{Offset: s, EndOffset: e,
				Message:     fmt.Sprintf("the title is repeated here: %q (title on line %d)", clip(b.Text[start:end], 60), titleLine),
				Explanation: fmt.Sprintf("This line repeats the title from line %d.", titleLine)}
			if ed, ok := deleteLines(p.Doc, s, e); ok {
				f.Fixes = []rules.Fix{{Description: "delete the repeated title", Edits: []rules.Edit{ed}}}
			}
			p.Report(f)
		}
		start = end + 1
	}
}

// deleteHeading removes a Markdown heading's whole lines and nothing
// else: an ATX heading's line, or a setext heading's text lines and its
// underline. It offers nothing when the lines hold more than the heading.
func deleteHeading(d *draft.Document, b *draft.Block) (rules.Edit, bool) {
	ls, le := d.Position(b.Start).Line, d.Position(b.End).Line
	start, _, _ := d.LineBounds(ls)
	_, lineEnd, next := d.LineBounds(le)
	before := strings.TrimLeft(string(d.Src[start:b.Start]), " ")
	after := strings.TrimSpace(string(d.Src[b.End:lineEnd]))
	switch {
	case strings.HasPrefix(before, "#"):
		// ATX: "# Title", "## Title ##", emphasis around the text
		if strings.Trim(before, "#*_ ") != "" || strings.Trim(after, "#*_ ") != "" {
			return rules.Edit{}, false
		}
	case le < d.LineCount():
		// setext: the underline is the next line
		us, ue, un := d.LineBounds(le + 1)
		u := strings.TrimSpace(string(d.Src[us:ue]))
		if strings.Trim(before, "*_ ") != "" || strings.Trim(after, "*_ ") != "" || u == "" || strings.Trim(u, "=") != "" && strings.Trim(u, "-") != "" {
			return rules.Edit{}, false
		}
		next = un
	default:
		return rules.Edit{}, false
	}
	return rules.Edit{Offset: start, EndOffset: next}, true
}

// deleteLines removes the whole lines holding [s,e) when nothing but
// markup stands on them besides that text, taking one blank line with them.
func deleteLines(d *draft.Document, s, e int) (rules.Edit, bool) {
	if d.Format == draft.HTML {
		return rules.Edit{}, false
	}
	ls := d.Position(s).Line
	le := d.Position(e).Line
	start, _, _ := d.LineBounds(ls)
	_, lineEnd, next := d.LineBounds(le)
	// only markup (#, spaces, emphasis) besides the text
	rest := strings.TrimSpace(string(d.Src[start:s]) + string(d.Src[e:lineEnd]))
	if strings.Trim(rest, "#*_> ") != "" {
		return rules.Edit{}, false
	}
	if ls > 1 && le < d.LineCount() {
		ps, pe, _ := d.LineBounds(ls - 1)
		ns, ne, nn := d.LineBounds(le + 1)
		if strings.TrimSpace(string(d.Src[ps:pe])) == "" && strings.TrimSpace(string(d.Src[ns:ne])) == "" {
			next = nn
		}
	}
	return rules.Edit{Offset: start, EndOffset: next}, true
}

// clip collapses white space and cuts s to n characters, marking the cut.
func clip(s string, n int) string {
	if plainASCII(s) { // most titles: nothing to collapse, one byte a rune
		if len(s) <= n {
			return s
		}
		return s[:n] + "…"
	}
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// plainASCII reports whether s is ASCII with white space only as single
// spaces between words: strings.Fields and Join would leave it as it is.
func plainASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c-'\t' <= '\r'-'\t' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}
