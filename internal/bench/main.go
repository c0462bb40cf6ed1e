// Command bench generates a deterministic corpus of Markdown drafts and
// times the draftlint CLI on it with every default rule, printing MB/s,
// files/s and peak memory (from /usr/bin/time -v when it is installed).
//
//	go run ./internal/bench                       # 10,000 drafts of ~10 KB (~100 MB)
//	go run ./internal/bench -files 100000 -size 2000
//	go run ./internal/bench -keep /tmp/corpus     # keep the corpus
//	go run ./internal/bench -runs 5 -format text  # five runs, the default report
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/draftlint/draftlint/internal/gen"
)

func main() {
	files := flag.Int("files", 10000, "number of drafts")
	size := flag.Int("size", 10000, "approximate bytes per draft")
	seed := flag.Uint64("seed", 1, "corpus seed")
	keep := flag.String("keep", "", "write the corpus here and keep it (default: a temporary folder)")
	bin := flag.String("bin", "", "draftlint binary to time (default: build ./cmd/draftlint)")
	format := flag.String("format", "json", "report format to time (text is the default report)")
	runs := flag.Int("runs", 1, "timed runs (a busy machine varies: the minimum and median are printed)")
	flag.Parse()
	if err := run(*files, *size, *seed, *keep, *bin, *format, max(1, *runs)); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(files, size int, seed uint64, keep, bin, format string, runs int) error {
	dir := keep
	if dir == "" {
		d, err := os.MkdirTemp("", "draftlint-bench-")
		if err != nil {
			return err
		}
		defer func() { _ = os.RemoveAll(d) }()
		dir = d
	}
	total := 0
	for i := 0; i < files; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		text := gen.Draft(seed, i, size)
		total += len(text)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("draft%06d.md", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	if bin == "" {
		bin = filepath.Join(dir, "draftlint-bin")
		build := exec.Command("go", "build", "-o", bin, "./cmd/draftlint")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building draftlint (run from the repository root): %w", err)
		}
	}
	args := []string{"--format", format, "--color", "never", "--fail-on", "never", "--quiet", dir}
	mb := float64(total) / 1e6
	fmt.Printf("corpus: %d drafts, %.1f MB (seed %d); format %s\n", files, mb, seed, format)
	var walls []float64
	for r := 1; r <= runs; r++ {
		cmd := exec.Command(bin, args...)
		var timeOut bytes.Buffer
		if _, err := os.Stat("/usr/bin/time"); err == nil {
			cmd = exec.Command("/usr/bin/time", append([]string{"-v", bin}, args...)...)
			cmd.Stderr = &timeOut
		}
		var out countWriter
		cmd.Stdout = &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("draftlint: %w\n%s", err, timeOut.String())
		}
		el := time.Since(start).Seconds()
		walls = append(walls, el)
		fmt.Printf("run %d: %.2f s wall, %.1f MB/s, %.0f files/s", r, el, mb/el, float64(files)/el)
		if rss := peakRSS(timeOut.String()); rss > 0 {
			fmt.Printf(", %.1f MiB peak RSS", float64(rss)/1024)
		}
		fmt.Printf(", report %d bytes\n", out.n)
	}
	if runs > 1 {
		sort.Float64s(walls)
		lo, med := walls[0], walls[len(walls)/2]
		fmt.Printf("min %.2f s (%.1f MB/s), median %.2f s (%.1f MB/s)\n", lo, mb/lo, med, mb/med)
	}
	return nil
}

// countWriter counts the report's bytes without keeping them.
type countWriter struct{ n int }

func (c *countWriter) Write(b []byte) (int, error) { c.n += len(b); return len(b), nil }

// peakRSS reads "Maximum resident set size (kbytes): N" from time -v.
func peakRSS(s string) int {
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "Maximum resident set size") {
			n, _ := strconv.Atoi(strings.TrimSpace(l[strings.LastIndexByte(l, ':')+1:]))
			return n
		}
	}
	return 0
}
