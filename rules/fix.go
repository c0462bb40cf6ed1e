package rules

import (
	"sort"
)

// FixResult says what ApplyFixes did with each finding's fix.
type FixResult struct {
	Out     []byte
	Applied []int // indexes of findings whose first fix was applied
	Skipped []int // indexes of findings whose fix overlapped one applied before it
}

// ApplyFixes applies the first fix of every finding that has one. Fixes are
// taken in order of position (then rule); a fix whose edits overlap an
// edit already taken is skipped, so the result is the same every run. Bytes
// outside the edits are never touched.
func ApplyFixes(src []byte, fs []Finding) FixResult {
	taken, applied, skipped := selectFixes(src, fs)
	return FixResult{Out: applyEdits(src, taken), Applied: applied, Skipped: skipped}
}

// selectFixes chooses the first fix of each finding as ApplyFixes does and
// returns their edits in order of position, with the indexes of the
// findings whose fix was taken and of those skipped.
func selectFixes(src []byte, fs []Finding) (taken []Edit, applied, skipped []int) {
	type cand struct {
		i     int
		edits []Edit
		start int
	}
	var cs []cand
	for i, f := range fs {
		if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			continue
		}
		es := append([]Edit(nil), f.Fixes[0].Edits...)
		sort.Slice(es, func(a, b int) bool { return es[a].Offset < es[b].Offset })
		ok := true
		for k, e := range es {
			if e.Offset < 0 || e.EndOffset < e.Offset || e.EndOffset > len(src) || k > 0 && e.Offset < es[k-1].EndOffset {
				ok = false
			}
		}
		if !ok {
			continue
		}
		cs = append(cs, cand{i, es, es[0].Offset})
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].start != cs[b].start {
			return cs[a].start < cs[b].start
		}
		return fs[cs[a].i].Rule < fs[cs[b].i].Rule
	})
	overlaps := func(e Edit) bool {
		for _, t := range taken {
			// two edits conflict when their ranges overlap, or when both
			// insert at the same point
			if e.Offset < t.EndOffset && t.Offset < e.EndOffset || e.Offset == t.Offset && (e.EndOffset == e.Offset || t.EndOffset == t.Offset) {
				return true
			}
		}
		return false
	}
	for _, c := range cs {
		conflict := false
		for _, e := range c.edits {
			if overlaps(e) {
				conflict = true
				break
			}
		}
		if conflict {
			skipped = append(skipped, c.i)
			continue
		}
		taken = append(taken, c.edits...)
		applied = append(applied, c.i)
	}
	sort.Slice(taken, func(a, b int) bool { return taken[a].Offset < taken[b].Offset })
	sort.Ints(applied)
	sort.Ints(skipped)
	return taken, applied, skipped
}
