package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --version and -v print what the version command prints, and a build
// without version information still says which version it is.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		code, out, errs := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "draftlint v") || strings.Contains(out, "(devel)") || errs != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// "draftlint help" is the help, not a file named help (-- help is the file).
func TestHelpCommand(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help"}, 0, "draftlint [flags] PATH..."},
		{[]string{"help", "explain"}, 0, "draftlint explain [command options] RULE|CATEGORY"},
		{[]string{"help", "nosuch"}, 2, `no command "nosuch"`},
		{[]string{"--", "help"}, 2, "help: no such file or directory"},
		{[]string{"--help"}, 0, "GLOBAL OPTIONS"},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, "", c.args...)
		if code != c.code || !strings.Contains(out+errs, c.want) {
			t.Errorf("%v: exit %d, want %d and %q\n%s%s", c.args, code, c.code, c.want, out, errs)
		}
	}
}

// Each flag's default is printed once in --help.
func TestHelpDefaultsOnce(t *testing.T) {
	_, out, _ := runCLI(t, "", "--help")
	for _, l := range strings.Split(out, "\n") {
		if strings.Count(l, "(default:") > 1 {
			t.Errorf("default printed twice: %s", l)
		}
	}
	for _, want := range []string{"(default: one per CPU)", "(default: no limit)"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

func TestMaxWarningsSingular(t *testing.T) {
	p := write(t, t.TempDir(), "a.md", []byte("# Trams\n\nNearly every city has one, experts say.\n"))
	code, _, errs := runCLI(t, "", "--enable", "claim/weasel-attribution", "--max-warnings", "0", p)
	if code != 1 || !strings.Contains(errs, "draftlint: 1 warning, more than --max-warnings 0") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// Shell completion and the manual page come from the command's own
// definition.
func TestCompletionAndMan(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"completion", "bash"}, 0, []string{"--generate-bash-completion", "complete -o default -o bashdefault -F _draftlint draftlint"}},
		{[]string{"completion", "fish"}, 0, []string{"complete -c draftlint", "-l fail-on", "explain"}},
		{[]string{"completion", "tcsh"}, 2, []string{`no script for "tcsh"`}},
		{[]string{"--generate-bash-completion"}, 0, []string{"explain\n", "baseline\n"}},
		{[]string{"man"}, 0, []string{".TH draftlint 1", "--fail-on", "explain"}},
	}
	args := os.Args
	defer func() { os.Args = args }()
	for _, c := range cases {
		// urfave/cli reads the words to complete from os.Args
		os.Args = append([]string{"draftlint"}, c.args...)
		code, out, errs := runCLI(t, "", c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out+errs, w) {
				t.Errorf("%v: output lacks %q\n%s%s", c.args, w, out, errs)
			}
		}
	}
}

// --also writes more reports of the same run, each to its file (a comma
// in the name is kept).
func TestAlso(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.md", []byte("# Budget\n\nThe figure is TK.\n"))
	sarif, js := filepath.Join(dir, "r,1.sarif"), filepath.Join(dir, "r.json")
	code, out, errs := runCLI(t, "", "--format", "github", "--also", "sarif="+sarif, "--also", "json="+js, p)
	if code != 1 || !strings.Contains(out, "::error file=") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, f := range []string{sarif, js} {
		data, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(data), "placeholder/marker") {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
	for _, bad := range []string{"sarif", "nope=x.txt", "sarif=", "json=" + js + "x", "sarif=" + p} {
		args := []string{"--also", bad, "--also", "json=" + js + "x", p}
		if code, _, errs := runCLI(t, "", args...); code != 2 || !strings.Contains(errs, "--also") {
			t.Errorf("--also %s: exit %d, %s", bad, code, errs)
		}
	}
}
