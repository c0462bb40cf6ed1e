//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The report (or a baseline) is never written over one of the files to
// lint, however that file is named.
func TestOutputIsNotAnInput(t *testing.T) {
	dir := t.TempDir()
	post := write(t, dir, "post.md", []byte(clean))
	site := filepath.Join(dir, "site")
	page := "<!DOCTYPE html><html><head><title>Home</title></head><body><h1>Home</h1><p>Our page.</p></body></html>\n"
	index := write(t, site, "index.html", []byte(page))
	symlink(t, "post.md", filepath.Join(dir, "alias.md"))
	if err := os.Link(post, filepath.Join(dir, "hard.md")); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	defer func() { _ = os.Chdir(wd) }()
	for _, tc := range []struct {
		args []string
		dir  string
		msg  string
	}{
		{[]string{"-o", "post.md", "post.md"}, dir, "--output post.md is one of the files to lint"},
		{[]string{"-f", "html", "-o", "index.html", "."}, site, "--output index.html is one of the files to lint"},
		{[]string{"-o", "./post.md", "post.md"}, dir, "--output ./post.md is one of the files to lint"},
		{[]string{"-o", "hard.md", "post.md"}, dir, "--output hard.md is the file post.md, one of the files to lint"},
		{[]string{"-o", "alias.md", "post.md"}, dir, "--output alias.md is the file post.md, one of the files to lint"},
		{[]string{"-f", "json", "-o", filepath.Join(dir, "post.md"), dir}, wd, "is the file " + dir},
		{[]string{"baseline", "write", "post.md", "post.md"}, dir, "baseline write: post.md is one of the files to lint"},
	} {
		if err := os.Chdir(tc.dir); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCLI(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.msg) || !strings.Contains(errs, "the report would overwrite it") {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errs)
		}
		if got, _ := os.ReadFile(post); string(got) != clean {
			t.Fatalf("%v: post.md overwritten: %q", tc.args, got)
		}
		if got, _ := os.ReadFile(index); string(got) != page {
			t.Fatalf("%v: index.html overwritten: %q", tc.args, got)
		}
	}
}

// The report is not written through a symbolic link (one committed in a
// repository under the report's name would aim it at any file the CI job
// may write), nor is a baseline; a link to a device is written to.
func TestOutputNotThroughALink(t *testing.T) {
	dir := t.TempDir()
	victimText := "#!/bin/sh\necho precious\n"
	victim := write(t, dir, "outside/victim.sh", []byte(victimText))
	repo := filepath.Join(dir, "repo")
	write(t, repo, "a.md", []byte(clean))
	link := filepath.Join(repo, "draftlint.sarif")
	symlink(t, "../outside/victim.sh", link)
	dangling := filepath.Join(repo, "new.json")
	symlink(t, "../outside/created.json", dangling)
	for _, args := range [][]string{
		{"-f", "sarif", "-o", link, repo},
		{"-f", "html", "-o", link, repo},
		{"-f", "json", "-o", dangling, repo},
		{"baseline", "write", link, repo},
	} {
		code, _, errs := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errs, "is a symbolic link (to ../outside/") || !strings.Contains(errs, "not written through it") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != victimText {
		t.Errorf("the file behind the link was overwritten: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "outside", "created.json")); err == nil {
		t.Error("a file was created through a dangling link")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link itself was replaced")
	}
	// the run's own streams are written to, wherever they were sent
	for _, name := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/stderr"} {
		if !ownStream(name) {
			t.Errorf("%s is not taken for the run's own stream", name)
		}
	}
	for _, name := range []string{"/dev/fd/", "/dev/fd/1/x", "/dev/stdout.sarif", "dev/stdout", link} {
		if ownStream(name) {
			t.Errorf("%s is taken for the run's own stream", name)
		}
	}
	// a link to a device is written to
	null := filepath.Join(dir, "null")
	symlink(t, os.DevNull, null)
	if code, _, errs := runCLI(t, "", "-f", "json", "-o", null, repo); code != 0 {
		t.Errorf("a link to %s: exit %d, stderr %q", os.DevNull, code, errs)
	}
}

// init writes its starter config only as a new file: not through a link
// left under its name, even one pointing nowhere.
func TestInitNotThroughALink(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	defer func() { _ = os.Chdir(wd) }()
	repo := filepath.Join(dir, "repo")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "../elsewhere.yml", filepath.Join(repo, ".draftlint.yml"))
	if err := os.Chdir(repo); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "", "init")
	if code != 2 || !strings.Contains(errs, ".draftlint.yml already exists") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "elsewhere.yml")); err == nil {
		t.Error("init wrote through the link")
	}
}
