package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/draftlint/draftlint/rules"
)

// TestBadInputMatrix: every kind of bad input gets a clear message (a
// file named on the command line that cannot be linted fails the run), the good file beside it is still linted, the exit
// code follows the contract, and nothing hangs.
func TestBadInputMatrix(t *testing.T) {
	good := "# Good\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"
	tests := []struct {
		name   string
		setup  func(t *testing.T, dir string) string // returns the path to lint
		code   int                                   // exit code with the good file beside it
		stderr string                                // expected in stderr ("" = nothing about it)
	}{
		{"empty file", func(t *testing.T, d string) string { return write(t, d, "empty.md", nil) }, 1, ""},
		{"only white space", func(t *testing.T, d string) string { return write(t, d, "ws.txt", []byte(" \n\t\n\r\n  ")) }, 1, ""},
		{"NUL byte", func(t *testing.T, d string) string { return write(t, d, "nul.txt", []byte("text\x00more")) }, 2, "nul.txt: cannot lint: binary file"},
		{"invalid UTF-8", func(t *testing.T, d string) string {
			return write(t, d, "bad.txt", []byte("Title\n\n\xc3\x28 \xa0\xa1 \xf0\x28\x8c\xbc text.\n"))
		}, 1, ""},
		{"UTF-16 with BOM", func(t *testing.T, d string) string { return write(t, d, "u16.txt", []byte("\xff\xfeH\x00i\x00\n\x00")) }, 2, "u16.txt: cannot lint: UTF-16"},
		{"CRLF and lone CR", func(t *testing.T, d string) string {
			return write(t, d, "cr.txt", []byte("Title\r\rOne.\r\nTwo TK.\rThree.\r"))
		}, 1, ""},
		{"file over the size limit", func(t *testing.T, d string) string {
			return write(t, d, "big.txt", bytes.Repeat([]byte("word "), (rules.DefaultMaxFileSize/5)+10))
		}, 2, "big.txt: cannot lint: file too large"},
		{"2 MB with no newline", func(t *testing.T, d string) string {
			return write(t, d, "long.txt", bytes.Repeat([]byte("The council met again today and voted. "), 52000))
		}, 1, ""},
		{"2 MB paragraph with no sentence end, findings all along its one line", func(t *testing.T, d string) string {
			// counting each finding's column from the line start, or each
			// sentence's triggers against each other, took minutes here
			return write(t, d, "run-on.md", bytes.Repeat([]byte("the market grew by 40% and TK said the biggest lorem ipsum dolor "), 32000))
		}, 1, "rule placeholder/marker: 31000 more findings not shown"},
		{"2 MB of e-mail addresses and bare domains on one line", func(t *testing.T, d string) string {
			// each link was checked against every link before it
			return write(t, d, "links.md", bytes.Repeat([]byte("mail a@b.de or see www.foo.de and c@d.fr "), 50000))
		}, 1, ""},
		{"nested brackets, 200,000 deep", func(t *testing.T, d string) string {
			// goldmark's link parser is quadratic in one paragraph's brackets
			return write(t, d, "brackets.md", []byte(strings.Repeat("[", 200000)+"TK"+strings.Repeat("]", 200000)))
		}, 1, ""},
		{"90,000 link reference definitions in a row", func(t *testing.T, d string) string {
			var b strings.Builder
			for i := 0; i < 90000; i++ {
				fmt.Fprintf(&b, "[r%d]: https://www.bbc.co.uk/news/%d\n", i, i)
			}
			return write(t, d, "refs.md", []byte(b.String()+"\nSee [r1], TK.\n"))
		}, 1, ""},
		{"2 MB of tildes on one line", func(t *testing.T, d string) string {
			// goldmark's strikethrough parser is quadratic in a run of them
			return write(t, d, "tildes.md", []byte("TK "+strings.Repeat("~", 2_000_000)+"\n"))
		}, 1, ""},
		{"front matter of 90,000 keys", func(t *testing.T, d string) string {
			// the flat front-matter reader looked each key up in those before it
			var b strings.Builder
			b.WriteString("---\n")
			for i := 0; i < 90000; i++ {
				fmt.Fprintf(&b, "%s%d: some words of a value\n", strings.Repeat("k", 120), i)
			}
			return write(t, d, "fm.md", []byte(b.String()+"---\n\nTK text.\n"))
		}, 1, ""},
		{"a million headings", func(t *testing.T, d string) string {
			return write(t, d, "heads.md", bytes.Repeat([]byte("# h\n"), 1_000_000))
		}, 2, "heads.md: cannot lint: 1000000 lines"},
		{"a million headings ending in a lone CR", func(t *testing.T, d string) string {
			// read as one line, the limit did not skip it (81 s, 18 GB)
			return write(t, d, "cr-heads.md", bytes.Repeat([]byte("# h\r"), 1_000_000))
		}, 2, "cr-heads.md: cannot lint: 1000000 lines"},
		{"10,000-deep block quotes", func(t *testing.T, d string) string {
			return write(t, d, "quotes.md", []byte(strings.Repeat(">", 10000)+" deep TK text\n"))
		}, 1, ""},
		{"10,000-deep lists", func(t *testing.T, d string) string {
			// "- - - … item": each marker opens a list inside the last item
			return write(t, d, "lists.md", []byte(strings.Repeat("- ", 10000)+"item TK\n"+strings.Repeat("1. ", 3000)+"x\n"))
		}, 1, ""},
		{"symbolic link loop", func(t *testing.T, d string) string {
			a, b := filepath.Join(d, "loop-a.md"), filepath.Join(d, "loop-b.md")
			_ = os.Symlink(b, a)
			_ = os.Symlink(a, b)
			return a
		}, 2, "loop-a.md: too many levels of symbolic links"},
		{"deleted before it was read", func(t *testing.T, d string) string { return filepath.Join(d, "gone.md") }, 2, "gone.md: no such file or directory"},
		{"a FIFO", func(t *testing.T, d string) string {
			p := filepath.Join(d, "pipe.md")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
			return p
		}, 2, "pipe.md: cannot read: not a regular file"},
		{"a folder named like a file", func(t *testing.T, d string) string {
			p := filepath.Join(d, "folder.md")
			_ = os.MkdirAll(p, 0o755)
			write(t, p, "inner.md", []byte("# Inner\n\nFine.\n"))
			return p
		}, 1, ""},
		{"an unreadable file", func(t *testing.T, d string) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads every file")
			}
			p := write(t, d, "secret.md", []byte(good))
			_ = os.Chmod(p, 0)
			return p
		}, 2, "secret.md: cannot read: permission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			okFile := write(t, dir, "good.md", []byte(good))
			path := tt.setup(t, dir)
			done := make(chan struct{})
			var code int
			var out, errs string
			go func() {
				code, out, errs = runCLI(t, "", "--format", "json", okFile, path)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("draftlint hung")
			}
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errs)
			}
			if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tt.stderr)
			}
			if tt.stderr == "" && strings.Contains(errs, filepath.Base(path)) {
				t.Errorf("unexpected message: %s", errs)
			}
			var j jsonOut
			if err := json.Unmarshal([]byte(out), &j); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			linted := false
			for _, f := range j.Findings {
				if f.File == okFile {
					linted = true
				}
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("bad position %d:%d", f.Line, f.Column)
				}
			}
			if !linted {
				t.Error("the good file beside it was not linted")
			}
		})
	}
}

// A file named on the command line that is skipped (binary, UTF-16, too
// large, too many lines) fails the run with exit 2 and a message naming
// it, even under -q, unless --skip-unreadable asks to skip such files. The
// same files found by walking a folder are skipped with a notice.
func TestNamedFileThatCannotBeLinted(t *testing.T) {
	dir := t.TempDir()
	clean := write(t, dir, "clean.md", []byte("# Clean\n\nNothing to see.\n"))
	bad := map[string]string{
		"bin.md":   "bin\x00ary",
		"u16.txt":  "\xff\xfeH\x00i\x00\n\x00",
		"big.md":   strings.Repeat("word ", 100),
		"lines.md": strings.Repeat("line\n", 50),
	}
	limits := []string{"--max-file-size", "400", "--max-lines", "40"}
	for name, data := range bad {
		p := write(t, dir, "sub/"+name, []byte(data))
		for _, quiet := range []bool{false, true} {
			args := append([]string{}, limits...)
			if quiet {
				args = append(args, "-q")
			}
			code, _, errs := runCLI(t, "", append(args, clean, p)...)
			if code != 2 || !strings.Contains(errs, p+": cannot lint: ") || !strings.Contains(errs, "--skip-unreadable") {
				t.Errorf("%s (quiet %v): exit %d, want 2 with a message naming it; stderr %q", name, quiet, code, errs)
			}
			code, _, errs = runCLI(t, "", append(args, "--skip-unreadable", clean, p)...)
			if code != 0 || strings.Contains(errs, p+": skipped: ") == quiet {
				t.Errorf("%s --skip-unreadable (quiet %v): exit %d, want 0; stderr %q", name, quiet, code, errs)
			}
		}
		// standard input is named too
		code, _, errs := runCLI(t, data, append(limits, "--stdin-filename", name, "-")...)
		if code != 2 || !strings.Contains(errs, name+": cannot lint: ") {
			t.Errorf("%s on standard input: exit %d, want 2; stderr %q", name, code, errs)
		}
	}
	// found by walking a folder: a notice, and the run passes
	code, _, errs := runCLI(t, "", append(limits, filepath.Join(dir, "sub"))...)
	if code != 0 || strings.Count(errs, ": skipped: ") != len(bad) {
		t.Errorf("walked folder: exit %d, want 0 with %d skip notices; stderr %q", code, len(bad), errs)
	}
	// the same file named in another spelling is still named
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, filepath.Join(dir, "sub", "bin.md")); err == nil {
		code, _, errs = runCLI(t, "", filepath.Join(dir, "sub"), rel)
		if code != 2 || !strings.Contains(errs, "bin.md: cannot lint: binary file") {
			t.Errorf("folder then the file named: exit %d, want 2; stderr %q", code, errs)
		}
	}
}

// baseline write says which files it could not lint, and fails (exit 2)
// for one named on the command line: a baseline missing a file would let
// its findings through later as new. It honours --max-file-size.
func TestBaselineWriteNamesFilesItCannotLint(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.md", []byte("# Good\n\nThe figure is TK.\n"))
	bin := write(t, dir, "sub/bin.md", []byte("bin\x00ary"))
	big := write(t, dir, "sub/big.md", []byte("# Big\n\nThe figure is TK. "+strings.Repeat("word ", 100)+"\n"))
	base := filepath.Join(dir, "base.json")
	code, _, errs := runCLI(t, "", "baseline", "write", "--max-file-size", "400", base, good, bin, big)
	if code != 2 || !strings.Contains(errs, bin+": cannot lint: binary file") || !strings.Contains(errs, big+": cannot lint: file too large") {
		t.Errorf("named files: exit %d, want 2 naming both; stderr %q", code, errs)
	}
	code, out, errs := runCLI(t, "", "baseline", "write", "--max-file-size", "400", base, filepath.Join(dir, "sub"))
	if code != 0 || !strings.Contains(errs, bin+": skipped: binary file") || !strings.Contains(out, "wrote 0 findings") {
		t.Errorf("walked folder: exit %d, want 0 with notices; stdout %q stderr %q", code, out, errs)
	}
}
