package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"draftlint"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSampleDraft(t *testing.T) {
	code, out, _ := runCLI(t, "", "--color", "never", "../../testdata/sample.md")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "../../testdata/sample.md:8:1: error: lorem ipsum filler") {
		t.Errorf("report lacks the lorem finding in quickfix form:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes with --color never")
	}
	_, colored, _ := runCLI(t, "", "--color", "always", "../../testdata/sample.md")
	if !strings.Contains(colored, "\x1b[") {
		t.Error("no colour codes with --color always")
	}
}

func TestJSONSchema(t *testing.T) {
	code, out, errs := runCLI(t, "", "--format", "json", "../../testdata/sample.md")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if keys(doc) != "findings,summary" {
		t.Errorf("top-level keys %s", keys(doc))
	}
	var findings []map[string]json.RawMessage
	if err := json.Unmarshal(doc["findings"], &findings); err != nil || len(findings) == 0 {
		t.Fatalf("findings: %v", err)
	}
	want := "category,column,end_column,end_line,end_offset,explanation,file,fixes,line,message,offset,rule,severity"
	scored := 0
	for _, f := range findings {
		k := keys(f)
		// the claim rules add their score; no other rule does
		if strings.HasPrefix(string(f["rule"]), `"claim/unsupported"`) || strings.HasPrefix(string(f["rule"]), `"claim/check-worthy"`) {
			k = strings.Replace(k, "rule,score,", "rule,", 1)
			var sc float64
			if err := json.Unmarshal(f["score"], &sc); err != nil || sc <= 0 || sc > 1 {
				t.Errorf("%s: score %s, want a number above 0 and at most 1", f["rule"], f["score"])
			}
			scored++
		}
		if k != want {
			t.Errorf("finding keys %s, want %s", keys(f), want)
		}
	}
	if scored == 0 {
		t.Error("no claim finding with a score")
	}
	var sum map[string]int
	if err := json.Unmarshal(doc["summary"], &sum); err != nil {
		t.Fatal(err)
	}
	if sum["files"] != 1 || sum["error"] < 1 {
		t.Errorf("summary %v", sum)
	}
	for _, k := range []string{"files", "error", "warning", "info"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
}

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func TestMissingPath(t *testing.T) {
	code, _, errs := runCLI(t, "", "no/such/file")
	if code != 2 || !strings.Contains(errs, "no/such/file") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--format", "yaml", "x.md"},
		{"--fail-on", "sometimes", "x.md"},
		{"--color", "pink", "x.md"},
		{"--enable", "no/such-rule", "x.md"},
		{"--no-such-flag", "x.md"},
		{"explain", "no/such-rule"},
	} {
		code, _, errs := runCLI(t, "", args...)
		if code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}

// Flag values that would lint nothing, or lint without a limit, without
// a word are refused before anything is linted, with what was expected.
func TestBadFlagValues(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "sample.md")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--include", "["}, `--include: bad glob "["`},
		{[]string{"--exclude", "posts/{a"}, `--exclude: bad glob "posts/{a"`},
		{[]string{"--jobs", "-2"}, "--jobs must be from 0 (one per CPU) to 1024, not -2"},
		// a huge --jobs ran out of memory, a larger one panicked making the
		// workers' window
		{[]string{"--jobs", "1025"}, "--jobs must be from 0 (one per CPU) to 1024, not 1025"},
		{[]string{"-j", "100000000"}, "--jobs must be from 0 (one per CPU) to 1024, not 100000000"},
		{[]string{"--jobs", "1000000000000"}, "--jobs must be from 0 (one per CPU) to 1024, not 1000000000000"},
		{[]string{"--max-file-size", "0"}, "--max-file-size must be 1 byte or more, not 0"},
		{[]string{"--max-lines", "-1"}, "--max-lines must be 1 or more, not -1"},
		{[]string{"--max-warnings", "-2"}, "--max-warnings must be 0 or more (-1: no limit), not -2"},
	} {
		code, out, errs := runCLI(t, "", append(tt.args, sample)...)
		if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tt.args, code, out, errs, tt.want)
		}
	}
	// the edges that are allowed
	for _, args := range [][]string{{"--jobs", "0"}, {"--jobs", "1024"}, {"--max-warnings", "-1"}, {"--max-warnings", "3"}, {"--max-lines", "1000"},
		{"--include", "**/*.md"}, {"--exclude", "drafts/**"}} {
		if code, _, errs := runCLI(t, "", append(args, "--fail-on", "never", sample)...); code != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 0", args, code, errs)
		}
	}
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type jsonOut struct {
	Findings []struct {
		File                                 string
		Line, Column, EndLine, EndColumn     int
		Offset                               int
		EndOffset                            int `json:"end_offset"`
		Rule, Severity, Message, Explanation string
	}
	Summary struct{ Files, Error, Warning, Info int }
}

func TestBadInputFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "binary.txt", []byte("PK\x03\x04\x00\x00lorem ipsum dolor sit amet"))
	write(t, dir, "invalid.txt", []byte("Title\n\nBad \xff\xfe bytes. Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n"))
	write(t, dir, "crlf.md", []byte("# Title\r\n\r\nGood text.\r\n\r\nÜber den Fluss. Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\r\n"))
	write(t, dir, "utf16.txt", []byte("\xff\xfeL\x00o\x00"))
	write(t, dir, "empty.md", nil)
	write(t, dir, "ignored.bin", []byte("lorem ipsum dolor sit amet consectetur"))
	code, out, errs := runCLI(t, "", "--format", "json", dir)
	if code != 1 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(errs, "binary.txt: skipped: binary") || !strings.Contains(errs, "utf16.txt: skipped: UTF-16") {
		t.Errorf("no notices for skipped files: %q", errs)
	}
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range j.Findings {
		got[filepath.Base(f.File)] = strings.Join([]string{itoa(f.Line), itoa(f.Column)}, ":")
	}
	// positions: CRLF file line 5 after "Über den Fluss. " (16 characters)
	// → column 17; invalid file: "Bad " + 2 invalid bytes + " bytes. " → 15
	if got["crlf.md"] != "5:17" || got["invalid.txt"] != "3:15" || len(got) != 2 {
		t.Errorf("findings at %v", got)
	}
	if j.Summary.Files != 3 {
		t.Errorf("files linted %d, want 3 (crlf, invalid, empty)", j.Summary.Files)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestStdin(t *testing.T) {
	code, out, _ := runCLI(t, "# Head\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n", "--stdin-filename", "post.md", "--format", "json", "-")
	if code != 1 || !strings.Contains(out, `"file": "post.md"`) || !strings.Contains(out, `"line": 3`) {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	code, out, errs := runCLI(t, "", "../../testdata/sample.md", "--format", "json", "--fail-on=never")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Fatalf("exit %d, stderr %s, out %.80s", code, errs, out)
	}
}

func TestEnableDisable(t *testing.T) {
	code, out, _ := runCLI(t, "", "--disable", "placeholder", "--format", "json", "../../testdata/sample.md")
	if strings.Contains(out, "placeholder/") {
		t.Errorf("placeholder findings with the category disabled (exit %d)", code)
	}
}

// A file named more than once, in different spellings or also inside a
// folder given, is linted once, under the first name: not reported twice,
// nor as having the same headline as itself.
func TestSameFileOnce(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.md", []byte("# Council approves budget\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
	write(t, dir, "b.md", []byte("# Another headline\n\nText.\n"))
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, a)
	if err != nil {
		t.Skip("no relative path to the temporary folder")
	}
	_, out, errs := runCLI(t, "", "--format", "json", "--fail-on", "never", a, filepath.Join(dir, ".", "a.md"), rel, dir, a)
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("%v (stderr %s)", err, errs)
	}
	var got []string
	for _, f := range j.Findings {
		got = append(got, f.Rule)
		if f.File != a {
			t.Errorf("finding under %s, want %s", f.File, a)
		}
	}
	if j.Summary.Files != 2 || strings.Join(got, " ") != "placeholder/lorem-ipsum" {
		t.Errorf("%d files, findings %v; want 2 files and one lorem-ipsum finding", j.Summary.Files, got)
	}
}

func TestWalkRespectsGitignoreAndGlobs(t *testing.T) {
	dir := t.TempDir()
	filler := []byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n")
	write(t, dir, ".gitignore", []byte("build/\n*.draft.md\n"))
	write(t, dir, "a.md", filler)
	write(t, dir, "build/b.md", filler)
	write(t, dir, "c.draft.md", filler)
	write(t, dir, "node_modules/d.md", filler)
	write(t, dir, "sub/e.txt", filler)
	write(t, dir, "sub/f.html", filler)
	write(t, dir, "archive/g.md", filler)
	_, out, _ := runCLI(t, "", "--format", "json", "--exclude", "archive/**", dir)
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range j.Findings {
		rel, _ := filepath.Rel(dir, f.File)
		files = append(files, filepath.ToSlash(rel))
	}
	if strings.Join(files, " ") != "a.md sub/e.txt sub/f.html" {
		t.Errorf("linted %v", files)
	}
	_, out, _ = runCLI(t, "", "--format", "json", "--include", "**/*.txt", dir)
	if strings.Contains(out, "a.md") || !strings.Contains(out, "e.txt") {
		t.Errorf("--include not honoured:\n%s", out)
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"z.md", "a.md", "m/b.txt", "m/a.html"} {
		write(t, dir, n, []byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nText. Duis aute irure dolor in reprehenderit in voluptate.\n"))
	}
	_, first, _ := runCLI(t, "", "--format", "json", "-j", "4", dir)
	for i := 0; i < 5; i++ {
		_, again, _ := runCLI(t, "", "--format", "json", "-j", "4", dir)
		if again != first {
			t.Fatal("output differs between runs")
		}
	}
}

func TestSubcommands(t *testing.T) {
	code, out, _ := runCLI(t, "", "rules")
	if code != 0 || !strings.Contains(out, "placeholder/lorem-ipsum") {
		t.Errorf("rules: %d %s", code, out)
	}
	code, out, _ = runCLI(t, "", "explain", "placeholder/lorem-ipsum")
	if code != 0 || !strings.Contains(out, "Cicero") {
		t.Errorf("explain: %d %s", code, out)
	}
	// a category explains each of its rules, with their options
	code, out, _ = runCLI(t, "", "explain", "headline")
	for _, want := range []string{"headline/duplicate (headline,", "headline/near-duplicate (headline,", "headline/duplicate-across-files (headline,",
		"Options (rules.headline/duplicate.options in .draftlint.yml):\n  short_words: ", "\n  siblings_only: "} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain headline: exit %d, no %q in %s", code, want, out)
		}
	}
	if strings.Contains(out, "placeholder/") {
		t.Errorf("explain headline explains another category: %s", out)
	}
	code, out, _ = runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "draftlint ") {
		t.Errorf("version: %d %s", code, out)
	}
}

// After "--" every argument is a path, even one named like a subcommand:
// "draftlint -- rules" lints the file rules (it neither lists the rules
// nor, for init, writes a config).
func TestPathsAfterDoubleDashAreNeverSubcommands(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	for _, name := range []string{"rules", "explain", "init", "config", "baseline", "hook", "version", "help"} {
		write(t, dir, name, []byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
		for _, args := range [][]string{
			{"--fail-on", "warning", "--format", "json", "--", name},
			{"-f", "json", "--fail-on=warning", "--", name},
		} {
			code, out, errs := runCLI(t, "", args...)
			if code != 1 || !strings.Contains(out, `"file": "`+name+`"`) {
				t.Errorf("%v: exit %d, want 1 with a finding in %s\nstdout %.200s\nstderr %s", args, code, name, out, errs)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".draftlint.yml")); err == nil {
			t.Fatalf("-- %s wrote a config", name)
		}
	}
	// the subcommands themselves still run
	if code, out, _ := runCLI(t, "", "rules"); code != 0 || !strings.Contains(out, "placeholder/lorem-ipsum") {
		t.Errorf("rules: exit %d", code)
	}
}

// Front matter that YAML cannot read fails the run with a finding naming
// the file and the line, and the body is still linted: before, its fields
// (here a title with TK) went unchecked without a word and the run passed.
func TestInvalidFrontMatterIsReported(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "trams.md", []byte("---\ntitle: Trams TK\nsummary: The line: it runs again\n---\n\n# Trams return\n\nThe first tram ran on Monday, TBD.\n"))
	code, out, errs := runCLI(t, "", "--compact", "--color", "never", p)
	if code != 1 || !strings.Contains(out, p+":3:1: error: front matter is not valid YAML: mapping values are not allowed in this context") ||
		!strings.Contains(out, p+":8:") {
		t.Errorf("exit %d, want 1 with the front matter's line and the body's marker\n%s%s", code, out, errs)
	}
	// valid front matter: no such finding
	q := write(t, dir, "ok.md", []byte("---\ntitle: \"Trams: the line runs again\"\n---\n\nThe first tram ran on Monday.\n"))
	if code, out, errs := runCLI(t, "", "--compact", q); code != 0 || strings.Contains(out, "front-matter") {
		t.Errorf("valid front matter: exit %d\n%s%s", code, out, errs)
	}
}

// No draft text and no file name reaches the terminal raw: a crafted draft
// or file name must not set the window title, write the clipboard (OSC 52),
// clear the screen or reorder text, in the report (header, finding lines,
// excerpts, fix previews), the github annotations, or the notices.
func TestNoTerminalInjection(t *testing.T) {
	dir := t.TempDir()
	osc := "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\u009b2J\u202e"
	name := "evil\x1b]2;title\x07\u202e.md"
	// the filler's fix preview shows the whole line, escapes and all; a
	// clipped, unterminated OSC at the end would swallow what follows
	write(t, dir, name, []byte("# Head "+osc+"\n\nIntro "+osc+" text. Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor. TK "+osc+strings.Repeat("x", 400)+"\x1b]0;clipped\n"))
	write(t, dir, "bin\x1b[2J.md", []byte("bin\x00ary"))
	sgr := regexp.MustCompile(`\x1b\[[0-9;]*m`) // colour, which --color always writes
	for _, args := range [][]string{{"--color", "always"}, {"--color", "never"}, {"--compact"}, {"-f", "github"}, {"-f", "json"}, {"-f", "sarif"}, {"-f", "rdjsonl"}, {"-f", "checkstyle"}, {"-f", "junit"}} {
		_, out, errs := runCLI(t, "", append(args, dir)...)
		for what, s := range map[string]string{"report": out, "stderr": errs} {
			s = sgr.ReplaceAllString(s, "")
			if i := strings.IndexAny(s, "\x1b\x07\u009b\u202e"); i >= 0 {
				t.Errorf("%v: raw control sequence in the %s at %d: %q", args, what, i, s[max(0, i-40):min(len(s), i+40)])
			}
		}
		if args[0] == "--color" && !strings.Contains(sgr.ReplaceAllString(out, ""), `evil\x1b]2;title\x07\u202e.md:`) {
			t.Errorf("%v: the file name is not shown escaped:\n%s", args, out)
		}
		if !strings.Contains(errs, `bin\x1b[2J.md: skipped`) {
			t.Errorf("%v: the notice does not name the file escaped: %q", args, errs)
		}
	}
}
