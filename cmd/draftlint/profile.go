package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profile writes CPU and heap profiles for development when
// DRAFTLINT_CPUPROFILE or DRAFTLINT_MEMPROFILE name a file (see the README's
// Development section); it returns the function that finishes them.
func profile() func() {
	var stops []func()
	if p := os.Getenv("DRAFTLINT_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "draftlint: DRAFTLINT_CPUPROFILE: %v\n", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); _ = f.Close() })
		}
	}
	if p := os.Getenv("DRAFTLINT_MEMPROFILE"); p != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			f, err := os.Create(p)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				_ = f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "draftlint: DRAFTLINT_MEMPROFILE: %v\n", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
