//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package rules

import (
	"io"
	"os"
)

// openSource opens a file stat called regular for reading.
func openSource(path string) (io.ReadCloser, error) { return os.Open(path) }
