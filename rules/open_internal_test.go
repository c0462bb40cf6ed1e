//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package rules

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ReadSource refuses a FIFO without opening it. A file that turns into a FIFO between the stat and the open (the stat
// would have refused a FIFO) neither blocks the open nor the read.
func TestOpenSourceFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "swapped.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := ReadSource(fifo, 0); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := openSource(fifo)
		if err == nil {
			var b [16]byte
			_, err = f.Read(b[:])
			_ = f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a read from an empty FIFO brought something")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening or reading a FIFO blocked")
	}
}
