package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The formats that stream write each file as it is linted; with a baseline
// the whole run is held and then formatted. An empty baseline filters
// nothing, so both ways must print the same bytes, notices and exit code,
// on drafts with findings, titles repeated across files (found as the run
// goes), a skipped file and a clean one.
func TestStreamedReportMatchesHeld(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "a/one.md", sample)
	write(t, dir, "b/two.md", sample) // the same title as a/one.md
	write(t, dir, "b-c.md", []byte("# A title of its own\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n"))
	write(t, dir, "c.txt", []byte("Clean text, nothing to see.\n"))
	write(t, dir, "d.md", []byte("bin\x00ary"))
	write(t, dir, "e.html", []byte("<h1>A Title Of Its Own</h1><p>Call 555-0142 TK.</p>"))
	write(t, dir, "empty.json", []byte(`{"version": 1, "findings": []}`))
	base := filepath.Join(dir, "empty.json")
	elapsed := regexp.MustCompile(`\(\d+(\.\d+)?m?s\)`)
	for _, format := range []string{"text", "json", "github", "rdjsonl", "checkstyle", "sarif"} {
		for _, extra := range [][]string{nil, {"--compact"}, {"--quiet"}} {
			args := append([]string{"--format", format, "--color", "never"}, extra...)
			code, out, errs := runCLI(t, "", append(args, dir)...)
			hcode, hout, herrs := runCLI(t, "", append(args, "--baseline", base, dir)...)
			out, hout = elapsed.ReplaceAllString(out, "(T)"), elapsed.ReplaceAllString(hout, "(T)")
			if code != hcode || out != hout || errs != herrs {
				t.Errorf("%s %v: streamed exit %d, held exit %d\nstreamed:\n%s%s\nheld:\n%s%s", format, extra, code, hcode, out, errs, hout, herrs)
			}
			quiet := len(extra) > 0 && extra[0] == "--quiet"
			if !strings.Contains(out, "duplicate-across-files") || strings.Contains(errs, "d.md: skipped") == quiet {
				t.Errorf("%s %v: the cross-file finding or the skip notice is missing:\n%s%s", format, extra, out, errs)
			}
		}
	}
}

// The --output file is written while the run goes on: a report that is not
// there yet is not linted, even inside a linted folder. One left there by an
// earlier run is one of the files to lint: refused, unless excluded.
func TestOutputFileNotLinted(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", []byte("# Title\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit. TK\n"))
	report := filepath.Join(dir, "report.txt")
	for i, extra := range [][]string{nil, nil, {"--exclude", "report.txt"}} {
		args := append([]string{"--format", "text", "--output", report}, extra...)
		code, out, errs := runCLI(t, "", append(args, dir)...)
		if i == 1 {
			if code != 2 || !strings.Contains(errs, "report.txt is one of the files to lint: the report would overwrite it") {
				t.Errorf("an earlier report in the folder: exit %d, stderr %q", code, errs)
			}
			continue
		}
		if code != 1 || out != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
		got, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), "a.md") || strings.Contains(string(got), "report.txt") || !strings.Contains(string(got), "in 1 file") {
			t.Errorf("report:\n%s", got)
		}
	}
}

// A report that cannot be written (a full disk) ends the run with exit 2
// and a message naming where it was going.
func TestReportWriteFails(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	for _, format := range []string{"text", "json", "sarif"} {
		code, _, errs := runCLI(t, "", "--format", format, "--output", "/dev/full", "../../testdata/sample.md")
		if code != 2 || !strings.Contains(errs, "writing the report to /dev/full") {
			t.Errorf("%s: exit %d, stderr %q", format, code, errs)
		}
	}
}
