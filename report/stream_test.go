package report

import (
	"bytes"
	"testing"
)

// Each streaming format writes a file's findings out on Flush (what a
// terminal gets after every file), and Begin, File per file, then End
// give the bytes Format gives.
func TestStreamersFlushAndMatchFormat(t *testing.T) {
	r := fixture()
	for _, name := range Names {
		f, err := New(name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, ok := f.(Streamer)
		if !ok {
			continue
		}
		var whole bytes.Buffer
		if err := f.Format(&whole, r); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		fw, err := st.Begin(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		fs := r.Findings
		for len(fs) > 0 {
			n := 1
			for n < len(fs) && fs[n].File == fs[0].File {
				n++
			}
			before := buf.Len()
			if err := fw.File(fs[:n], r.Sources[fs[0].File]); err != nil {
				t.Fatal(err)
			}
			if err := fw.Flush(); err != nil {
				t.Fatal(err)
			}
			if buf.Len() == before {
				t.Errorf("%s: nothing written out for %s after Flush", name, fs[0].File)
			}
			fs = fs[n:]
		}
		if err := fw.End(r); err != nil {
			t.Fatal(err)
		}
		if buf.String() != whole.String() {
			t.Errorf("%s: streamed and flushed output differs from Format's:\n%s\n----\n%s", name, buf.String(), whole.String())
		}
	}
}
