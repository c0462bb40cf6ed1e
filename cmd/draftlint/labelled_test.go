package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLabelledDrafts scores the CLI on testdata/labelled the way
// ../shared/tools/score.py does: a finding matches an expectation of its
// category whose line it covers; findings on "ignore" lines count neither
// way. The set is small and written by us: it guards against regressions,
// it does not measure quality on unseen text.
func TestLabelledDrafts(t *testing.T) {
	t.Run("all", func(t *testing.T) { scoreLabelled(t, "../../testdata/labelled", "") })
	t.Run("contact", func(t *testing.T) { scoreLabelled(t, "../../testdata/contact", "contact") })
}

// scoreLabelled wants every expectation of dir's drafts found and no other
// finding; with only set, of that category alone (testdata/contact is the
// contact family's set, see the README).
func scoreLabelled(t *testing.T, dir, only string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	type exp struct {
		lo, hi int
		cat    string
	}
	expects := map[string][]exp{}
	var files []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".expect") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		files = append(files, p)
		data, err := os.ReadFile(p + ".expect")
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			parts := strings.Split(line, "\t")
			if len(parts) < 2 {
				continue
			}
			lo, hi, _ := strings.Cut(parts[0], "-")
			a, _ := strconv.Atoi(lo)
			b := a
			if hi != "" {
				b, _ = strconv.Atoi(hi)
			}
			if only != "" && parts[1] != only && parts[1] != "ignore" {
				continue
			}
			expects[e.Name()] = append(expects[e.Name()], exp{a, b, parts[1]})
		}
	}
	_, out, errs := runCLI(t, "", append([]string{"--format", "json", "--fail-on", "never"}, files...)...)
	var j jsonOut
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("%v\n%s", err, errs)
	}
	matched := map[string]map[int]bool{}
	var fps []string
	for _, f := range j.Findings {
		base := filepath.Base(f.File)
		cat := f.Rule[:strings.IndexByte(f.Rule, '/')]
		if only != "" && cat != only {
			continue
		}
		hit, ignored := false, false
		for k, e := range expects[base] {
			if f.Line > e.hi || e.lo > max(f.EndLine, f.Line) {
				continue
			}
			switch e.cat {
			case cat:
				if matched[base] == nil {
					matched[base] = map[int]bool{}
				}
				matched[base][k] = true
				hit = true
			case "ignore":
				ignored = true
			}
		}
		if !hit && !ignored && cat != "draftlint" {
			fps = append(fps, f.File+":"+strconv.Itoa(f.Line)+" "+f.Rule+" "+f.Message)
		}
	}
	var fns []string
	for base, es := range expects {
		for k, e := range es {
			if e.cat != "ignore" && !matched[base][k] {
				fns = append(fns, base+":"+strconv.Itoa(e.lo)+" "+e.cat)
			}
		}
	}
	if len(fps) > 0 || len(fns) > 0 {
		t.Errorf("false positives:\n%s\nmissed:\n%s", strings.Join(fps, "\n"), strings.Join(fns, "\n"))
	}
}
