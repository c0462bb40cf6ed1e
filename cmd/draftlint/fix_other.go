//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import (
	"errors"
	"io/fs"
	"os"
)

// noFollow: createOutput's look at the name is all there is here.
const noFollow = 0

var errLoop = errors.New("no such error here")

// canWrite: the system is asked when the file is opened.
var canWrite = func(string) error { return nil }

func hardLinked(fs.FileInfo) bool { return false }

// fileKey: no file identity here; files are told apart by their path.
func fileKey(fs.FileInfo) any { return nil }

// keepMetadata keeps the mode's permission bits, all there is to keep here.
func keepMetadata(tmp *os.File, _ string, st fs.FileInfo) error {
	return tmp.Chmod(st.Mode().Perm())
}
