//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package rules

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
)

// openSource opens a file stat called regular for reading. It reads
// through the descriptor itself rather than an os.File, which for each
// file asks the system four more times (the poller's set-up, which a
// regular file does not use). O_NONBLOCK keeps a file swapped for a FIFO
// since the stat from blocking the run: its read fails instead.
func openSource(path string) (io.ReadCloser, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return fdFile{fd: fd, path: path}, nil
	}
}

type fdFile struct {
	fd   int
	path string
}

func (f fdFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case err == syscall.EINTR:
			continue
		case errors.Is(err, syscall.EAGAIN):
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: errors.New("not a regular file")}
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f fdFile) Close() error { return syscall.Close(f.fd) }
