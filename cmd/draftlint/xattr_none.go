//go:build openbsd || dragonfly

package main

// copyXattrs: these systems keep no extended attributes.
func copyXattrs(string, int) error { return nil }
