package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const fixable = "Title of the piece\r\n\r\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\r\n\r\nStraße 5, 10178 Berlin\r\nTel. (+49) 30.2345.678 — Größe ünïcode\r\n\r\nThe end of the draft.\r\n"

func TestFixInPlace(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "draft.txt", []byte(fixable))
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "--fix", "--format", "json", p)
	got, _ := os.ReadFile(p)
	want := "Title of the piece\r\n\r\nStraße 5, 10178 Berlin\r\nTel. +49 30 2345678 — Größe ünïcode\r\n\r\nThe end of the draft.\r\n"
	if string(got) != want {
		t.Fatalf("fixed file:\n%q\nwant\n%q\nstderr: %s", got, want, errs)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if code != 0 || strings.Contains(out, "lorem") || !strings.Contains(errs, "2 fixes applied") {
		t.Errorf("after fixing: exit %d, out %s, stderr %s", code, out, errs)
	}
	// idempotent: a second --fix changes nothing
	_, _, errs = runCLI(t, "", "--fix", p)
	again, _ := os.ReadFile(p)
	if !bytes.Equal(again, got) || strings.Contains(errs, "applied") {
		t.Errorf("second --fix changed the file or applied fixes: %s", errs)
	}
	// no temporary files left behind
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries", len(entries))
	}
}

func TestFixNeverTouchesBytesOutsideEdits(t *testing.T) {
	dir := t.TempDir()
	// invalid UTF-8, a BOM, tabs and trailing spaces must survive byte for byte
	src := "\ufeffHead\t \n\nOK \xff\xfe bytes.\t\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nTail  \n"
	p := write(t, dir, "d.txt", []byte(src))
	runCLI(t, "", "--fix", p)
	got, _ := os.ReadFile(p)
	want := strings.Replace(src, "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\n", "", 1)
	if string(got) != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFixRefusesReadOnlyAndChangedFiles(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "ro.txt", []byte(fixable))
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "", "--fix", p)
	got, _ := os.ReadFile(p)
	if string(got) != fixable || code != 2 || !strings.Contains(errs, "ro.txt: not fixed: the file is read-only") {
		t.Errorf("read-only: exit %d, stderr %q, changed %v", code, errs, string(got) != fixable)
	}
	// a file that changed after it was read is left alone
	q := write(t, dir, "moved.txt", []byte("changed meanwhile\n"))
	err := writeFixed(q, []byte(fixable), []byte("fixed"), nil)
	got, _ = os.ReadFile(q)
	if !errors.Is(err, errChanged) || string(got) != "changed meanwhile\n" {
		t.Errorf("changed file: err %v, content %q", err, got)
	}
}

func TestFixThroughSymlinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "real.txt", []byte(fixable))
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Skip(err)
	}
	runCLI(t, "", "--fix", link)
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if got, _ := os.ReadFile(p); strings.Contains(string(got), "Lorem") {
		t.Error("the file behind the link was not fixed")
	}
}

func TestFixStdin(t *testing.T) {
	code, out, errs := runCLI(t, fixable, "--fix", "--stdin-filename", "s.txt", "-")
	if !strings.HasPrefix(out, "Title of the piece\r\n\r\nStraße 5") || code != 0 {
		t.Errorf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
}

func TestDiffAppliesWithGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(fixable))
	write(t, dir, "sub/b.md", []byte("# Head\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nText.\n"))
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chdir(wd) }()
	code, diff, errs := runCLI(t, "", "--diff", ".")
	if code != 1 || !strings.Contains(diff, "--- a/a.txt\n+++ b/a.txt\n") || !strings.Contains(diff, "--- a/sub/b.md") {
		t.Fatalf("exit %d, diff:\n%s\nstderr %s", code, diff, errs)
	}
	// files untouched by --diff
	if got, _ := os.ReadFile("a.txt"); string(got) != fixable {
		t.Fatal("--diff changed a file")
	}
	cmd := exec.Command(git, "apply", "-v", "-")
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	got, _ := os.ReadFile("sub/b.md")
	if string(got) != "# Head\n\nText.\n" {
		t.Errorf("after git apply: %q", got)
	}
}

// A file name with a tab, a newline, a quote, a backslash or a byte that is
// not UTF-8 is quoted in --diff the way git quotes it, so that git apply
// takes the whole patch.
func TestDiffQuotesOddFileNames(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	names := []string{"x\ty.md", "new\nline.md", `say "hi".md`, `back\slash.md`, "caf\xe9.md", "café.md", "plain name.md"}
	const filler = "# Head\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nText.\n"
	for _, n := range names {
		write(t, dir, n, []byte(filler))
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chdir(wd) }()
	code, diff, errs := runCLI(t, "", "--diff", ".")
	if code != 1 || !strings.Contains(diff, "--- \"a/x\\ty.md\"\n+++ \"b/x\\ty.md\"\n") {
		t.Fatalf("exit %d, diff:\n%s\nstderr %s", code, diff, errs)
	}
	check := exec.Command(git, "apply", "--check", "-v", "-")
	check.Stdin = strings.NewReader(diff)
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("git apply --check: %v\n%s\npatch:\n%s", err, out, diff)
	}
	apply := exec.Command(git, "apply", "-")
	apply.Stdin = strings.NewReader(diff)
	if out, err := apply.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	for _, n := range names {
		if got, _ := os.ReadFile(n); string(got) != "# Head\n\nText.\n" {
			t.Errorf("%q after git apply: %q", n, got)
		}
	}
}
