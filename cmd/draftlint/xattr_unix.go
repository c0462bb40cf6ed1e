//go:build linux || darwin || freebsd || netbsd

package main

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// xattrNames lists path's extended attributes (none where the file system
// keeps none).
func xattrNames(path string) ([]string, error) {
	var buf []byte
	for {
		n, err := unix.Listxattr(path, nil)
		if errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.ENOSYS) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, nil
		}
		buf = make([]byte, n)
		n, err = unix.Listxattr(path, buf)
		if errors.Is(err, unix.ERANGE) {
			continue // it grew since
		}
		if err != nil {
			return nil, err
		}
		buf = buf[:n]
		break
	}
	var names []string
	for len(buf) > 0 {
		i := 0
		for i < len(buf) && buf[i] != 0 {
			i++
		}
		if i > 0 {
			names = append(names, string(buf[:i]))
		}
		buf = buf[min(i+1, len(buf)):]
	}
	return names, nil
}

func xattrValue(path, name string) ([]byte, error) {
	for {
		n, err := unix.Getxattr(path, name, nil)
		if err != nil {
			return nil, err
		}
		val := make([]byte, n)
		n, err = unix.Getxattr(path, name, val)
		if errors.Is(err, unix.ERANGE) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return val[:n], nil
	}
}

// copyXattrs gives the file open as fd every extended attribute of path.
func copyXattrs(path string, fd int) error {
	names, err := xattrNames(path)
	if err != nil {
		return err
	}
	for _, name := range names {
		val, err := xattrValue(path, name)
		if err != nil { // removed since it was listed, or not ours to read
			return fmt.Errorf("%w: attribute %s: %w", errCannotKeep, name, err)
		}
		if err := unix.Fsetxattr(fd, name, val, 0); err != nil {
			return fmt.Errorf("%w: attribute %s: %w", errCannotKeep, name, err)
		}
	}
	return nil
}
