package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestTuneMemory(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	untune := tuneMemory()
	if got := debug.SetMemoryLimit(-1); got != memoryTarget {
		t.Errorf("memory limit %d while tuned, want %d", got, memoryTarget)
	}
	untune()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit %d after, want none", got)
	}
	if got := debug.SetGCPercent(before); got != before {
		t.Errorf("GC percent %d after, want %d", got, before)
	}
}
