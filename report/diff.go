package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// UnifiedDiff writes a unified diff (--- a/path, +++ b/path, 3 lines of
// context) that git apply and patch -p1 accept. It writes nothing when the
// texts are equal. A path with a control character, a quote, a backslash
// or a byte beyond ASCII is quoted the way git quotes it ("a/x\ty.md").
func UnifiedDiff(w io.Writer, path string, old, new []byte) error {
	if string(old) == string(new) {
		return nil
	}
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(string(old), string(new))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	type line struct {
		op   byte // ' ', '-', '+'
		text string
	}
	var ls []line
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, t := range splitKeep(d.Text) {
			ls = append(ls, line{op, t})
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", QuotePath("a/"+path), QuotePath("b/"+path))
	const ctx = 3
	i := 0
	for i < len(ls) {
		if ls[i].op == ' ' {
			i++
			continue
		}
		// a hunk: from ctx lines before the change to ctx lines after the
		// last change that is within 2*ctx of the previous one
		start := max(0, i-ctx)
		end := i
		for {
			for end < len(ls) && ls[end].op != ' ' {
				end++
			}
			next := end
			for next < len(ls) && ls[next].op == ' ' && next-end < 2*ctx {
				next++
			}
			if next < len(ls) && ls[next].op != ' ' {
				end = next
				continue
			}
			break
		}
		stop := min(len(ls), end+ctx)
		// line numbers
		oldStart, newStart := 1, 1
		for k := 0; k < start; k++ {
			if ls[k].op != '+' {
				oldStart++
			}
			if ls[k].op != '-' {
				newStart++
			}
		}
		oldN, newN := 0, 0
		for k := start; k < stop; k++ {
			if ls[k].op != '+' {
				oldN++
			}
			if ls[k].op != '-' {
				newN++
			}
		}
		if oldN == 0 {
			oldStart--
		}
		if newN == 0 {
			newStart--
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(oldStart, oldN), hunkRange(newStart, newN))
		for k := start; k < stop; k++ {
			t := ls[k].text
			b.WriteByte(ls[k].op)
			if strings.HasSuffix(t, "\n") {
				b.WriteString(t)
			} else {
				b.WriteString(t)
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = stop
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// QuotePath quotes a path as git does with core.quotePath on: unchanged
// unless it holds a byte below 0x20, a quote, a backslash, DEL or a byte
// of 0x80 and above; then in double quotes with C escapes (\t, \n, \",
// \\) and three-digit octal for the other bytes.
func QuotePath(p string) string {
	need := false
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			need = true
			break
		}
	}
	if !need {
		return p
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(p); i++ {
		c := p[i]
		if e := strings.IndexByte("\a\b\t\n\v\f\r\"\\", c); e >= 0 {
			b.WriteByte('\\')
			b.WriteByte("abtnvfr\"\\"[e])
		} else if c < 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "\\%03o", c)
		} else {
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitKeep splits text into lines, each keeping its "\n".
func splitKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
