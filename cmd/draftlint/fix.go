package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/report"
	"github.com/draftlint/draftlint/rules"
)

// byFile groups findings by file, in file order.
func byFile(fs []rules.Finding) ([]string, map[string][]rules.Finding) {
	m := map[string][]rules.Finding{}
	var order []string
	for _, f := range fs {
		if _, ok := m[f.File]; !ok {
			order = append(order, f.File)
		}
		m[f.File] = append(m[f.File], f)
	}
	sort.Strings(order)
	return order, m
}

// diffPath is the path a unified diff names: relative to the working
// directory when the file is below it.
func diffPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// writeDiffs prints a unified diff of every file's fixes.
func writeDiffs(w io.Writer, res *rules.Result) error {
	order, m := byFile(res.Findings)
	for _, file := range order {
		src := res.Sources[file]
		if src == nil {
			continue
		}
		fr := rules.ApplyFixes(src, m[file])
		if len(fr.Applied) == 0 {
			continue
		}
		if err := report.UnifiedDiff(w, diffPath(file), src, fr.Out); err != nil {
			return err
		}
	}
	return nil
}

// applyFixes mends every file with fixes: atomically (a temporary file in
// the same folder, then rename), keeping the file's mode, and only if the
// file on disk is still what was linted. Standard input's fixed text is
// written to stdout. With staged, every source is a file's staged version:
// each is fixed on its own into its working-tree copy, and only when that
// copy is the staged version (no unstaged changes); the index is never
// written, so the commit still sees, and is stopped by, what was staged.
// It returns the number of fixes applied and standard input's fixed text.
func applyFixes(res *rules.Result, srcs []rules.Source, staged bool, stdout, stderr io.Writer) (int, []byte, error) {
	var stdinFixed []byte
	stdinName := ""
	for _, s := range srcs {
		if s.Data != nil && !staged { // --staged refuses - with --fix
			stdinName = s.Path
		}
	}
	order, m := byFile(res.Findings)
	total := 0
	var firstErr error
	for _, file := range order {
		src := res.Sources[file]
		if src == nil {
			continue
		}
		fr := rules.ApplyFixes(src, m[file])
		for _, i := range fr.Skipped {
			f := m[file][i]
			warnf(stderr, "%s:%d:%d: fix for [%s] not applied: it overlaps another fix", file, f.Line, f.Column, f.Rule)
		}
		if len(fr.Applied) == 0 {
			continue
		}
		if file == stdinName {
			stdinFixed = fr.Out
			total += len(fr.Applied)
			continue
		}
		if err := writeAtomic(file, src, fr.Out); err != nil {
			if staged && errors.Is(err, errChanged) {
				err = errors.New("the working-tree copy differs from the staged version (unstaged changes): fix it by hand and stage it")
			}
			warnf(stderr, "%s: not fixed: %v", file, err)
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		total += len(fr.Applied)
		if staged {
			warnf(stderr, "%s: %d %s applied to the working-tree copy, not staged: review them and git add the file", file, len(fr.Applied), plural(len(fr.Applied), "fix", "fixes"))
			continue
		}
		warnf(stderr, "%s: %d %s applied", file, len(fr.Applied), plural(len(fr.Applied), "fix", "fixes"))
	}
	if stdinName != "" {
		data := stdinFixed
		if data == nil {
			for _, s := range srcs {
				if s.Path == stdinName {
					data = s.Data
				}
			}
		}
		if _, err := stdout.Write(data); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return total, stdinFixed, firstErr
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

var errChanged = errors.New("the file changed on disk since it was read; lint it again")

// writeAtomic replaces path's content old with new.
func writeAtomic(path string, old, new []byte) error {
	// through a symbolic link, replace the file it points to
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o222 == 0 {
		return errors.New("the file is read-only")
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return errChanged
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".draftlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer func() { _ = os.Remove(name) }() // no-op once renamed
	if _, err := tmp.Write(new); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, st.Mode().Perm()); err != nil {
		return err
	}
	// a last look: the file must not have changed while we wrote
	if cur, err := os.ReadFile(path); err != nil || !bytes.Equal(cur, old) {
		return errChanged
	}
	return os.Rename(name, path)
}
