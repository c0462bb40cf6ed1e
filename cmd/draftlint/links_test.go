//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// A symbolic link out of the folders given is not followed when walking:
// its file is neither reported nor embedded in the HTML report, nor written
// by --fix; a notice names the link. A link named on the command line is
// linted (the user asked for it) but --fix does not write through it.
func TestLinkOutOfTheRootIsNotFollowed(t *testing.T) {
	base := t.TempDir()
	secretText := "# Secrets\n\npassword = \"hunter2\"\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"
	secret := write(t, base, "outside/secret.md", []byte(secretText))
	repo := filepath.Join(base, "repo")
	write(t, repo, "a.md", []byte("# A story\n\nText of the story.\n"))
	symlink(t, "../outside/secret.md", filepath.Join(repo, "leak.md"))

	for _, format := range []string{"text", "html", "json"} {
		code, out, errs := runCLI(t, "", "--format", format, "--color", "never", repo)
		if strings.Contains(out, "hunter2") || strings.Contains(out, "leak.md") || code != 0 {
			t.Errorf("%s: exit %d, the linked file outside was read:\n%s", format, code, out)
		}
		if !strings.Contains(errs, "leak.md: not linted: a symbolic link to ../outside/secret.md, outside the folders given") {
			t.Errorf("%s: no notice naming the link: %q", format, errs)
		}
	}
	if _, _, errs := runCLI(t, "", "-q", repo); errs != "" {
		t.Errorf("-q printed %q", errs)
	}
	runCLI(t, "", "--fix", repo)
	if got, _ := os.ReadFile(secret); string(got) != secretText {
		t.Errorf("--fix wrote the file outside: %q", got)
	}
	// both folders given: the link stays inside them
	_, out, _ := runCLI(t, "", "--compact", "--fail-on", "never", repo, filepath.Join(base, "outside"))
	if !strings.Contains(out, "leak.md:5:1") || strings.Contains(out, "secret.md:") {
		t.Errorf("both folders given: the link should be linted, once:\n%s", out)
	}
	// named: linted, but not fixed through
	leak := filepath.Join(repo, "leak.md")
	code, out, errs := runCLI(t, "", "--fix", "--compact", leak)
	if got, _ := os.ReadFile(secret); string(got) != secretText || code != 2 || !strings.Contains(out, "leak.md:5:1") ||
		!strings.Contains(errs, "leak.md: not fixed: it is a symbolic link to a file outside the folders given") {
		t.Errorf("named link: exit %d, out %s, stderr %s, outside file written %v", code, out, errs, string(got) != secretText)
	}
}

// A file reached by several names in the folders walked (a symbolic link
// to it, a hard link) is linted once, under its first name: not as having
// the same title as itself, and --fix mends it once.
func TestLinkedFileLintedOnce(t *testing.T) {
	dir := t.TempDir()
	text := "# Council approves budget\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n\nThe council met.\n"
	a := write(t, dir, "a.md", []byte(text))
	write(t, dir, "other.md", []byte("# Another headline\n\nText.\n"))
	symlink(t, "a.md", filepath.Join(dir, "latest.md"))
	if err := os.Link(a, filepath.Join(dir, "z-copy.md")); err != nil {
		t.Fatal(err)
	}
	_, out, errs := runCLI(t, "", "--format", "json", "--fail-on", "never", dir, filepath.Join(dir, "latest.md"))
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("%v (stderr %s)", err, errs)
	}
	var got []string
	for _, f := range j.Findings {
		got = append(got, filepath.Base(f.File)+" "+f.Rule)
	}
	if j.Summary.Files != 2 || strings.Join(got, ", ") != "a.md placeholder/lorem-ipsum" {
		t.Errorf("%d files, findings %v; want 2 files and one lorem-ipsum finding in a.md", j.Summary.Files, got)
	}
	code, _, errs := runCLI(t, "", "--fix", dir)
	if fixed, _ := os.ReadFile(a); code != 0 || strings.Contains(errs, "changed on disk") || string(fixed) != "# Council approves budget\n\nThe council met.\n" {
		t.Errorf("--fix: exit %d, stderr %s, file %q", code, errs, fixed)
	}
}

// A symbolic link to a folder named on the command line is walked (it linted
// nothing, and passed); links to folders found while walking are not.
func TestNamedLinkToAFolderIsWalked(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "real/a.md", []byte("# A\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"))
	link := filepath.Join(dir, "docs")
	symlink(t, "real", link)
	symlink(t, "..", filepath.Join(dir, "real", "up")) // a loop, if links to folders were walked into
	code, out, errs := runCLI(t, "", "--compact", link)
	if code != 1 || !strings.Contains(out, filepath.Join(link, "a.md")+":3:1: error: lorem ipsum") || !strings.Contains(out, "in 1 file") {
		t.Errorf("exit %d, out %s, stderr %s", code, out, errs)
	}
}
