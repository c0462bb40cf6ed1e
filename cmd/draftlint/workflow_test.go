package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needGit skips a test that runs git when git is not installed.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
}

// repo makes a temporary git repository and changes into it.
func repo(t *testing.T) string {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	gitRun(t, "init", "-q", "-b", "main")
	gitRun(t, "config", "user.email", "test@draftlint.test")
	gitRun(t, "config", "user.name", "Test")
	gitRun(t, "config", "commit.gpgsign", "false")
	return dir
}

func gitRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

const clean = "# Trams return\n\nThe first tram ran on Monday.\n\nRiders liked it.\n"

func TestNewFromRev(t *testing.T) {
	repo(t)
	write(t, ".", "story.md", []byte("# Trams return\n\nThe figure is TK.\n\nRiders liked it.\n"))
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "-m", "first")
	// a new marker on another line; the old one stays
	write(t, ".", "story.md", []byte("# Trams return\n\nThe figure is TK.\n\nRiders liked it, TBD.\n"))
	write(t, ".", "new.md", []byte("# New\n\nAlso TK.\n"))
	code, out, errs := runCLI(t, "", "--compact", "--new-from-rev", "HEAD", "story.md", "new.md")
	if code != 1 || strings.Contains(out, "story.md:3:") || !strings.Contains(out, "story.md:5:") || !strings.Contains(out, "new.md:3:") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runCLI(t, "", "--new-from-rev", "no-such-rev", "story.md")
	if code != 2 || !strings.Contains(errs, `"no-such-rev" is not a revision`) {
		t.Errorf("bad rev: exit %d, %s", code, errs)
	}
}

// --staged outside a repository says so in one line (git diff --cached
// there answers with its whole usage).
func TestStagedOutsideRepo(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	_ = os.Chdir(dir)
	defer func() { _ = os.Chdir(wd) }()
	code, out, errs := runCLI(t, "", "--staged")
	if code != 2 || strings.TrimSpace(errs) != "draftlint: --staged: not inside a git repository" || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestNewFromRevOutsideRepo(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	p := write(t, dir, "a.md", []byte(clean))
	wd, _ := os.Getwd()
	_ = os.Chdir(dir)
	defer func() { _ = os.Chdir(wd) }()
	code, _, errs := runCLI(t, "", "--new-from-rev", "HEAD", p)
	if code != 2 || !strings.Contains(errs, "not inside a git repository") {
		t.Errorf("exit %d, %s", code, errs)
	}
}

// Without git, --staged and --new-from-rev say that git is not installed
// (not that HEAD is no revision).
func TestGitNotInstalled(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.md", []byte(clean))
	t.Setenv("PATH", dir) // no git here
	for _, args := range [][]string{{"--new-from-rev", "HEAD", p}, {"--staged"}} {
		code, out, errs := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errs, "git is not installed") || strings.Contains(errs, "not a revision") || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// --format junit fails a file's test case only for what fails the run.
func TestJUnitFailOn(t *testing.T) {
	p := write(t, t.TempDir(), "a.md", []byte("# Budget\n\nThe figure is TK.\n"))
	for _, c := range []struct{ failOn, want string }{{"error", `failures="1"`}, {"never", `failures="0"`}} {
		code, out, errs := runCLI(t, "", "--format", "junit", "--fail-on", c.failOn, p)
		if !strings.Contains(out, c.want) || (code == 0) != (c.failOn == "never") {
			t.Errorf("--fail-on %s: exit %d, want %s\n%s%s", c.failOn, code, c.want, out, errs)
		}
	}
}

func TestBaseline(t *testing.T) {
	repo(t)
	write(t, ".", "a.md", []byte("# Budget\n\nThe figure is TK.\n\nIt was TBD last year.\n"))
	code, out, errs := runCLI(t, "", "baseline", "write", "base.json", ".")
	if code != 0 || !strings.Contains(out, "wrote 2 findings to base.json") {
		t.Fatalf("baseline write: exit %d %s %s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "--baseline", "base.json", "--compact", ".")
	if code != 0 || strings.Contains(out, "error:") {
		t.Errorf("with the baseline nothing is new: exit %d\n%s", code, out)
	}
	// an unrelated edit above moves the lines: the baseline still holds
	write(t, ".", "a.md", []byte("# Budget\n\nA new first paragraph.\n\nThe figure is TK.\n\nIt was TBD last year.\n\nThe venue is TK.\n"))
	code, out, _ = runCLI(t, "", "--baseline", "base.json", "--compact", ".")
	if code != 1 || strings.Count(out, "error:") != 1 || !strings.Contains(out, ":9:") {
		t.Errorf("only the new finding should fail: exit %d\n%s", code, out)
	}
	code, _, errs = runCLI(t, "", "--baseline", "missing.json", ".")
	if code != 2 || !strings.Contains(errs, "missing.json") {
		t.Errorf("missing baseline: exit %d %s", code, errs)
	}
}

func TestMaxWarnings(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.md", []byte("# A\n\nExperts say it works. Studies show it helps.\n"))
	code, _, _ := runCLI(t, "", "--enable", "claim/weasel-attribution", "--max-warnings", "1", p)
	if code != 1 {
		t.Errorf("2 warnings over --max-warnings 1: exit %d", code)
	}
	code, _, _ = runCLI(t, "", "--enable", "claim/weasel-attribution", "--max-warnings", "2", p)
	if code != 0 {
		t.Errorf("2 warnings within --max-warnings 2: exit %d", code)
	}
}

func TestHookLintsTheStagedVersion(t *testing.T) {
	dir := repo(t)
	// install the hook with a real binary, as a user would
	bin := filepath.Join(t.TempDir(), "draftlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "hook", "install").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "pre-commit") {
		t.Fatalf("hook install: %v %s", err, out)
	}
	// the hook finds draftlint on PATH when it runs
	t.Setenv("PATH", filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	// staged: a draft with filler; working tree: the filler removed
	write(t, ".", "story.md", []byte("# Story\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
	gitRun(t, "add", "story.md")
	write(t, ".", "story.md", []byte(clean))
	commit := exec.Command("git", "commit", "-q", "-m", "with filler")
	msg, err := commit.CombinedOutput()
	if err == nil || !strings.Contains(string(msg), "lorem ipsum") {
		t.Fatalf("the hook let staged filler through: %v\n%s", err, msg)
	}
	// stage the clean version: the commit goes through
	gitRun(t, "add", "story.md")
	if msg, err := exec.Command("git", "commit", "-q", "-m", "clean").CombinedOutput(); err != nil {
		t.Fatalf("clean commit refused: %v\n%s", err, msg)
	}
	// a file that is not a draft is not linted
	write(t, ".", "notes.bin", []byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit."))
	gitRun(t, "add", "notes.bin")
	if msg, err := exec.Command("git", "commit", "-q", "-m", "bin").CombinedOutput(); err != nil {
		t.Fatalf("non-draft commit refused: %v\n%s", err, msg)
	}
	// an existing foreign hook is not replaced without --force
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	_ = os.WriteFile(hook, []byte("#!/bin/sh\nexit 0\n"), 0o755)
	if out, err := exec.Command(bin, "hook", "install").CombinedOutput(); err == nil || !strings.Contains(string(out), "--force") {
		t.Errorf("foreign hook replaced: %s", out)
	}
}

// pkgDir is this package's folder: tests start there, before repo()
// changes into a temporary repository.
var pkgDir, _ = os.Getwd()

func TestConfigFileIsFoundAndApplied(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".draftlint.yml", []byte("rules:\n  placeholder/marker: off\nexclude: [\"archive/**\"]\n"))
	write(t, dir, "sub/a.md", []byte("# A\n\nThe figure is TK.\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
	write(t, dir, "archive/old.md", []byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
	write(t, dir, "other/.draftlint.yml", []byte("rules:\n  placeholder: off\n"))
	write(t, dir, "other/b.md", []byte("# B\n\nTK and lorem ipsum dolor sit amet consectetur adipiscing.\n"))
	_, out, errs := runCLI(t, "", "--compact", dir)
	if strings.Contains(out, "marker") || !strings.Contains(out, "sub/a.md:5:1") || strings.Contains(out, "archive") || strings.Contains(out, "b.md") {
		t.Errorf("config not applied:\n%s%s", out, errs)
	}
	// flags win over the file
	_, out, _ = runCLI(t, "", "--compact", "--enable", "placeholder/marker", filepath.Join(dir, "sub"))
	if !strings.Contains(out, "marker") || strings.Contains(out, "lorem") {
		t.Errorf("--enable did not win:\n%s", out)
	}
	// a broken config is a usage error naming file and line
	write(t, dir, "bad/.draftlint.yml", []byte("rules:\n  nope: off\n"))
	write(t, dir, "bad/c.md", []byte(clean))
	code, _, errs := runCLI(t, "", filepath.Join(dir, "bad", "c.md"))
	if code != 2 || !strings.Contains(errs, ".draftlint.yml:2: unknown rule or category \"nope\"") {
		t.Errorf("bad config: exit %d %s", code, errs)
	}
	code, out, _ = runCLI(t, "", "config", filepath.Join(dir, "sub", "a.md"))
	if code != 0 || !strings.Contains(out, "placeholder/marker: off") || !strings.Contains(out, "exclude: [\"archive/**\"]") {
		t.Errorf("config command: %d\n%s", code, out)
	}
}

// TestConfigSeverityWinsOverClaimStrength: a strong claim is an error by
// default, but a severity set in the config, for the category or the rule,
// is the severity of every finding.
func TestConfigSeverityWinsOverClaimStrength(t *testing.T) {
	strong := []byte("# Trams\n\nHalf of all trips in the city are now made by public transport, and nearly every district has a tram stop.\n")
	for _, c := range []struct{ config, want string }{
		{"", "error"},
		{"rules:\n  claim: warning\n", "warning"},
		{"rules:\n  claim/unsupported: info\n", "info"},
		{"rules:\n  claim: error\n  claim/unsupported: warning\n", "warning"},
	} {
		dir := t.TempDir()
		if c.config != "" {
			write(t, dir, ".draftlint.yml", []byte(c.config))
		}
		write(t, dir, "a.md", strong)
		_, out, errs := runCLI(t, "", "--format", "json", "--fail-on", "never", filepath.Join(dir, "a.md"))
		var rep struct {
			Findings []struct{ Rule, Severity string }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%q: %v\n%s%s", c.config, err, out, errs)
		}
		n := 0
		for _, f := range rep.Findings {
			if f.Rule == "claim/unsupported" {
				n++
				if f.Severity != c.want {
					t.Errorf("config %q: severity %s, want %s", c.config, f.Severity, c.want)
				}
			}
		}
		if n != 1 {
			t.Errorf("config %q: %d claim/unsupported findings, want 1\n%s", c.config, n, out)
		}
	}
}

// --fix and --diff mend only what the report shows: not the findings
// --new-from-rev leaves out (on lines not changed since the revision) nor
// those the --baseline records.
func TestFixAndDiffOnlyWhatTheReportShows(t *testing.T) {
	repo(t)
	const old = "# Budget\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nThe council met.\n"
	const now = old + "\nDuis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.\n"
	write(t, ".", "a.md", []byte(old))
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "-m", "first")
	if code, out, errs := runCLI(t, "", "baseline", "write", "base.json", "a.md"); code != 0 {
		t.Fatalf("baseline write: exit %d %s %s", code, out, errs)
	}
	for _, gate := range [][]string{{"--new-from-rev", "HEAD"}, {"--baseline", "base.json"}} {
		write(t, ".", "a.md", []byte(now))
		code, diff, errs := runCLI(t, "", append(gate, "--diff", "a.md")...)
		if code != 1 || strings.Contains(diff, "-Lorem") || !strings.Contains(diff, "-Duis aute") {
			t.Errorf("%v --diff: exit %d, want 1 and only the new filler removed\n%s%s", gate, code, diff, errs)
		}
		code, out, errs := runCLI(t, "", append(gate, "--fix", "--compact", "a.md")...)
		if got, _ := os.ReadFile("a.md"); !strings.HasPrefix(string(got), old) || strings.Contains(string(got), "Duis") || code != 0 {
			t.Errorf("%v --fix: exit %d, want 0; file now %q\n%s%s", gate, code, got, out, errs)
		}
	}
}

// --staged --fix fixes each staged file on its own, in its working-tree
// copy and only when that copy is the staged version; it never writes the
// index, never passes a run whose staged files have findings, and never
// puts one file's text into another or on standard output. Before, every
// staged file was taken for standard input: the last one's fixed text was
// printed, the others were linted again as that text, and the hook passed.
func TestStagedFixEachFileOnItsOwn(t *testing.T) {
	repo(t)
	a := "# Budget\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nThe council met on Monday.\n"
	b := "# Trams\n\nDuis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.\n\nThe first tram ran on Tuesday.\n"
	c := "# Parks\n\nUt enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi.\n\nThe park opened.\n"
	write(t, ".", "a.md", []byte(a))
	write(t, ".", "b.md", []byte(b))
	write(t, ".", "c.md", []byte(c))
	gitRun(t, "add", ".")
	write(t, ".", "c.md", []byte(c+"\nAn unstaged line.\n")) // the working tree differs from the index
	code, out, errs := runCLI(t, "", "--staged", "--fix", "--compact")
	if code == 0 {
		t.Errorf("--staged --fix passed with filler staged\n%s%s", out, errs)
	}
	if strings.Contains(out, "The council met") || strings.Contains(out, "The first tram") {
		t.Errorf("a file's text on standard output:\n%s", out)
	}
	for name, keep := range map[string]string{"a.md": "The council met on Monday.", "b.md": "The first tram ran on Tuesday."} {
		got, _ := os.ReadFile(name)
		if strings.Contains(string(got), "dolor") || !strings.Contains(string(got), keep) {
			t.Errorf("%s in the working tree: %q", name, got)
		}
		if staged := gitRun(t, "show", ":"+name); !strings.Contains(staged, "dolor") {
			t.Errorf("%s: the index was written: %q", name, staged)
		}
		if !strings.Contains(errs, name+": 1 fix applied to the working-tree copy, not staged") {
			t.Errorf("no notice for %s: %s", name, errs)
		}
		// the report is of the staged versions: their findings still stop the commit
		if !strings.Contains(out, name+":3:1:") {
			t.Errorf("the staged %s's finding is not reported:\n%s", name, out)
		}
	}
	if got, _ := os.ReadFile("c.md"); string(got) != c+"\nAn unstaged line.\n" || !strings.Contains(errs, "c.md: not fixed: the working-tree copy differs from the staged version") {
		t.Errorf("c.md with unstaged changes: %q\n%s", got, errs)
	}
	// standard input beside the staged files is refused
	if code, _, errs := runCLI(t, "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n", "--staged", "--fix", "-"); code != 2 || !strings.Contains(errs, "--staged --fix does not take -") {
		t.Errorf("--staged --fix -: exit %d, %s", code, errs)
	}
}
