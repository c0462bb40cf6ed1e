package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// memoryTarget is the total memory a run aims to stay under while what it
// must keep (findings, cross-file titles) is small.
const memoryTarget = 80 << 20

// tuneMemory lets the garbage collector run when the process nears
// memoryTarget rather than each time the heap doubles: linting allocates
// much short-lived memory and keeps little, so this collects less often
// (less CPU) while bounding memory. When what the run keeps grows past half
// the target (a repository with very many findings, a large file being
// linted), the limit follows at twice the live heap, so the collector never
// thrashes, and comes down again when the live heap falls below a quarter
// of it. GOGC or GOMEMLIMIT
// set in the environment leave the runtime's own settings alone. It returns
// a function that stops the watch.
func tuneMemory() func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := int64(memoryTarget)
	debug.SetMemoryLimit(limit)
	old := debug.SetGCPercent(-1)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				continue
			}
			live := int64(sample[0].Value.Uint64())
			switch {
			case live*3/2 > limit:
				limit = live * 2
				debug.SetMemoryLimit(limit)
			case limit > memoryTarget && live*4 < limit:
				// a large file is done: come down again, so that its
				// memory goes back before the next one takes more
				limit = max(memoryTarget, live*2)
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(math.MaxInt64)
	}
}
