package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository's top folder, seen from this package.
const repoRoot = "../.."

// pre-commit must give every staged file to one draftlint run: in parallel
// batches the cross-file findings (duplicate titles) across batches are
// lost and each batch prints its own summary.
func TestPreCommitHookIsSerial(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		RequireSerial *bool  `yaml:"require_serial"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no hook defined")
	}
	for _, h := range hooks {
		if h.RequireSerial == nil || !*h.RequireSerial {
			t.Errorf("hook %s: require_serial must be true (one run sees every staged file)", h.ID)
		}
	}
}

// .ci/run makes sure git is there before it asks git for the files gofmt
// checks: without git, gofmt was given no file and the check passed.
// The script runs here with stand-ins for go, gofmt and apt-get, on a PATH
// without git; apt-get fails, so the script must stop there, before gofmt.
func TestCIRunNeedsGitBeforeGofmt(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "calls.log")
	stub := func(name, body string) {
		script := "#!/bin/sh\necho " + name + " \"$@\" >>" + log + "\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stub("go", `case "$1" in env) echo /nonexistent;; esac; exit 0`)
	stub("gofmt", "exit 0")
	stub("golangci-lint", "exit 0")
	stub("chromium", "exit 0")
	stub("apt-get", "exit 1")
	for _, tool := range []string{"dirname", "cat"} {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd := exec.Command(bash, filepath.Join(repoRoot, ".ci", "run"))
	cmd.Env = []string{"PATH=" + bin, "HOME=" + bin}
	out, err := cmd.CombinedOutput()
	calls, _ := os.ReadFile(log)
	if err == nil {
		t.Errorf(".ci/run passed without git\n%s\ncalls:\n%s", out, calls)
	}
	if strings.Contains(string(calls), "gofmt") {
		t.Errorf(".ci/run ran gofmt before making sure git is installed\n%s\ncalls:\n%s", out, calls)
	}
	if !strings.Contains(string(calls), "apt-get") {
		t.Errorf(".ci/run did not try to install git\n%s\ncalls:\n%s", out, calls)
	}
}
