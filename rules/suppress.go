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

// suppressions are a document's suppression comments:
// draftlint-disable … draftlint-enable regions, draftlint-disable-next-line,
// draftlint-disable-line and draftlint-disable-file, each with optional rule
// IDs or categories (none means every rule). They are read once: a run
// filters the file's own findings with them, then those that rules comparing
// files report there, and only then knows which comments hid nothing (which
// --report-unused reports as info).
type suppressions struct {
	ds []*directive
	// unusedAt is the finding each comment gives when it hid nothing
	// (located while the document is at hand)
	unusedAt []Finding
}

// parseSuppressions reads d's suppression comments; nil when it has none.
func parseSuppressions(d *draft.Document) *suppressions {
	if len(d.Comments) == 0 {
		return nil
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
		return nil
	}
	s := &suppressions{ds: ds, unusedAt: make([]Finding, len(ds))}
	for i, dir := range ds {
		what := "all rules"
		if len(dir.names) > 0 {
			what = strings.Join(dir.names, ", ")
		}
		f := Finding{File: d.Path, Offset: dir.start, EndOffset: dir.end, Rule: UnusedSuppression, Category: "draftlint",
			Severity: Info, Message: fmt.Sprintf("draftlint-%s (%s) suppresses nothing", dir.kind, what),
			Explanation: "No finding is hidden by this comment any more: remove it."}
		Locate(d, &f)
		s.unusedAt[i] = f
	}
	return s
}

// filter returns the findings of fs that no comment covers (a new slice
// when s is not nil) and marks the comments that hid one.
func (s *suppressions) filter(fs []Finding) []Finding {
	if s == nil {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		hidden := false
		for _, dir := range s.ds {
			if dir.covers(f) {
				dir.used = true
				hidden = true
			}
		}
		if !hidden {
			out = append(out, f)
		}
	}
	return out
}

// unused is an info finding for each comment that has hidden nothing so far.
func (s *suppressions) unused() []Finding {
	if s == nil {
		return nil
	}
	var out []Finding
	for i, dir := range s.ds {
		if !dir.used {
			out = append(out, s.unusedAt[i])
		}
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

// acceptFilter drops short findings whose text in src holds an accepted
// phrase.
func acceptFilter(src []byte, fs []Finding, accept []string) []Finding {
	if len(accept) == 0 || len(fs) == 0 {
		return fs
	}
	m := lex.NewMatcher(accept)
	out := fs[:0:0]
	for _, f := range fs {
		if f.EndOffset-f.Offset <= 80 && f.Offset >= 0 && f.EndOffset <= len(src) {
			span := string(src[f.Offset:f.EndOffset])
			n := lex.Normalize(span)
			if len(m.Find(&n, len(span))) > 0 {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
