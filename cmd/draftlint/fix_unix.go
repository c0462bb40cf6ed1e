//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// noFollow makes an open fail (errLoop) on a symbolic link.
const noFollow = unix.O_NOFOLLOW

var errLoop = unix.ELOOP

// canWrite asks the system whether the user may write path: the mode bits
// alone do not say (the owner, groups, ACLs, a read-only mount do).
// A variable for tests.
var canWrite = func(path string) error {
	for {
		err := unix.Access(path, unix.W_OK)
		if err != unix.EINTR {
			return err
		}
	}
}

// hardLinked says the file has more than one name.
func hardLinked(st fs.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	return ok && s.Nlink > 1
}

// fileKey is the file's device and inode: one key however the file is
// named.
func fileKey(st fs.FileInfo) any {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return [2]any{s.Dev, s.Ino}
}

// keepMetadata gives the new file tmp the owner, the mode (all of it) and
// the extended attributes of old, whose stat is st; errCannotKeep when one
// of them cannot be given.
func keepMetadata(tmp *os.File, old string, st fs.FileInfo) error {
	want, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return errCannotKeep
	}
	fd := int(tmp.Fd())
	var got unix.Stat_t
	if err := unix.Fstat(fd, &got); err != nil {
		return err
	}
	// the owner first: changing it clears setuid and setgid
	if got.Uid != want.Uid || got.Gid != want.Gid {
		if err := unix.Fchown(fd, int(want.Uid), int(want.Gid)); err != nil {
			return fmt.Errorf("%w: %w", errCannotKeep, err)
		}
	}
	if err := copyXattrs(old, fd); err != nil {
		return err
	}
	// os.File.Chmod carries setuid, setgid and sticky over
	if err := tmp.Chmod(st.Mode()); err != nil {
		return fmt.Errorf("%w: %w", errCannotKeep, err)
	}
	// the system may drop setgid silently (a group the user is not in)
	now, err := tmp.Stat()
	if err != nil {
		return err
	}
	if now.Mode() != st.Mode() {
		return errCannotKeep
	}
	return nil
}
