package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/draftlint/draftlint/rules"
)

// checkOutput refuses a report file that is one of the files to lint
// (named, found by walking, or the same file under another name): the
// report would overwrite the draft. staged says the sources read from the
// index stand for their working-tree files.
func checkOutput(flag, output string, srcs []rules.Source, staged bool) error {
	if output == "" {
		return nil
	}
	st, err := os.Stat(output)
	for i := 0; err == nil && i < len(srcs); i++ { // nothing there yet: nothing to lose
		s := srcs[i]
		if s.Data != nil && !staged {
			continue // standard input
		}
		if sst, err := os.Stat(s.Path); err == nil && os.SameFile(st, sst) {
			what := "one of the files to lint"
			if filepath.Clean(s.Path) != filepath.Clean(output) {
				what = "the file " + s.Path + ", " + what
			}
			return usagef("%s %s is %s: the report would overwrite it; write the report elsewhere (or --exclude the file)", flag, output, what)
		}
	}
	return nil
}

// createOutput creates (or empties) a report file. It does not write
// through a symbolic link: a link committed in a repository under the
// report's name would let the report overwrite any file the run may write.
// A link to something that is not a file (a terminal, a pipe, a device),
// and the system's names of the run's own streams (/dev/stdout, /dev/fd/N:
// links, wherever standard output was sent), are written to.
func createOutput(name string) (*os.File, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if ownStream(name) {
		return os.OpenFile(name, flags, 0o666)
	}
	if lst, err := os.Lstat(name); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		st, err := os.Stat(name)
		if err != nil || st.Mode().IsRegular() || st.IsDir() {
			to, _ := os.Readlink(name)
			return nil, fmt.Errorf("%s is a symbolic link (to %s): the report is not written through it; name the file itself, or remove the link", name, to)
		}
	} else {
		flags |= noFollow // the name cannot turn into a link meanwhile
	}
	f, err := os.OpenFile(name, flags, 0o666)
	if errors.Is(err, errLoop) {
		return nil, fmt.Errorf("%s became a symbolic link: the report is not written through it", name)
	}
	return f, err
}

// ownStream says name is the system's name of one of the run's own file
// descriptors.
func ownStream(name string) bool {
	name = filepath.ToSlash(filepath.Clean(name))
	switch name {
	case "/dev/stdout", "/dev/stderr":
		return true
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if n, ok := strings.CutPrefix(name, dir); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return true
		}
	}
	return false
}

// writeNewFile writes a file that must not exist yet. O_EXCL refuses a
// symbolic link there too, even one pointing nowhere, which a plain create
// would follow to make a file elsewhere.
func writeNewFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
