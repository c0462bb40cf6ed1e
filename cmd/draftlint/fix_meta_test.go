//go:build linux || darwin || freebsd || netbsd

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

const fixedText = "Title of the piece\r\n\r\nStraße 5, 10178 Berlin\r\nTel. +49 30 2345678 — Größe ünïcode\r\n\r\nThe end of the draft.\r\n"

func statT(t *testing.T, p string) *syscall.Stat_t {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t)
}

// A file with two names (a hard link) is fixed under both: the fix writes
// through the file, not a new file renamed over one name.
func TestFixKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(fixable))
	b := filepath.Join(dir, "b.txt")
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	ino := statT(t, a).Ino
	if code, _, errs := runCLI(t, "", "--fix", a); code != 0 || !strings.Contains(errs, "2 fixes applied") {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, p := range []string{a, b} {
		if got, _ := os.ReadFile(p); string(got) != fixedText {
			t.Errorf("%s after the fix: %q", filepath.Base(p), got)
		}
		if st := statT(t, p); st.Ino != ino || st.Nlink != 2 {
			t.Errorf("%s: inode %d (was %d), %d links: the hard link was broken", filepath.Base(p), st.Ino, ino, st.Nlink)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("folder holds %d entries, want 2", len(entries))
	}
}

// The fixed file keeps its owner and group, every mode bit (setgid
// included) and its extended attributes.
func TestFixKeepsOwnerModeAndXattrs(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "draft.txt", []byte(fixable))
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		uid, gid = 65534, 65534 // root can give the file away: the fix must keep it so
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(p, 0o640|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	xattr := true
	if err := unix.Setxattr(p, "user.draftlint.test", []byte("kept"), 0); err != nil {
		t.Logf("this file system refuses user.* extended attributes (%v): not tested", err)
		xattr = false
	}
	ino := statT(t, p).Ino
	if code, _, errs := runCLI(t, "", "--fix", p); code != 0 || !strings.Contains(errs, "2 fixes applied") {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if got, _ := os.ReadFile(p); string(got) != fixedText {
		t.Fatalf("after the fix: %q", got)
	}
	st := statT(t, p)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("owner %d:%d, want %d:%d", st.Uid, st.Gid, uid, gid)
	}
	if m := st.Mode &^ unix.S_IFMT; m != 0o2640 {
		t.Errorf("mode %o, want 2640", m)
	}
	if xattr {
		val := make([]byte, 16)
		n, err := unix.Getxattr(p, "user.draftlint.test", val)
		if err != nil || string(val[:max(n, 0)]) != "kept" {
			t.Errorf("extended attribute lost: %v", err)
		}
	}
	if st.Ino == ino {
		t.Log("written in place")
	}
}

// Whether the user may write a file is asked of the system, not read off
// the mode bits: a file the system says no to is left alone.
func TestFixAsksTheSystemForWritePermission(t *testing.T) {
	p := write(t, t.TempDir(), "theirs.txt", []byte(fixable))
	defer func(f func(string) error) { canWrite = f }(canWrite)
	canWrite = func(string) error { return unix.EACCES }
	code, _, errs := runCLI(t, "", "--fix", p)
	if got, _ := os.ReadFile(p); string(got) != fixable || code != 2 || !strings.Contains(errs, "theirs.txt: not fixed: you may not write the file: permission denied") {
		t.Errorf("exit %d, stderr %q, changed %v", code, errs, string(got) != fixable)
	}
}

// Run as another user (nobody) in a folder anyone may write: a file of
// root's that nobody may not write is left alone, and one nobody may write
// through its group keeps root as its owner.
func TestFixAsAnotherUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run the fix as another user")
	}
	base := t.TempDir()
	bin := filepath.Join(base, "draftlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(base, "shared")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(base), base, dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	mine := write(t, dir, "roots.txt", []byte(fixable))  // root:root 0644
	group := write(t, dir, "group.txt", []byte(fixable)) // root:nogroup 0664
	if err := os.Chown(group, 0, 65534); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(group, 0o664); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--fix", "--color", "never", mine, group)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() != 2 || err != nil && !errors.As(err, &ee) {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(mine); string(got) != fixable || !strings.Contains(string(out), "roots.txt: not fixed: you may not write the file: permission denied") {
		t.Errorf("root's file: changed %v\n%s", string(got) != fixable, out)
	}
	if st := statT(t, mine); st.Uid != 0 {
		t.Errorf("root's file now belongs to %d", st.Uid)
	}
	if got, _ := os.ReadFile(group); string(got) != fixedText {
		t.Errorf("the group-writable file was not fixed: %q\n%s", got, out)
	}
	if st := statT(t, group); st.Uid != 0 || st.Gid != 65534 || st.Mode&0o7777 != 0o664 {
		t.Errorf("group-writable file: owner %d:%d mode %o, want 0:65534 664", st.Uid, st.Gid, st.Mode&0o7777)
	}
}
