package draft

import (
	"runtime"
	"strings"
	"testing"
)

// allocated is the heap fn allocates, in bytes.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Parsing markup-dense Markdown costs a bounded number of bytes per byte of
// input: goldmark made a node or more of nearly every markup byte, so 2 MB
// of "*a* " took 414 MB (200 bytes a byte) and 15 MB took 5 GB.
func TestMarkupDenseMemory(t *testing.T) {
	const size = 2 << 20
	const perByte = 40 // generous: 2 to 25 with the guard, 200 to 340 before it
	for _, unit := range []string{
		"*a* ", "_a_ ", "**a** ", "`a` ", "~~a~~ ", "[a](b) ", "![a](b) ", "[a] ", "<b>a</b> ", "&amp; ", `\* `, "<x@y.z> ",
		"a|", "x *a* ",
		// lines of 80 to 100 bytes: each line costs goldmark and the
		// document about a kilobyte of its own (which --max-lines bounds)
		strings.Repeat("*a* ", 20) + "\n", "- " + strings.Repeat("_a_ ", 20) + "\n", "> " + strings.Repeat("*a* `b` ", 10) + "\n",
		strings.Repeat("<b>a</b> ", 10) + "\n\n", strings.Repeat("[a](b) ", 12) + "\n", "| " + strings.Repeat("a | ", 20) + "\n",
	} {
		src := []byte(strings.Repeat(unit, size/len(unit)))
		var d *Document
		n := allocated(func() { d = Parse("dense.md", src, Markdown) })
		if n > perByte*size {
			t.Errorf("%q × %d: %d bytes allocated, %.0f a byte of input; want at most %d", unit, size/len(unit), n, float64(n)/size, perByte)
		}
		if len(d.Blocks) == 0 || !strings.Contains(d.Blocks[0].Text, "a") && unit != "&amp; " && unit != `\* ` && unit != "<x@y.z> " {
			t.Errorf("%q: the prose was lost: %d blocks", unit, len(d.Blocks))
		}
		t.Logf("%-14q %5.1f bytes a byte", unit, float64(n)/size)
	}
}
