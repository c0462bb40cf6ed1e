package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/draftlint/draftlint/rules"
)

// Text is the report for people: `file:line:col: severity: message [rule]`
// (the form editors' quickfix lists read), the source line with the span
// underlined, the explanation, and each fix as a word-level diff.
type Text struct {
	Options
}

type palette struct {
	on                                                      bool
	err, warn, info, file, rule, dim, under, del, ins, bold *color.Color
}

func newPalette(on bool) palette {
	mk := func(a ...color.Attribute) *color.Color {
		c := color.New(a...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{on: on,
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold), info: mk(color.FgCyan, color.Bold),
		file: mk(color.Bold), rule: mk(color.FgHiBlack), dim: mk(color.Faint), under: mk(color.FgRed),
		del: mk(color.FgRed, color.CrossedOut), ins: mk(color.FgGreen, color.Underline), bold: mk(color.Bold),
	}
}

func (p palette) sev(s rules.Severity) *color.Color {
	switch s {
	case rules.Error:
		return p.err
	case rules.Warning:
		return p.warn
	}
	return p.info
}

// Format implements Formatter.
func (t *Text) Format(w io.Writer, r *Report) error { return formatStream(t, w, r) }

// Begin implements Streamer.
func (t *Text) Begin(w io.Writer, _ *Report) (FileWriter, error) {
	width := t.Width
	if width <= 0 {
		width = 100
	}
	bw := newBuffered(w)
	return &textWriter{t: t, p: newPalette(t.Color), width: width, bw: bw, ew: &errWriter{w: bw}}, nil
}

type textWriter struct {
	t     *Text
	p     palette
	width int
	bw    *bufio.Writer
	ew    *errWriter
	tally
}

func (tw *textWriter) File(fs []rules.Finding, src []byte) error {
	if len(fs) == 0 {
		return tw.ew.err
	}
	if src != nil {
		src = Redact(src, fs)
	}
	tw.add(fs)
	p, ew, width := tw.p, tw.ew, tw.width
	if !tw.t.Compact {
		n := len(fs)
		fmt.Fprintf(ew, "%s %s\n\n", p.file.Sprint("── "+Sanitize(fs[0].File)), p.dim.Sprintf("(%d %s)", n, plural(n, "finding")))
	}
	for _, f := range fs {
		// the file name, the message (which quotes the draft), the rule
		// ID and the explanation (a custom rule's, from a config file)
		// are untrusted: a draft must not drive the terminal
		fmt.Fprintf(ew, "%s:%d:%d: %s: %s %s\n", p.file.Sprint(Sanitize(f.File)), f.Line, f.Column,
			p.sev(f.Severity).Sprint(f.Severity), Sanitize(f.Message), p.rule.Sprint("["+Sanitize(f.Rule)+"]"))
		if tw.t.Compact {
			continue
		}
		if src != nil {
			excerpt(ew, p, src, f, width)
		}
		if f.Explanation != "" {
			for _, l := range wrap(SanitizeLines(f.Explanation), width-4) {
				fmt.Fprintf(ew, "    %s\n", p.dim.Sprint(l))
			}
		}
		if src != nil {
			for _, fx := range f.Fixes {
				fixDiff(ew, p, src, fx, width)
			}
		}
		fmt.Fprintln(ew)
	}
	return ew.err
}

func (tw *textWriter) Flush() error { return tw.bw.Flush() }

func (tw *textWriter) End(r *Report) error {
	p, ew := tw.p, tw.ew
	if !tw.t.Quiet {
		e, wn, in := tw.errs, tw.warns, tw.infos
		parts := []string{
			p.err.Sprintf("%d %s", e, plural(e, "error")),
			p.warn.Sprintf("%d %s", wn, plural(wn, "warning")),
			p.info.Sprintf("%d info", in),
		}
		fmt.Fprintf(ew, "%s in %d %s (%s)\n", strings.Join(parts, ", "), r.Files, plural(r.Files, "file"), r.Elapsed.Round(1e6))
	}
	if ew.err != nil {
		return ew.err
	}
	return tw.bw.Flush()
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

type errWriter struct {
	w   io.Writer
	err error
}

// Write writes until the first error, then reports it on every later call.
func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}

// lineAt returns the bounds of the line holding off.
func lineAt(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	s := off
	for s > 0 && src[s-1] != '\n' && src[s-1] != '\r' {
		s--
	}
	e := off
	for e < len(src) && src[e] != '\n' && src[e] != '\r' {
		e++
	}
	return s, e
}

// display turns source bytes into one printable line: tabs, control
// characters and bidirectional controls (unsafeRune) become spaces,
// invalid bytes U+FFFD; one rune per character.
func display(b []byte) []rune {
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unsafeRune(r) || r == '\ufeff' {
			r = ' '
		}
		out = append(out, r)
		b = b[n:]
	}
	return out
}

// excerpt prints the source line of a finding with its span underlined,
// clipped to a window around the span when the line is long.
func excerpt(w io.Writer, p palette, src []byte, f rules.Finding, width int) {
	f.Offset = min(max(f.Offset, 0), len(src))
	f.EndOffset = min(max(f.EndOffset, f.Offset), len(src))
	ls, le := lineAt(src, f.Offset)
	pre := display(src[ls:f.Offset])
	end := min(max(f.EndOffset, f.Offset), le)
	span := display(src[f.Offset:end])
	post := display(src[end:le])
	if len(span) == 0 {
		span = []rune{}
	}
	room := max(width-6, 20)
	// keep the span start in view: clip the left side first
	lead := ""
	if len(pre) > room/3 && len(pre)+len(span)+len(post) > room {
		cut := len(pre) - room/3
		pre = pre[cut:]
		lead = "…"
	}
	tail := ""
	if len(pre)+len(span) > room {
		span = span[:max(1, room-len(pre))]
		post = nil
		tail = "…"
	} else if len(pre)+len(span)+len(post) > room {
		post = post[:room-len(pre)-len(span)]
		tail = "…"
	}
	if f.EndOffset > le && tail == "" {
		tail = "…"
	}
	fmt.Fprintf(w, "    %s%s%s%s%s\n", lead, string(pre), p.bold.Sprint(string(span)), string(post), tail)
	n := len(span)
	if n == 0 {
		n = 1
	}
	fmt.Fprintf(w, "    %s%s\n", strings.Repeat(" ", utf8.RuneCountInString(lead)+len(pre)), p.under.Sprint(strings.Repeat("^", n)))
}

// fixDiff shows what a fix changes on the lines it touches, word by word.
func fixDiff(w io.Writer, p palette, src []byte, fx rules.Fix, width int) {
	if len(fx.Edits) == 0 {
		return
	}
	edits := append([]rules.Edit(nil), fx.Edits...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].Offset < edits[j].Offset })
	first, last := edits[0].Offset, edits[len(edits)-1].EndOffset
	for _, e := range edits {
		last = max(last, e.EndOffset)
	}
	// an edit that removes whole lines is shown as those lines, struck
	if len(edits) == 1 && edits[0].NewText == "" && atLineStart(src, first) && atLineStart(src, last) && last > first {
		fmt.Fprintf(w, "    %s %s\n", p.ins.Sprint("fix:"), Sanitize(fx.Description))
		for _, l := range strings.SplitAfter(string(src[first:last]), "\n") {
			l = strings.TrimRight(l, "\r\n")
			if l == "" {
				continue
			}
			l = clipRunes(string(display([]byte(l))), max(width-8, 20))
			if p.on {
				fmt.Fprintf(w, "    %s\n", p.del.Sprint("- "+l))
			} else {
				fmt.Fprintf(w, "    - %s\n", l)
			}
		}
		return
	}
	ls, _ := lineAt(src, first)
	_, le := lineAt(src, max(last-1, first))
	if last > le {
		_, le = lineAt(src, last)
	}
	before := string(src[ls:le])
	var b strings.Builder
	pos := ls
	for _, e := range edits {
		if e.Offset < pos || e.EndOffset > len(src) {
			continue
		}
		b.Write(src[pos:e.Offset])
		b.WriteString(e.NewText)
		pos = e.EndOffset
	}
	if pos < le {
		b.Write(src[pos:le])
	}
	after := b.String()
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMain(before, after, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	fmt.Fprintf(w, "    %s %s\n", p.ins.Sprint("fix:"), Sanitize(fx.Description))
	var line strings.Builder
	for _, d := range diffs {
		// the draft's text as the excerpt shows it, line by line
		text := displayLines(d.Text)
		// without colour, [-deleted-] and {+inserted+} mark the change
		switch {
		case d.Type == diffmatchpatch.DiffDelete && p.on:
			line.WriteString(p.del.Sprint(text))
		case d.Type == diffmatchpatch.DiffDelete:
			line.WriteString("[-" + text + "-]")
		case d.Type == diffmatchpatch.DiffInsert && p.on:
			line.WriteString(p.ins.Sprint(text))
		case d.Type == diffmatchpatch.DiffInsert:
			line.WriteString("{+" + text + "+}")
		default:
			line.WriteString(text)
		}
	}
	for _, l := range strings.Split(strings.TrimRight(line.String(), "\n"), "\n") {
		fmt.Fprintf(w, "    %s\n", clipRunes(l, width*3))
	}
}

// displayLines is display for text that may span lines: each line made
// printable, the "\n" between them kept and CRs dropped.
func displayLines(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	if sanitize(s, true) == s {
		return s // nothing to replace (the usual case)
	}
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = string(display([]byte(l)))
	}
	return strings.Join(ls, "\n")
}

func atLineStart(src []byte, off int) bool {
	return off == 0 || off >= len(src) || src[off-1] == '\n'
}

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// wrap breaks text into lines of at most width characters.
func wrap(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var cur strings.Builder
		n := 0
		for _, word := range strings.Fields(para) {
			wl := utf8.RuneCountInString(word)
			if n > 0 && n+1+wl > width {
				out = append(out, cur.String())
				cur.Reset()
				n = 0
			}
			if n > 0 {
				cur.WriteByte(' ')
				n++
			}
			cur.WriteString(word)
			n += wl
		}
		out = append(out, cur.String())
	}
	return out
}
