package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
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

// applyFixes mends every file with fixes (see writeFixed), and only if the
// file on disk is still what was linted. Standard input's fixed text is
// written to stdout. With staged, every source is a file's staged version:
// each is fixed on its own into its working-tree copy, and only when that
// copy is the staged version (no unstaged changes); the index is never
// written, so the commit still sees, and is stopped by, what was staged.
// It returns the number of fixes applied and standard input's fixed text.
func applyFixes(res *rules.Result, srcs []rules.Source, staged bool, inside func(string) bool, stdout, stderr io.Writer) (int, []byte, error) {
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
		if err := writeFixed(file, src, fr.Out, inside); err != nil {
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

// errCannotKeep says the new file could not be given the old one's owner,
// mode or extended attributes: the fix is then written in place.
var errCannotKeep = errors.New("cannot keep the file's owner, mode or attributes")

// writeFixed replaces path's content old with new. It writes a temporary
// file in the same folder, gives it the old file's owner, mode (every bit,
// setuid, setgid and sticky included) and extended attributes, and renames
// it over the old one: atomic, and the file is what it was but for the fix.
// A file with several names (hard links), or whose owner, mode or
// attributes the new file cannot be given, or whose folder cannot take a
// new file, is rewritten in place instead: every name sees the fix and
// nothing about the file changes but its text. Through a symbolic link it
// writes the file the link points to and keeps the link, but only when
// that file is inside (a real path, nil: anywhere). A file the user
// may not write (asked of the system, not read off the mode bits), or with
// no write bit at all, is refused.
func writeFixed(path string, old, new []byte, inside func(string) bool) error {
	// through a symbolic link, replace the file it points to
	real, err := realPath(path)
	if err != nil {
		return err
	}
	if inside != nil && !inside(real) {
		return errOutside
	}
	path = real
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if st.Mode().Perm()&0o222 == 0 {
		return errors.New("the file is read-only")
	}
	if err := canWrite(path); err != nil {
		return fmt.Errorf("you may not write the file: %w", err)
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return errChanged
	}
	if hardLinked(st) {
		return writeInPlace(path, old, new)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".draftlint-*")
	if errors.Is(err, fs.ErrPermission) {
		return writeInPlace(path, old, new) // the folder takes no new file
	}
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer func() { _ = os.Remove(name) }() // no-op once renamed
	err = writeSynced(tmp, new)
	if err == nil {
		err = keepMetadata(tmp, path, st)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, errCannotKeep) {
		return writeInPlace(path, old, new)
	}
	if err != nil {
		return err
	}
	// a last look: the file must not have changed while we wrote
	if cur, err := os.ReadFile(path); err != nil || !bytes.Equal(cur, old) {
		return errChanged
	}
	return os.Rename(name, path)
}

func writeSynced(f *os.File, data []byte) error {
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Sync()
}

// writeInPlace rewrites path's content old as new through the file itself,
// which keeps every name, the owner, the mode and the attributes. It is not
// atomic: a write that fails half-way puts the old content back.
func writeInPlace(path string, old, new []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	cur, err := io.ReadAll(f)
	if err == nil && !bytes.Equal(cur, old) {
		err = errChanged
	}
	if err == nil {
		if err = rewrite(f, new); err != nil {
			_ = rewrite(f, old)
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func rewrite(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}
