//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hook install never writes through a symbolic link (a team's shared hook
// script): it refuses, or with --force replaces the link itself and says
// so. It replaces without --force only the hook it wrote itself, not a
// script that merely mentions draftlint.
func TestHookInstallLeavesOthersHooksAlone(t *testing.T) {
	dir := repo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	shared := write(t, dir, "tools/shared-hook.sh", []byte("#!/bin/sh\n# the team's checks\nmake lint\n"))
	sharedText, _ := os.ReadFile(shared)
	if err := os.MkdirAll(filepath.Dir(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "../../tools/shared-hook.sh", hook)

	code, out, errs := runCLI(t, "", "hook", "install")
	if code != 2 || !strings.Contains(errs, "pre-commit is a symbolic link (to ../../tools/shared-hook.sh)") || !strings.Contains(errs, "--force") {
		t.Errorf("a linked hook: exit %d, out %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(shared); string(got) != string(sharedText) {
		t.Fatalf("the shared hook was written through the link: %q", got)
	}
	code, out, errs = runCLI(t, "", "hook", "install", "--force")
	if code != 0 || !strings.Contains(out, "replaced the symbolic link") || !strings.Contains(out, "to ../../tools/shared-hook.sh, left as it was") {
		t.Errorf("--force on a linked hook: exit %d, out %q, stderr %q", code, out, errs)
	}
	if got, _ := os.ReadFile(shared); string(got) != string(sharedText) {
		t.Fatalf("--force wrote through the link: %q", got)
	}
	if st, err := os.Lstat(hook); err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o755 {
		t.Fatalf("the hook is not draftlint's own executable file: %v %v", st, err)
	}
	mine, _ := os.ReadFile(hook)
	if !ownHook.Match(mine) {
		t.Fatalf("the hook written is not recognised as draftlint's: %q", mine)
	}
	// draftlint's own hook (an earlier version's, from any binary) is
	// replaced without --force
	other := fmt.Sprintf(legacyHookScript, "'/opt/draft lint/bin/draftlint'")
	if err := os.WriteFile(hook, []byte(other), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "", "hook", "install"); code != 0 || !strings.Contains(out, "installed") {
		t.Errorf("draftlint's own hook: exit %d, out %q, stderr %q", code, out, errs)
	}
	// a custom hook that mentions draftlint, or draftlint's hook edited
	for _, custom := range []string{
		"#!/bin/sh\n# runs the draftlint pre-commit hook, then our own checks\ndraftlint --staged || exit 1\nmake test\n",
		other + "make test\n",
	} {
		if err := os.WriteFile(hook, []byte(custom), 0o755); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCLI(t, "", "hook", "install")
		if got, _ := os.ReadFile(hook); string(got) != custom || code != 2 || !strings.Contains(errs, "is not the hook draftlint wrote; use --force") {
			t.Errorf("custom hook %q: exit %d, stderr %q, replaced %v", custom, code, errs, string(got) != custom)
		}
	}
}

// The hook finds draftlint on PATH when git runs it (a moved or upgraded
// binary does not break every commit), says so clearly when it is missing,
// and leaves the colour to draftlint (only on a terminal).
func TestHookFindsDraftlintOnPath(t *testing.T) {
	dir := repo(t)
	if code, out, errs := runCLI(t, "", "hook", "install"); code != 0 {
		t.Fatalf("hook install: exit %d %s %s", code, out, errs)
	}
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	text, err := os.ReadFile(hook)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), "--color") || !strings.Contains(string(text), "\nexec draftlint --staged\n") {
		t.Errorf("the hook forces colour or names a binary's path:\n%s", text)
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	// no draftlint on PATH: a message that says what to do, exit 1
	empty := t.TempDir()
	cmd := exec.Command(sh, hook)
	cmd.Env = []string{"PATH=" + empty}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "draftlint is not on PATH") || !strings.Contains(string(out), "--no-verify") {
		t.Errorf("without draftlint: %v\n%s", err, out)
	}
	// a draftlint on PATH (a stand-in that records its arguments) is run
	bin := t.TempDir()
	argsFile := filepath.Join(bin, "args")
	write(t, bin, "draftlint", []byte("#!/bin/sh\necho \"$@\" >"+argsFile+"\nexit 3\n"))
	if err := os.Chmod(filepath.Join(bin, "draftlint"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(sh, hook)
	cmd.Env = []string{"PATH=" + bin + string(os.PathListSeparator) + filepath.Dir(sh)}
	out, err = cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("the hook's exit is not draftlint's: %v\n%s", err, out)
	}
	if args, _ := os.ReadFile(argsFile); string(args) != "--staged\n" {
		t.Errorf("draftlint ran with %q, want --staged alone", args)
	}
}

// hook uninstall removes draftlint's hook (this version's or an earlier
// one's) and nothing else.
func TestHookUninstall(t *testing.T) {
	dir := repo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	if code, out, _ := runCLI(t, "", "hook", "uninstall"); code != 0 || !strings.Contains(out, "no pre-commit hook to remove") {
		t.Errorf("nothing installed: exit %d %q", code, out)
	}
	runCLI(t, "", "hook", "install")
	if code, out, errs := runCLI(t, "", "hook", "uninstall"); code != 0 || !strings.Contains(out, "removed ") {
		t.Errorf("uninstall: exit %d %q %q", code, out, errs)
	}
	if _, err := os.Lstat(hook); err == nil {
		t.Fatal("the hook is still there")
	}
	legacy := fmt.Sprintf(legacyHookScript, "/usr/local/bin/draftlint")
	write(t, filepath.Dir(hook), "pre-commit", []byte(legacy))
	if code, out, errs := runCLI(t, "", "hook", "uninstall"); code != 0 || !strings.Contains(out, "removed ") {
		t.Errorf("an earlier version's hook: exit %d %q %q", code, out, errs)
	}
	for _, custom := range []string{"#!/bin/sh\ndraftlint --staged || exit 1\nmake test\n", hookScript + "make test\n"} {
		write(t, filepath.Dir(hook), "pre-commit", []byte(custom))
		code, _, errs := runCLI(t, "", "hook", "uninstall")
		if got, _ := os.ReadFile(hook); string(got) != custom || code != 2 || !strings.Contains(errs, "is not the hook draftlint wrote") {
			t.Errorf("custom hook %q: exit %d, %q, kept %v", custom, code, errs, string(got) == custom)
		}
	}
	_ = os.Remove(hook)
	shared := write(t, dir, "tools/hook.sh", []byte(hookScript))
	symlink(t, shared, hook)
	if code, _, errs := runCLI(t, "", "hook", "uninstall"); code != 2 || !strings.Contains(errs, "not a regular file") {
		t.Errorf("a linked hook: exit %d %q", code, errs)
	}
	if _, err := os.Stat(shared); err != nil {
		t.Errorf("the linked script is gone: %v", err)
	}
}
