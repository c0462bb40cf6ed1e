package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	gitignore "github.com/sabhiram/go-gitignore"
)

// lintExts are the extensions linted when a folder is walked.
var lintExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true, ".html": true, ".htm": true, ".txt": true, ".text": true}

// skipDirs are never walked into.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true, ".venv": true, "__pycache__": true}

type walker struct {
	include, exclude []string
	noIgnore         bool
	files            []string
	problems         []problem    // paths that cannot be walked or read: the run fails
	notes            []problem    // files not linted on purpose: said, the run goes on
	seen             map[any]bool // the files listed, by device and inode (else absolute path)
	wd               string       // the working folder, for those keys
	// roots are the real paths of the folders given (for a file given, its
	// folder): a symbolic link is followed, and a fix written through one,
	// only to a file inside them.
	roots []string
}

// setRoots records the folders given, before any is walked: a link in one
// may point into another.
func (w *walker) setRoots(paths []string) {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			p = filepath.Dir(p)
		}
		w.addRoot(p)
	}
}

func (w *walker) addRoot(dir string) {
	if real, err := realPath(dir); err == nil {
		w.roots = append(w.roots, real)
	}
}

// realPath is p's absolute path with every symbolic link resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// inside says the real path p lies in one of the roots.
func (w *walker) inside(p string) bool {
	for _, r := range w.roots {
		if rel, err := filepath.Rel(r, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// errOutside refuses a fix through a link out of the folders given.
var errOutside = errors.New("it is a symbolic link to a file outside the folders given; fix that file itself")

type problem struct {
	path, msg string
}

// excluded: p matches an --exclude glob, as walked or relative to the root
// it was found under.
func (w *walker) excluded(p, root string) bool {
	return matchAny(w.exclude, p, root)
}

func matchAny(globs []string, p, root string) bool {
	if len(globs) == 0 {
		return false
	}
	if root != "" && root != p {
		if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") && matchAny(globs, rel, "") {
			return true
		}
	}
	slash := filepath.ToSlash(filepath.Clean(p))
	slash = strings.TrimPrefix(slash, "./")
	base := filepath.Base(p)
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, slash); ok {
			return true
		}
		if !strings.Contains(g, "/") {
			if ok, _ := doublestar.Match(g, base); ok {
				return true
			}
		}
		// a folder pattern excludes what is below it
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", slash); ok {
			return true
		}
	}
	return false
}

// add lists file p, whose stat (through a link) is st, once, however it is
// reached ("a.md", "./a.md", its absolute path, a symbolic link or a hard
// link to it, or found again by walking a folder): a file linted twice
// would be reported twice, and as the same headline as itself. The first
// name is the one reported.
func (w *walker) add(p string, st fs.FileInfo) {
	if w.seen == nil {
		w.seen = map[any]bool{}
	}
	key := fileKey(st)
	if key == nil {
		abs := filepath.Clean(p)
		if !filepath.IsAbs(abs) {
			if w.wd == "" {
				w.wd, _ = os.Getwd() // once: it costs system calls
			}
			abs = filepath.Join(w.wd, abs)
		}
		key = abs
	}
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	w.files = append(w.files, p)
}

// walk adds the files under root (or root itself when it is a file).
func (w *walker) walk(root string) {
	st, err := os.Stat(root)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		w.problems = append(w.problems, problem{root, msg})
		return
	}
	if !st.IsDir() {
		if !w.excluded(root, "") {
			w.add(root, st) // named: linted even through a link to outside
		}
		return
	}
	if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(root, string(filepath.Separator)) {
		// a link to a folder, named: walk the folder (WalkDir would take
		// the link for a file and lint nothing)
		root += string(filepath.Separator)
	}
	ign := &ignoreStack{}
	if !w.noIgnore {
		ign.loadAncestors(root)
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.problems = append(w.problems, problem{p, errText(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || w.excluded(p, root) || ign.ignored(p, true)) {
				return filepath.SkipDir
			}
			if !w.noIgnore {
				ign.load(p)
			}
			return nil
		}
		if ign.ignored(p, false) || w.excluded(p, root) {
			return nil
		}
		if len(w.include) > 0 {
			if !matchAny(w.include, p, root) {
				return nil
			}
		} else if !lintExts[strings.ToLower(filepath.Ext(p))] {
			return nil
		}
		var st fs.FileInfo
		if d.Type()&fs.ModeSymlink != 0 {
			st, err = os.Stat(p)
			if err != nil {
				w.problems = append(w.problems, problem{p, errText(err)})
				return nil
			}
			if !st.Mode().IsRegular() {
				return nil
			}
			// a link out of the folders given is not followed: a
			// repository's link would show (or let --fix write) any
			// file the run can read
			real, err := realPath(p)
			if err != nil {
				w.problems = append(w.problems, problem{p, errText(err)})
				return nil
			}
			if !w.inside(real) {
				to, _ := os.Readlink(p)
				w.notes = append(w.notes, problem{p, fmt.Sprintf("not linted: a symbolic link to %s, outside the folders given", to)})
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		} else if st, err = d.Info(); err != nil {
			w.problems = append(w.problems, problem{p, errText(err)})
			return nil
		}
		w.add(p, st)
		return nil
	})
}

// say prints the problems and, unless quiet, the notes met while walking;
// it says whether there was a problem (which fails the run).
func (w *walker) say(stderr io.Writer, quiet bool) bool {
	for _, p := range w.problems {
		warnf(stderr, "%s: %s", p.path, p.msg)
	}
	if !quiet {
		for _, p := range w.notes {
			warnf(stderr, "%s: %s", p.path, p.msg)
		}
	}
	return len(w.problems) > 0
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ignoreStack holds the .gitignore files of the folders being walked.
type ignoreStack struct {
	dirs []string
	ms   []*gitignore.GitIgnore
}

func (s *ignoreStack) load(dir string) {
	m, err := gitignore.CompileIgnoreFile(filepath.Join(dir, ".gitignore"))
	if err != nil || m == nil {
		return
	}
	s.dirs = append(s.dirs, dir)
	s.ms = append(s.ms, m)
}

// loadAncestors loads the .gitignore files of the folders above root, up to
// the top of its git work tree.
func (s *ignoreStack) loadAncestors(root string) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return
	}
	var chain []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			break
		}
		if filepath.Dir(d) == d {
			chain = nil // not in a work tree: no ancestors count
			break
		}
	}
	if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
		chain = nil
	}
	for i := len(chain) - 1; i >= 0; i-- {
		rel, err := filepath.Rel(abs, chain[i])
		if err != nil {
			continue
		}
		s.load(filepath.Join(root, rel))
	}
}

func (s *ignoreStack) ignored(p string, dir bool) bool {
	for i, d := range s.dirs {
		rel, err := filepath.Rel(d, p)
		if err != nil || strings.HasPrefix(rel, "..") || rel == "." {
			continue
		}
		rel = filepath.ToSlash(rel)
		if dir {
			if s.ms[i].MatchesPath(rel + "/") {
				return true
			}
		}
		if s.ms[i].MatchesPath(rel) {
			return true
		}
	}
	return false
}
