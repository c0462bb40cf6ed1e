package main

import (
	"bufio"
	"io"

	"github.com/urfave/cli/v2"

	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/config"
	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/report"
	"github.com/draftlint/draftlint/rules"
)

// configs finds and caches the config of each folder.
type configs struct {
	explicit *config.File // --config
	flags    config.Flags
	byPath   map[string]*config.File
	byDir    map[string]string // folder → the config file found from it ("" for none)
	settings map[*config.File]*rules.Settings
}

func newConfigs(explicit string, fl config.Flags) (*configs, error) {
	c := &configs{flags: fl, byPath: map[string]*config.File{}, byDir: map[string]string{}, settings: map[*config.File]*rules.Settings{}}
	if explicit != "" {
		f, err := config.Load(explicit)
		if err != nil {
			return nil, err
		}
		c.explicit = f
	}
	return c, nil
}

// forDir returns the config that governs files in dir (nil: defaults).
func (c *configs) forDir(dir string) (*config.File, error) {
	if c.explicit != nil {
		return c.explicit, nil
	}
	// files of one folder share the search up the tree (it stats a file
	// name in every folder up to the root)
	p, ok := c.byDir[dir]
	if !ok {
		p = config.Find(dir)
		c.byDir[dir] = p
	}
	if p == "" {
		return nil, nil
	}
	if f, ok := c.byPath[p]; ok {
		return f, nil
	}
	f, err := config.Load(p)
	if err != nil {
		return nil, err
	}
	c.byPath[p] = f
	return f, nil
}

func (c *configs) settingsFor(f *config.File) (*rules.Settings, error) {
	if s, ok := c.settings[f]; ok {
		return s, nil
	}
	s, err := f.Settings(c.flags)
	if err != nil {
		return nil, err
	}
	c.settings[f] = s
	return s, nil
}

// included applies a config's include and exclude globs, relative to the
// folder the config file is in.
func included(f *config.File, path string) bool {
	if f == nil || len(f.Include) == 0 && len(f.Exclude) == 0 {
		return true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return true
	}
	rel, err := filepath.Rel(f.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return true
	}
	if len(f.Include) > 0 && !matchAny(f.Include, rel, "") {
		return false
	}
	return !matchAny(f.Exclude, rel, "")
}

// ---- baseline ----

// baselineEntry is one recorded finding. Its fingerprint is made of the
// rule, the file, the finding's own text and the text of its line, all
// with white space folded: no line numbers, so unrelated edits elsewhere in
// the file keep it.
type baselineEntry struct {
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

func fold(b []byte) string { return strings.Join(strings.Fields(string(b)), " ") }

func fingerprint(f rules.Finding, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", filepath.ToSlash(f.File), f.Rule)
	if src != nil && f.EndOffset <= len(src) {
		h.Write([]byte(fold(src[f.Offset:f.EndOffset])))
		h.Write([]byte{0})
		ls, le := f.Offset, f.EndOffset
		for ls > 0 && src[ls-1] != '\n' {
			ls--
		}
		for le < len(src) && src[le] != '\n' {
			le++
		}
		h.Write([]byte(fold(src[ls:le])))
	} else {
		h.Write([]byte(f.Message))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func writeBaseline(path string, res *rules.Result) (int, error) {
	bf := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for _, f := range res.Findings {
		bf.Findings = append(bf.Findings, baselineEntry{File: filepath.ToSlash(f.File), Rule: f.Rule,
			Fingerprint: fingerprint(f, res.Sources[f.File]), Message: f.Message})
	}
	sort.SliceStable(bf.Findings, func(i, j int) bool {
		a, b := bf.Findings[i], bf.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	data, err := json.MarshalIndent(bf, "", "  ")
	if err != nil {
		return 0, err
	}
	f, err := createOutput(path)
	if err != nil {
		return 0, err
	}
	_, err = f.Write(append(data, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return len(bf.Findings), err
}

// applyBaseline drops findings recorded in the baseline (each entry hides
// one finding with its fingerprint).
func applyBaseline(path string, fs []rules.Finding, sources map[string][]byte) ([]rules.Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %s: %s", path, errText(err))
	}
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil || bf.Version != 1 {
		return nil, fmt.Errorf("--baseline: %s is not a draftlint baseline (write one with draftlint baseline write)", path)
	}
	left := map[string]int{}
	for _, e := range bf.Findings {
		left[e.Fingerprint]++
	}
	out := fs[:0:0]
	for _, f := range fs {
		fp := fingerprint(f, sources[f.File])
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

// ---- git ----

var (
	errNotRepo = errors.New("not inside a git repository")
	errNoGit   = errors.New("git is not installed")
)

func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(errb.String())
		if strings.Contains(msg, "not a git repository") {
			return nil, errNotRepo
		}
		var ee *exec.Error
		if errors.As(err, &ee) {
			return nil, errNoGit
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// changedLines returns, per file (as given), the line numbers changed
// since rev; files git does not track count as wholly new (nil).
func changedLines(rev string, files []string) (map[string]map[int]bool, error) {
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		if errors.Is(err, errNotRepo) || errors.Is(err, errNoGit) {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
		return nil, fmt.Errorf("--new-from-rev: %q is not a revision of this repository", rev)
	}
	out := map[string]map[int]bool{}
	for _, f := range files {
		if _, err := git("ls-files", "--error-unmatch", "--", f); err != nil {
			out[f] = nil // untracked: every line is new
			continue
		}
		d, err := git("diff", "--no-color", "--no-ext-diff", "-U0", rev, "--", f)
		if err != nil {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
		lines := map[int]bool{}
		sc := bufio.NewScanner(bytes.NewReader(d))
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			l := sc.Text()
			if !strings.HasPrefix(l, "@@ ") {
				continue
			}
			// @@ -a,b +c,d @@
			parts := strings.Fields(l)
			if len(parts) < 3 {
				continue
			}
			plus := strings.TrimPrefix(parts[2], "+")
			start, count := plus, "1"
			if i := strings.IndexByte(plus, ','); i >= 0 {
				start, count = plus[:i], plus[i+1:]
			}
			s, _ := strconv.Atoi(start)
			n, _ := strconv.Atoi(count)
			for k := s; k < s+n; k++ {
				lines[k] = true
			}
		}
		out[f] = lines
	}
	return out, nil
}

func onlyNew(fs []rules.Finding, changed map[string]map[int]bool) []rules.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		lines, ok := changed[f.File]
		if !ok || lines == nil {
			out = append(out, f) // untracked or not asked about: new
			continue
		}
		for l := f.Line; l <= max(f.EndLine, f.Line); l++ {
			if lines[l] {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// stagedSources reads the staged version of every staged file from the
// index, not the working tree.
func stagedSources(w *walker) ([]rules.Source, error) {
	// first: outside a repository git diff --cached would take itself for
	// git diff --no-index and answer with its usage
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--staged: %w", err)
	}
	out, err := git("diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
	if err != nil {
		return nil, fmt.Errorf("--staged: %w", err)
	}
	root := strings.TrimSpace(string(top))
	w.addRoot(root) // --fix writes the working-tree copies: inside the work tree only
	wd, _ := os.Getwd()
	var srcs []rules.Source
	for _, name := range strings.Split(string(out), "\x00") {
		if name == "" {
			continue
		}
		if len(w.include) > 0 && !matchAny(w.include, name, "") || len(w.include) == 0 && !lintExts[strings.ToLower(filepath.Ext(name))] || w.excluded(name, "") {
			continue
		}
		data, err := git("show", ":"+name)
		if err != nil {
			return nil, fmt.Errorf("--staged: reading %s from the index: %w", name, err)
		}
		p := filepath.Join(root, name)
		if rel, err := filepath.Rel(wd, p); err == nil {
			p = rel
		}
		srcs = append(srcs, rules.Source{Path: p, Data: data, Format: draft.FormatFor(name), HasFormat: true})
	}
	return srcs, nil
}

// hookScript is the pre-commit hook draftlint hook install writes. Its
// second line is the marker by which hook install knows its own hook. It
// finds draftlint on PATH when it runs (an upgrade or a move of the binary
// does not break it) and colours the report only on a terminal (--color
// auto: a git GUI shows no escape codes).
const hookScript = `#!/bin/sh
# draftlint pre-commit hook: lints the staged version of every staged draft.
# Installed by "draftlint hook install"; skip once with git commit --no-verify.
if ! command -v draftlint >/dev/null 2>&1; then
  echo "draftlint pre-commit hook: draftlint is not on PATH; install it (go install github.com/draftlint/draftlint/cmd/draftlint@latest), commit with --no-verify, or remove this hook with draftlint hook uninstall" >&2
  exit 1
fi
exec draftlint --staged
`

// legacyHookScript is the hook earlier versions wrote, with the binary's
// absolute path: still draftlint's own, replaced and removed as such.
const legacyHookScript = `#!/bin/sh
# draftlint pre-commit hook: lints the staged version of every staged draft.
# Installed by "draftlint hook install"; skip once with git commit --no-verify.
exec %s --staged --color always
`

// ownHook matches a hook exactly as hook install writes it, or wrote it
// for any draftlint binary: a hook that merely mentions draftlint, or
// draftlint's hook edited by hand, is someone's own script.
var ownHook = regexp.MustCompile(`\A(?:` + regexp.QuoteMeta(hookScript) + `|` +
	strings.Replace(regexp.QuoteMeta(legacyHookScript), "%s", `[^\n]+`, 1) + `)\z`)

// hookPath is the path of the repository's pre-commit hook (its hooks
// folder made if missing).
func hookPath() (string, error) {
	dir, err := git("rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", err
	}
	hooks := strings.TrimSpace(string(dir))
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return "", err
	}
	return filepath.Join(hooks, "pre-commit"), nil
}

// uninstallHook removes the pre-commit hook if it is the one draftlint
// wrote, and says what it did; any other hook, or a link, is left alone.
func uninstallHook() (string, error) {
	path, err := hookPath()
	if err != nil {
		return "", err
	}
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "no pre-commit hook to remove (" + path + ")", nil
	}
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not the hook draftlint wrote (not a regular file): left as it is", path)
	}
	old, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if !ownHook.Match(old) {
		return "", fmt.Errorf("%s is not the hook draftlint wrote: left as it is", path)
	}
	if err := os.Remove(path); err != nil {
		return "", err
	}
	return "removed " + path, nil
}

// installHook writes the pre-commit hook and says what it did. It never
// writes through a symbolic link (a team's shared hook script would be
// overwritten): a link is refused, or with force replaced itself. A file
// that is not the hook draftlint wrote is replaced only with force.
func installHook(force bool) (string, error) {
	path, err := hookPath()
	if err != nil {
		return "", err
	}
	hooks := filepath.Dir(path)
	done := "installed " + path
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			to, _ := os.Readlink(path)
			if !force {
				return "", fmt.Errorf("%s is a symbolic link (to %s), perhaps a shared hook: not written through; use --force to replace the link itself with draftlint's hook", path, to)
			}
			done = fmt.Sprintf("replaced the symbolic link %s (to %s, left as it was) with draftlint's hook", path, to)
		case !st.Mode().IsRegular():
			return "", fmt.Errorf("%s is not a regular file", path)
		default:
			old, err := os.ReadFile(path)
			if err != nil {
				return "", err
			}
			if !force && !ownHook.Match(old) {
				return "", fmt.Errorf("%s exists and is not the hook draftlint wrote; use --force to replace it", path)
			}
		}
	}
	// a new file renamed over the name: a link there is replaced, not
	// written through
	tmp, err := os.CreateTemp(hooks, ".pre-commit.draftlint-*")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	defer func() { _ = os.Remove(name) }() // no-op once renamed
	err = writeSynced(tmp, []byte(hookScript))
	if err == nil {
		err = tmp.Chmod(0o755)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	return done, err
}

// printConfig prints the effective configuration for a path.
func printConfig(c *cli.Context, w io.Writer) error {
	path := "."
	if c.NArg() > 0 {
		path = c.Args().First()
	}
	dir := path
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		dir = filepath.Dir(path)
	} else if err != nil {
		return usagef("%s: %s", path, errText(err))
	}
	cfgs, err := newConfigs(c.String("config"), config.Flags{Enable: c.StringSlice("enable"), Disable: c.StringSlice("disable")})
	if err != nil {
		return usageError{err.Error()}
	}
	f, err := cfgs.forDir(dir)
	if err != nil {
		return usageError{err.Error()}
	}
	s, err := cfgs.settingsFor(f)
	if err != nil {
		return usageError{err.Error()}
	}
	_, err = io.WriteString(w, report.SanitizeLines(config.Describe(f, s))) // a config quotes what its file says
	return err
}
