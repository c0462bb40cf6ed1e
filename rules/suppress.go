package rules

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/lex"
)

// UnusedSuppression is the rule ID of the info finding --report-unused
// files for a suppression comment that suppressed nothing.
const UnusedSuppression = "draftlint/unused-suppression"

// directive is one draftlint-disable… comment.
type directive struct {
	kind       string   // disable, enable, disable-next-line, disable-line, disable-file
	names      []string // rule IDs or categories; empty means all
	start, end int      // the comment's bytes
	// the byte range it covers
	from, to int
	used     bool
}

func (d *directive) covers(f Finding) bool {
	if f.Offset < d.from || f.Offset >= d.to && !(d.from == d.to && f.Offset == d.from) {
		return false
	}
	if len(d.names) == 0 {
		return true
	}
	for _, n := range d.names {
		if n == f.Rule || n == f.Category {
			return true
		}
	}
	return false
}

// parseDirective reads "draftlint-disable-next-line rule-a, rule-b -- reason".
func parseDirective(text string) (kind string, names []string, ok bool) {
	t := strings.TrimSpace(text)
	t = strings.TrimPrefix(t, "//")
	t = strings.TrimPrefix(t, "#")
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "draftlint-") {
		return "", nil, false
	}
	if i := strings.Index(t, " -- "); i >= 0 {
		t = t[:i] // the reason
	}
	fields := strings.Fields(strings.ReplaceAll(t, ",", " "))
	kind = strings.TrimPrefix(fields[0], "draftlint-")
	switch kind {
	case "disable", "enable", "disable-next-line", "disable-line", "disable-file":
	default:
		return "", nil, false
	}
	return kind, fields[1:], true
}

// Suppress drops the findings that suppression comments cover:
// draftlint-disable … draftlint-enable regions, draftlint-disable-next-line,
// draftlint-disable-line and draftlint-disable-file, each with optional rule
// IDs or categories (none means every rule). With reportUnused, a comment
// that suppressed nothing is reported as info.
func Suppress(d *draft.Document, fs []Finding, reportUnused bool) []Finding {
	if len(d.Comments) == 0 {
		return fs
	}
	var ds []*directive
	var open []*directive // disable regions waiting for their enable
	for _, c := range d.Comments {
		kind, names, ok := parseDirective(c.Text)
		if !ok {
			continue
		}
		dir := &directive{kind: kind, names: names, start: c.Start, end: c.End}
		switch kind {
		case "disable-file":
			dir.from, dir.to = 0, len(d.Src)+1
		case "disable-line":
			line := d.Position(c.Start).Line
			s, _, next := d.LineBounds(line)
			dir.from, dir.to = s, next
		case "disable-next-line":
			// the next line with something on it
			line := d.Position(c.End).Line + 1
			for line <= d.LineCount() {
				s, e, _ := d.LineBounds(line)
				if strings.TrimSpace(string(d.Src[s:e])) != "" {
					break
				}
				line++
			}
			s, _, next := d.LineBounds(line)
			dir.from, dir.to = s, next
		case "disable":
			dir.from, dir.to = c.End, len(d.Src)+1
			open = append(open, dir)
		case "enable":
			// closes the matching open regions (all, or those naming the same rules)
			kept := open[:0]
			for _, o := range open {
				if len(names) == 0 || sameNames(o.names, names) {
					o.to = c.Start
					continue
				}
				kept = append(kept, o)
			}
			open = kept
			continue
		}
		ds = append(ds, dir)
	}
	if len(ds) == 0 {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		hidden := false
		for _, dir := range ds {
			if dir.covers(f) {
				dir.used = true
				hidden = true
			}
		}
		if !hidden {
			out = append(out, f)
		}
	}
	if reportUnused {
		for _, dir := range ds {
			if dir.used {
				continue
			}
			what := "all rules"
			if len(dir.names) > 0 {
				what = strings.Join(dir.names, ", ")
			}
			f := Finding{File: d.Path, Offset: dir.start, EndOffset: dir.end, Rule: UnusedSuppression, Category: "draftlint",
				Severity: Info, Message: fmt.Sprintf("draftlint-%s (%s) suppresses nothing", dir.kind, what),
				Explanation: "No finding is hidden by this comment any more: remove it."}
			Locate(d, &f)
			out = append(out, f)
		}
		SortFindings(out)
	}
	return out
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// acceptFilter drops short findings whose text holds an accepted phrase.
func acceptFilter(d *draft.Document, fs []Finding, accept []string) []Finding {
	if len(accept) == 0 || len(fs) == 0 {
		return fs
	}
	m := lex.NewMatcher(accept)
	out := fs[:0:0]
	for _, f := range fs {
		if f.EndOffset-f.Offset <= 80 && f.EndOffset <= len(d.Src) {
			span := string(d.Src[f.Offset:f.EndOffset])
			n := lex.Normalize(span)
			if len(m.Find(&n, len(span))) > 0 {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
