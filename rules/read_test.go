package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
)

// ReadSource reads what os.ReadFile reads, whatever the size; refuses a
// folder or a file too large; and reads a
// file whose size stat does not know (/proc), which takes its "grew since
// stat" path.
func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 2, 4095, 4096, 4097, 65536, 1<<20 + 3} {
		p := filepath.Join(dir, "f.md")
		want := bytes.Repeat([]byte("abcdefg\n"), n/8+1)[:n]
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := rules.ReadSource(p, 0)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d bytes: read %d, %v", n, len(got), err)
		}
		if _, err := rules.ReadSource(p, int64(n)-1); n > 1 && (err == nil || !strings.Contains(err.Error(), "more than the")) {
			t.Errorf("%d bytes with a limit of %d: %v", n, n-1, err)
		}
	}
	if _, err := rules.ReadSource(dir, 0); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: %v", err)
	}
	if st, err := os.Stat("/proc/self/status"); err == nil && st.Size() == 0 {
		got, err := rules.ReadSource("/proc/self/status", 0)
		if err != nil || !bytes.Contains(got, []byte("Name:")) {
			t.Errorf("/proc/self/status: %d bytes, %v", len(got), err)
		}
		if _, err := rules.ReadSource("/proc/self/status", 10); err == nil || !strings.Contains(err.Error(), "grew past") {
			t.Errorf("/proc/self/status with a limit of 10 bytes: %v", err)
		}
	}
}
