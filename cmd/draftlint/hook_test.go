//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"fmt"
	"os"
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
	// draftlint's own hook (from any binary) is replaced without --force
	other := fmt.Sprintf(hookScript, "'/opt/draft lint/bin/draftlint'")
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
