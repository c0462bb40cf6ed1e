package lex

import "sync"

// ArrayPool keeps the arrays of documents that are done for the next ones:
// Get returns an empty slice (with the capacity of an earlier one when
// there is one), Put takes a slice back, cleared, unless it holds more
// than Max elements (from a very large document), which are left to the
// collector.
type ArrayPool[T any] struct {
	Max int
	p   sync.Pool
}

// Get returns an empty slice to append to.
func (ap *ArrayPool[T]) Get() []T {
	if a, ok := ap.p.Get().(*[]T); ok {
		return (*a)[:0]
	}
	return nil
}

// Put gives a back: nothing may use it or a slice of it afterwards.
func (ap *ArrayPool[T]) Put(a []T) {
	if cap(a) == 0 || cap(a) > ap.Max {
		return
	}
	clear(a) // drop what its elements point to
	a = a[:0]
	ap.p.Put(&a)
}
