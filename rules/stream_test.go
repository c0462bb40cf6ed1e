package rules_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/draftlint/draftlint/rules"
)

// Files come out in path order, whatever order they were given in and
// however many workers lint them, and a rule's Across function sees each
// file after every earlier one, with that file's facts.
func TestStreamOrder(t *testing.T) {
	var srcs []rules.Source
	for i := range 300 {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("d%d/f%03d.md", i%7, i), Data: fmt.Appendf(nil, "# Title %d\n\nText %d.\n", i%50, i)})
	}
	rand.New(rand.NewSource(1)).Shuffle(len(srcs), func(i, j int) { srcs[i], srcs[j] = srcs[j], srcs[i] })
	rule := &rules.Rule{ID: "test/across", Category: "test", Severity: rules.Warning,
		Run: func(p *rules.Pass) { p.Export(p.Doc.Path) },
		Across: func() func(*rules.AcrossPass) {
			seen := map[string]bool{}
			last := ""
			return func(p *rules.AcrossPass) {
				if p.File <= last {
					t.Errorf("across saw %s after %s", p.File, last)
				}
				last = p.File
				if len(p.Facts) != 1 || p.Facts[0] != p.File {
					t.Errorf("across for %s got facts %v", p.File, p.Facts)
				}
				// report a file whose number's last two digits were seen
				key := p.File[len(p.File)-5 : len(p.File)-3]
				if seen[key] {
					p.Report(rules.Finding{Offset: 2, EndOffset: 7, Message: "seen " + key})
				}
				seen[key] = true
			}
		}}
	var runs [][]rules.Finding
	for _, workers := range []int{1, 2, 5} {
		var got []rules.Finding
		var paths []string
		files := 0
		rules.Stream(rules.Config{Rules: []*rules.Rule{rule}, Workers: workers}, srcs, func(r *rules.FileResult) bool {
			paths = append(paths, r.Path)
			if r.Linted {
				files++
			}
			for _, f := range r.Findings {
				if f.File != r.Path {
					t.Errorf("finding on %s handed on with %s", f.File, r.Path)
				}
			}
			got = append(got, r.Findings...)
			return true
		})
		if files != len(srcs) || len(paths) != len(srcs) {
			t.Fatalf("workers %d: %d files linted, %d handed on, want %d", workers, files, len(paths), len(srcs))
		}
		for i := 1; i < len(paths); i++ {
			if paths[i-1] >= paths[i] {
				t.Fatalf("workers %d: %s handed on after %s", workers, paths[i], paths[i-1])
			}
		}
		if len(got) == 0 {
			t.Fatalf("workers %d: no findings", workers)
		}
		runs = append(runs, got)
	}
	for i := 1; i < len(runs); i++ {
		if !reflect.DeepEqual(runs[0], runs[i]) {
			t.Errorf("run %d differs from the one-worker run", i)
		}
	}
	// Run, which holds every finding, reports the same
	res := rules.Run(rules.Config{Rules: []*rules.Rule{rule}, Workers: 3}, srcs)
	if !reflect.DeepEqual(res.Findings, runs[0]) {
		t.Errorf("Run's findings differ from Stream's")
	}
}

// While the first file is held up, the workers lint only a bounded window
// of files past it: a run never holds the results of every file.
func TestStreamWindow(t *testing.T) {
	const n, workers = 2000, 2
	var started atomic.Int64
	var ahead int64
	rule := &rules.Rule{ID: "test/slow", Category: "test", Severity: rules.Warning, Run: func(p *rules.Pass) {
		started.Add(1)
		if p.Doc.Path != "f0000.md" {
			return
		}
		// wait until the other workers stop starting files (or all did)
		last, still := int64(-1), 0
		for still < 5 && started.Load() < n {
			if s := started.Load(); s == last {
				still++
			} else {
				last, still = s, 0
			}
			time.Sleep(20 * time.Millisecond)
		}
		ahead = started.Load()
	}}
	var srcs []rules.Source
	for i := range n {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("f%04d.md", i), Data: []byte("Text.\n")})
	}
	emitted := 0
	rules.Stream(rules.Config{Rules: []*rules.Rule{rule}, Workers: workers}, srcs, func(*rules.FileResult) bool { emitted++; return true })
	if emitted != n {
		t.Fatalf("%d files handed on, want %d", emitted, n)
	}
	if ahead >= n/2 {
		t.Errorf("%d of %d files were linted while the first was held up: the window does not bound the run", ahead, n)
	}
}

// When emit says stop (its report cannot be written), no further file is
// linted or handed on, and Stream returns once its workers are done.
func TestStreamStop(t *testing.T) {
	const n, workers = 5000, 2
	var linted atomic.Int64
	rule := &rules.Rule{ID: "test/count", Category: "test", Severity: rules.Warning, Run: func(*rules.Pass) { linted.Add(1) }}
	var srcs []rules.Source
	for i := range n {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("f%04d.md", i), Data: []byte("Text.\n")})
	}
	emitted := 0
	rules.Stream(rules.Config{Rules: []*rules.Rule{rule}, Workers: workers}, srcs, func(*rules.FileResult) bool {
		emitted++
		return emitted < 10
	})
	after := linted.Load()
	if emitted != 10 {
		t.Errorf("%d files handed on after emit said stop at the 10th", emitted)
	}
	if after > 10+16*workers+workers {
		t.Errorf("%d files linted after emit said stop at the 10th", after)
	}
	time.Sleep(50 * time.Millisecond)
	if linted.Load() != after {
		t.Errorf("workers went on linting after Stream returned")
	}
}

// A panic in emit leaves Stream (its workers are stopped and waited for)
// instead of leaving them waiting for a window that never moves on.
func TestStreamEmitPanics(t *testing.T) {
	var srcs []rules.Source
	for i := range 500 {
		srcs = append(srcs, rules.Source{Path: fmt.Sprintf("f%04d.md", i), Data: []byte("Text.\n")})
	}
	rule := &rules.Rule{ID: "test/none", Category: "test", Severity: rules.Warning, Run: func(*rules.Pass) {}}
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		n := 0
		rules.Stream(rules.Config{Rules: []*rules.Rule{rule}, Workers: 2}, srcs, func(*rules.FileResult) bool {
			if n++; n == 3 {
				panic("emit failed")
			}
			return true
		})
	}()
	select {
	case v := <-done:
		if v != "emit failed" {
			t.Errorf("recovered %v", v)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Stream hung after emit panicked")
	}
}

// The files being linted at once stay within the memory budget, whatever
// the number of workers: two files whose estimates fill it are linted one
// after the other (with -j 2, two 15 MB files of dense markup took twice
// the memory of one), and small files still go side by side.
func TestStreamMemoryBudget(t *testing.T) {
	big := bytes.Repeat([]byte("*a* "), 64<<10/4) // 64 KB: an estimate of about 3 MB
	for _, tt := range []struct {
		name    string
		budget  int64
		data    []byte
		atOnce  int64 // most files linted at once
		wantMax int64
	}{
		{"big files, a budget for one", 4 << 20, big, 4, 1},
		{"big files, a budget for all", 64 << 20, big, 4, 4},
		{"small files, a budget for one big", 4 << 20, []byte("# Title\n\nSome text.\n"), 4, 4},
	} {
		var running, most atomic.Int64
		rule := &rules.Rule{ID: "test/meet", Category: "test", Severity: rules.Warning, Run: func(p *rules.Pass) {
			n := running.Add(1)
			defer running.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			// wait (a while at most) for the other workers to come
			for i := 0; i < 200 && most.Load() < tt.atOnce; i++ {
				time.Sleep(time.Millisecond)
			}
		}}
		var srcs []rules.Source
		for i := range 4 {
			srcs = append(srcs, rules.Source{Path: fmt.Sprintf("f%d.md", i), Data: tt.data})
		}
		rules.Run(rules.Config{Rules: []*rules.Rule{rule}, Workers: 4, MemoryBudget: tt.budget}, srcs)
		if got := most.Load(); got != tt.wantMax {
			t.Errorf("%s: %d files linted at once, want %d", tt.name, got, tt.wantMax)
		}
	}
}
