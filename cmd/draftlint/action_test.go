package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionFile is the part of action.yml the tests read.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// The action's inputs reach its scripts only through environment
// variables: an expression pasted into a script is shell code (a path with
// spaces splits, a crafted input runs commands).
func TestActionInputsPassedSafely(t *testing.T) {
	a := readAction(t)
	used := map[string]bool{}
	inputRef := regexp.MustCompile(`^\$\{\{\s*inputs\.([a-z-]+)\s*\}\}$`)
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q: an expression inside run: %q", s.Name, s.Run)
		}
		for _, v := range s.Env {
			if m := inputRef.FindStringSubmatch(v); m != nil {
				used[m[1]] = true
			}
		}
		if strings.Contains(s.Uses, "setup-go") {
			t.Errorf("step %q changes the job's Go for the steps after it", s.Name)
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is not passed to any step in an environment variable", name)
		}
	}
	lints := 0
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "lint.sh") {
			lints++
		}
	}
	if lints != 1 {
		t.Errorf("%d lint steps, want one run that writes the annotations and the SARIF file", lints)
	}
}

// The action's steps, run with bash as the runner would run them: the
// build step builds draftlint from this checkout, and the lint step's one
// run prints annotations, writes SARIF and exits with draftlint's code, as
// --fail-on in args says.
func TestActionSteps(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	step := func(script string, env map[string]string, dir string) (int, string, map[string]string) {
		t.Helper()
		outFile := filepath.Join(tmp, "github_output")
		_ = os.Remove(outFile)
		cmd := exec.Command(bash, filepath.Join(root, "scripts", "action", script))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+outFile)
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{}
		data, _ := os.ReadFile(outFile)
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				outputs[k] = v
			}
		}
		return code, string(out), outputs
	}
	code, out, o := step("key.sh", nil, root)
	if code != 0 || !strings.HasPrefix(o["key"], "draftlint-bin-") {
		t.Fatalf("key step: exit %d, outputs %v\n%s", code, o, out)
	}
	code, out, o = step("build.sh", map[string]string{"ACTION_REF": "v9.8.7-test"}, root)
	bin := o["bin"]
	if code != 0 || bin == "" {
		t.Fatalf("build step: exit %d, outputs %v\n%s", code, o, out)
	}
	if v, err := exec.Command(bin, "version").Output(); err != nil || string(v) != "draftlint v9.8.7-test\n" {
		t.Errorf("the built draftlint says %q (%v), want the action's ref", v, err)
	}
	// the cache restored it: no build
	if code, out, _ = step("build.sh", nil, root); code != 0 || !strings.Contains(out, "from the cache") {
		t.Errorf("second build: exit %d\n%s", code, out)
	}

	work := t.TempDir()
	write(t, work, "My draft.md", []byte("# Trams\n\nNearly every city has one, experts say.\n")) // warnings only
	write(t, work, "Zürich.md", []byte("# Zürich\n\nThe tram ran on Monday.\n"))
	env := func(args string) map[string]string {
		return map[string]string{"DRAFTLINT": bin, "INPUT_PATHS": "My draft.md\n  Zürich.md \n", "INPUT_ARGS": args, "INPUT_SARIF": "out dir.sarif"}
	}
	for _, c := range []struct {
		args string
		code int
	}{{"--fail-on warning", 1}, {"", 0}, {"--fail-on warning --fail-on never", 0}} {
		_ = os.Remove(filepath.Join(work, "out dir.sarif"))
		code, out, o := step("lint.sh", env(c.args), work)
		if code != c.code || o["exit-code"] != strconv.Itoa(c.code) {
			t.Errorf("args %q: exit %d (output %q), want %d\n%s", c.args, code, o["exit-code"], c.code, out)
		}
		if !strings.Contains(out, "::warning file=My draft.md,line=3,") {
			t.Errorf("args %q: no annotation\n%s", c.args, out)
		}
		data, err := os.ReadFile(filepath.Join(work, "out dir.sarif"))
		var log struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		if err != nil || json.Unmarshal(data, &log) != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != strings.Count(out, "::warning ") {
			t.Errorf("args %q: the SARIF file is not the same run's report (%v)\n%s", c.args, err, data)
		}
	}
	// inputs are data, never shell code
	code, out, _ = step("lint.sh", map[string]string{"DRAFTLINT": bin, "INPUT_PATHS": "$(touch pwned-paths)\n*.md", "INPUT_ARGS": "$(touch pwned-args) `touch pwned-tick`"}, work)
	for _, f := range []string{"pwned-paths", "pwned-args", "pwned-tick"} {
		if _, err := os.Stat(filepath.Join(work, f)); err == nil {
			t.Errorf("an input ran a command (%s)\n%s", f, out)
		}
	}
	if code != 2 {
		t.Errorf("crafted inputs: exit %d, want 2 (a usage error)\n%s", code, out)
	}
}
