// Package rulestest runs rules over fixture drafts whose expected findings
// are written next to the text they test, in the manner of
// golang.org/x/tools/go/analysis/analysistest:
//
//   - Markdown and HTML: `<!-- want "regexp" "regexp" -->` on a line expects
//     one finding per regexp on that line.
//   - Plain text: a line `#want "regexp"` expects a finding on the nearest
//     non-blank line above it; the harness blanks these lines (keeping every
//     offset) before linting.
//
// A regexp is matched against "rule-id: message". A finding nothing
// expected fails the test, and so does an expectation nothing matched.
package rulestest

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
)

type want struct {
	line int
	re   *regexp.Regexp
	raw  string
	used bool
}

var (
	htmlWant = regexp.MustCompile(`<!--\s*want((?:\s+"(?:[^"\\]|\\.)*")+)\s*-->`)
	txtWant  = regexp.MustCompile(`^\s*#want((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	quoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

func parseRes(t *testing.T, file string, line int, s string) []*want {
	t.Helper()
	var out []*want
	for _, q := range quoted.FindAllString(s, -1) {
		u := strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
		re, err := regexp.Compile(u)
		if err != nil {
			t.Fatalf("%s:%d: bad want regexp %s: %v", file, line, q, err)
		}
		out = append(out, &want{line: line, re: re, raw: u})
	}
	return out
}

// Expectations reads the wants in src and returns them with the source to
// lint (plain-text want lines blanked).
func expectations(t *testing.T, file string, src []byte) ([]*want, []byte) {
	t.Helper()
	lines := strings.Split(string(src), "\n")
	var wants []*want
	isText := draft.FormatFor(file) == draft.Text
	out := []byte(string(src))
	off := 0
	lastContent := 0
	for i, l := range lines {
		n := i + 1
		if isText {
			if m := txtWant.FindStringSubmatch(strings.TrimRight(l, "\r")); m != nil {
				if lastContent == 0 {
					t.Fatalf("%s:%d: #want with no line above it", file, n)
				}
				wants = append(wants, parseRes(t, file, lastContent, m[1])...)
				for k := off; k < off+len(l); k++ {
					if out[k] != '\r' {
						out[k] = ' '
					}
				}
			} else if strings.TrimSpace(l) != "" {
				lastContent = n
			}
		} else {
			for _, m := range htmlWant.FindAllStringSubmatch(l, -1) {
				wants = append(wants, parseRes(t, file, n, m[1])...)
			}
		}
		off += len(l) + 1
	}
	return wants, out
}

// Run lints every .md, .html and .txt file in dir with the named rules (IDs
// or categories) and checks the findings against the files' wants.
func Run(t *testing.T, dir string, names ...string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	n := 0
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".md", ".html", ".htm", ".txt":
		default:
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			Check(t, f, src, names...)
		})
	}
	if n == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
}

// Select returns the registered rules matching IDs or categories (a rule
// that is off by default only by its ID, as on the command line).
func Select(t testing.TB, names ...string) []*rules.Rule {
	var rs []*rules.Rule
	for _, r := range rules.All() {
		for _, n := range names {
			if r.ID == n || r.Category == n && !r.Off {
				rs = append(rs, r)
				break
			}
		}
	}
	if len(rs) == 0 {
		t.Fatalf("no rule matches %v", names)
	}
	return rs
}

// Check lints one fixture and compares findings with its wants.
func Check(t *testing.T, file string, src []byte, names ...string) {
	t.Helper()
	CheckWith(t, file, src, rules.Config{}, names...)
}

// CheckWith is Check with a run configuration (its Rules are replaced by
// the named ones).
func CheckWith(t *testing.T, file string, src []byte, cfg rules.Config, names ...string) {
	t.Helper()
	wants, input := expectations(t, file, src)
	cfg.Rules = Select(t, names...)
	res := rules.Run(cfg, []rules.Source{{Path: file, Data: input}})
	for _, n := range res.Notices {
		t.Errorf("notice: %s", n)
	}
	for _, f := range res.Findings {
		if f.Offset < 0 || f.EndOffset > len(input) || f.Offset > f.EndOffset {
			t.Errorf("%s:%d: finding offsets %d-%d outside the file", file, f.Line, f.Offset, f.EndOffset)
		}
		key := f.Rule + ": " + f.Message
		matched := false
		for _, w := range wants {
			if !w.used && w.line >= f.Line && w.line <= f.EndLine && w.re.MatchString(key) {
				w.used = true
				matched = true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding: %s", file, f.Line, f.Column, key)
		}
	}
	for _, w := range wants {
		if !w.used {
			t.Errorf("%s:%d: expected a finding matching %q; none was reported", file, w.line, w.raw)
		}
	}
}
