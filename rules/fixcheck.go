package rules

import (
	"bytes"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
)

// maxVerifyBytes bounds the source a file's fix checks parse again (the
// draft with each fix applied, then with all of them): past it, the fixes
// not yet checked are withheld.
const maxVerifyBytes = 64 << 20

// VetFixes makes every fix of fs safe to apply to d, or withholds it. A
// safe fix cuts through no markup (an edit that would is widened to whole
// inline elements, or split around their delimiters, or dropped), touches
// no template syntax or data key, deletes no word of prose outside its
// finding, replaces plain text only, and leaves the draft parsing the same
// way outside its edits: the draft is parsed again with the fix applied
// and its markup compared with what was there. It is called on every
// file's findings once the rules are done, so no rule can offer a fix that
// breaks a file.
func VetFixes(d *draft.Document, fs []Finding) {
	n := 0
	for i := range fs {
		n += len(fs[i].Fixes)
	}
	if n == 0 {
		return
	}
	v := &vetter{d: d, els: draft.Markup(d.Src, d.Format), budget: maxVerifyBytes}
	for i := range fs {
		f := &fs[i]
		kept := f.Fixes[:0]
		for _, fx := range f.Fixes {
			if es, ok := v.shape(f, fx.Edits); ok {
				fx.Edits = es
				kept = append(kept, fx)
			}
		}
		f.Fixes = kept
		if len(kept) == 0 {
			f.Fixes = nil
		}
	}
	// each fix alone, as a report or an editor offers it: fixes that lie
	// apart are checked in batches, and one by one only when their batch
	// fails
	bad := map[fixRef]bool{}
	for _, batch := range batches(d.Src, fs) {
		var edits []Edit
		for _, r := range batch {
			edits = append(edits, fs[r.i].Fixes[r.k].Edits...)
		}
		sort.Slice(edits, func(a, b int) bool { return edits[a].Offset < edits[b].Offset })
		if v.verify(edits) {
			continue
		}
		for _, r := range batch {
			if !v.verify(fs[r.i].Fixes[r.k].Edits) {
				bad[r] = true
			}
		}
	}
	for i := range fs {
		f := &fs[i]
		kept := f.Fixes[:0]
		for k, fx := range f.Fixes {
			if !bad[fixRef{i, k}] {
				kept = append(kept, fx)
			}
		}
		f.Fixes = kept
		if len(kept) == 0 {
			f.Fixes = nil
		}
	}
	// the first fixes together, as --fix applies them; when they clash,
	// they are taken one by one as long as they go together
	if v.verifyAll(takenEdits(d.Src, fs)) {
		return
	}
	var sel []Finding
	for i := range fs {
		if len(fs[i].Fixes) == 0 {
			continue
		}
		if !v.verify(takenEdits(d.Src, append(sel, fs[i]))) {
			fs[i].Fixes = nil
			continue
		}
		sel = append(sel, fs[i])
	}
}

type vetter struct {
	d      *draft.Document
	els    []draft.Element
	budget int
}

// fixRef names fix k of finding i.
type fixRef struct{ i, k int }

// batches groups the fixes of fs so that the edits of one group lie apart:
// between one and the next stands a whole block with a blank line before
// and after it, which an edit before it cannot change without changing it,
// and an edit after it cannot reach. Such fixes parse the same way
// together as each alone.
func batches(src []byte, fs []Finding) [][]fixRef {
	var refs []fixRef
	for i := range fs {
		for k := range fs[i].Fixes {
			if len(fs[i].Fixes[k].Edits) > 0 {
				refs = append(refs, fixRef{i, k})
			}
		}
	}
	first := func(r fixRef) Edit { return fs[r.i].Fixes[r.k].Edits[0] }
	last := func(r fixRef) Edit { es := fs[r.i].Fixes[r.k].Edits; return es[len(es)-1] }
	sort.SliceStable(refs, func(a, b int) bool { return first(refs[a]).Offset < first(refs[b]).Offset })
	runs := blankRuns(src)
	var out [][]fixRef
	var ends []int
	for _, r := range refs {
		placed := false
		// the last few batches are tried, so that fixes that are never
		// apart cost no more than one try each
		for b := max(0, len(out)-4); b < len(out); b++ {
			if s := first(r).Offset; s >= ends[b] && apart(runs, ends[b], s) {
				out[b] = append(out[b], r)
				ends[b] = last(r).EndOffset
				placed = true
				break
			}
		}
		if !placed {
			out = append(out, []fixRef{r})
			ends = append(ends, last(r).EndOffset)
		}
	}
	return out
}

// blankRuns are the offsets where runs of blank lines start in src, one
// for each run (so that content stands between any two).
func blankRuns(src []byte) []int {
	var out []int
	inRun := false
	ls := 0
	for ls < len(src) {
		le := ls
		for le < len(src) && src[le] != '\n' {
			le++
		}
		blank := len(bytes.TrimSpace(src[ls:le])) == 0 && le < len(src)
		if blank && !inRun && ls > 0 {
			out = append(out, ls)
		}
		inRun = blank
		ls = le + 1
	}
	return out
}

// apart: between offsets e and s stand two runs of blank lines, with
// content between them.
func apart(runs []int, e, s int) bool {
	i := sort.SearchInts(runs, e)
	return i+1 < len(runs) && runs[i+1] < s
}

// verifyAll is verify without the budget: the one check of all fixes
// together is always made.
func (v *vetter) verifyAll(edits []Edit) bool {
	v.budget += len(v.d.Src) + 1<<20
	return v.verify(edits)
}

// verify applies edits (sorted, not overlapping) and checks that the
// result parses as the draft did outside them.
func (v *vetter) verify(edits []Edit) bool {
	if len(edits) == 0 {
		return true
	}
	out := applyEdits(v.d.Src, edits)
	if v.budget < len(out) {
		return false
	}
	v.budget -= len(out)
	return SameMarkup(v.d.Src, v.els, edits, out, draft.Markup(out, v.d.Format))
}

// takenEdits are the edits ApplyFixes would make of fs.
func takenEdits(src []byte, fs []Finding) []Edit {
	taken, _, _ := selectFixes(src, fs)
	return taken
}

func applyEdits(src []byte, taken []Edit) []byte {
	out := make([]byte, 0, len(src))
	pos := 0
	for _, e := range taken {
		out = append(out, src[pos:e.Offset]...)
		out = append(out, e.NewText...)
		pos = e.EndOffset
	}
	return append(out, src[pos:]...)
}

// shape returns the fix's edits made safe, or false.
func (v *vetter) shape(f *Finding, edits []Edit) ([]Edit, bool) {
	src := v.d.Src
	var out []Edit
	for _, e := range edits {
		if e.Offset < 0 || e.EndOffset < e.Offset || e.EndOffset > len(src) || !runeStart(src, e.Offset) || !runeStart(src, e.EndOffset) || !utf8.ValidString(e.NewText) {
			return nil, false
		}
		parts, ok := v.shapeOne(f, e)
		if !ok {
			return nil, false
		}
		out = append(out, parts...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	for i := 1; i < len(out); i++ {
		if out[i].Offset < out[i-1].EndOffset {
			return nil, false
		}
	}
	return out, true
}

func runeStart(src []byte, i int) bool { return i >= len(src) || utf8.RuneStart(src[i]) }

// shapeOne makes one edit safe: a deletion that cuts an inline element is
// widened to the whole element when that deletes no prose outside the
// finding, else split around the element's delimiters; anything else that
// cuts markup is refused.
func (v *vetter) shapeOne(f *Finding, e Edit) ([]Edit, bool) {
	parts := []Edit{e}
	widened := false
	for changed, rounds := true, 0; changed; rounds++ {
		if rounds > 64 {
			return nil, false
		}
		changed = false
		for k := 0; k < len(parts); k++ {
			p := parts[k]
			a, b := p.Offset, p.EndOffset
			for _, el := range v.els {
				if el.Kind == draft.Open || el.Kind == draft.Close {
					continue
				}
				inside := el.CStart <= a && b <= el.CEnd && el.CStart < el.CEnd
				if el.Kind == draft.Keep {
					if (a < el.End && el.Start < b || a == b && el.Start < a && a < el.End) && !inside {
						return nil, false
					}
					continue
				}
				if el.End <= a || el.Start >= b {
					continue // apart
				}
				if p.NewText != "" {
					// a replacement covers plain text only
					if el.Kind == draft.Leaf && el.Start <= a && b <= el.End || el.Kind == draft.Inline && inside {
						continue
					}
					return nil, false
				}
				if a <= el.Start && el.End <= b && a < b {
					if el.URL {
						return nil, false // a link's or image's address is never deleted
					}
					continue // taken whole
				}
				if el.Kind == draft.Leaf {
					if el.Start <= a && b <= el.End || el.Soft {
						continue
					}
					return nil, false
				}
				if inside && (hasProse(v.d, el.CStart, a) || hasProse(v.d, b, el.CEnd)) {
					continue // the element keeps words of its own
				}
				// the edit cuts the element, or leaves it empty: take it
				// whole when it holds no prose outside the finding
				if !v.proseOutside(el.Start, el.End, f) && !el.URL {
					parts[k].Offset, parts[k].EndOffset = min(a, el.Start), max(b, el.End)
					widened, changed = true, true
					break
				}
				// split around the delimiters the edit covers
				switch {
				case a <= el.Start && el.CStart <= b && b < el.CEnd:
					parts[k].EndOffset = el.Start
					parts = append(parts, Edit{Offset: el.CStart, EndOffset: b})
				case el.CStart < a && a <= el.CEnd && b >= el.End:
					parts[k].EndOffset = el.CEnd
					parts = append(parts, Edit{Offset: el.End, EndOffset: b})
				default:
					return nil, false
				}
				changed = true
				break
			}
			if changed {
				break
			}
		}
	}
	kept := parts[:0]
	for _, p := range parts {
		if p.Offset < p.EndOffset || p.NewText != "" {
			kept = append(kept, p)
		}
	}
	parts = kept
	if len(parts) == 0 {
		return nil, false
	}
	for i, p := range parts {
		if v.proseOutside(p.Offset, p.EndOffset, f) {
			return nil, false
		}
		if widened {
			parts[i] = tidy(v.d.Src, p)
		}
	}
	return parts, true
}

// tidy takes the spaces after a widened deletion that stands between two
// spaces (or those before it at the end of a line), so no double space is
// left.
func tidy(src []byte, p Edit) Edit {
	if p.NewText != "" {
		return p
	}
	a, b := p.Offset, p.EndOffset
	before := a == 0 || src[a-1] == ' ' || src[a-1] == '\t' || src[a-1] == '\n'
	e := b
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	if before && e > b && !(e == len(src) || src[e] == '\n' || src[e] == '\r') {
		p.EndOffset = e
		return p
	}
	if e == len(src) || src[e] == '\n' || src[e] == '\r' {
		s := a
		for s > 0 && (src[s-1] == ' ' || src[s-1] == '\t') {
			s--
		}
		p.Offset, p.EndOffset = s, e
	}
	return p
}

// proseOutside reports whether a letter or digit of the draft's prose (a
// block's text, code spans included) lies in source bytes [s,e) outside
// finding f's span.
func (v *vetter) proseOutside(s, e int, f *Finding) bool {
	return hasProse(v.d, s, min(e, f.Offset)) || hasProse(v.d, max(s, f.EndOffset), e)
}

// hasProse reports whether a letter or digit of a block's text comes from
// source bytes [s,e).
func hasProse(d *draft.Document, s, e int) bool {
	if s >= e {
		return false
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.End < s || b.Start > e {
			continue
		}
		for _, g := range b.Segs {
			gs, ge := g.Src, g.Src+g.SrcLen
			if ge <= s || gs >= e {
				continue
			}
			if !g.Atomic && g.TextLen == g.SrcLen {
				if wordy(d.Src[max(gs, s):min(ge, e)]) {
					return true
				}
			} else if gs >= s && ge <= e && (wordy([]byte(b.Text[g.Text:g.Text+g.TextLen])) || wordy(d.Src[gs:ge])) {
				return true // a code span, an entity: whole or not at all
			}
		}
	}
	return false
}

func wordy(p []byte) bool {
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		p = p[n:]
	}
	return false
}

// SameMarkup reports whether after (the markup of out, src with edits
// applied) is the markup before (of src) outside the edits: what lay inside
// an edit is gone, the rest is there with its positions shifted, and a
// paragraph's edges moved only where an edit deleted its prose.
func SameMarkup(src []byte, before []draft.Element, edits []Edit, out []byte, after []draft.Element) bool {
	want, ok := expectMarkup(before, edits)
	if !ok {
		return false
	}
	want = normalise(want, out)
	got := normalise(append([]draft.Element(nil), after...), out)
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		w, g := want[i], got[i]
		if w.Kind != g.Kind || w.Name != g.Name || w.Start != g.Start || w.End != g.End {
			return false
		}
	}
	return true
}

// expectMarkup maps the markup before edits onto the edited text.
func expectMarkup(before []draft.Element, edits []Edit) ([]draft.Element, bool) {
	out := make([]draft.Element, 0, len(before))
	for _, el := range before {
		if el.Kind == draft.Open || el.Kind == draft.Close {
			out = append(out, el)
			continue
		}
		gone := false
		for _, e := range edits {
			if e.Offset < e.EndOffset && e.Offset <= el.Start && el.End <= e.EndOffset && (el.Start < el.End || el.Start > e.Offset && el.Start < e.EndOffset) {
				gone = true
				break
			}
		}
		if gone {
			continue
		}
		s, sok := mapPos(el.Start, edits, true, el.Soft)
		e, eok := mapPos(el.End, edits, false, el.Soft)
		if !sok || !eok {
			return nil, false
		}
		el.Start, el.End = s, e
		out = append(out, el)
	}
	return out, true
}

// mapPos maps an element's start (or end) through the edits; a position
// strictly inside an edit maps only for a soft element's edges.
func mapPos(p int, edits []Edit, start, soft bool) (int, bool) {
	shift := 0
	for _, e := range edits {
		switch {
		case p < e.Offset || p == e.Offset && (!start || e.Offset < e.EndOffset):
			return p + shift, true
		case p >= e.EndOffset && !(p == e.EndOffset && e.Offset == e.EndOffset && !start):
			shift += len(e.NewText) - (e.EndOffset - e.Offset)
		default:
			if !soft {
				return 0, false
			}
			if start {
				return e.Offset + shift + len(e.NewText), true
			}
			return e.Offset + shift, true
		}
	}
	return p + shift, true
}

// normalise trims white space at the edges of soft blocks, drops those
// left empty, and drops containers left with nothing in them.
func normalise(es []draft.Element, src []byte) []draft.Element {
	out := es[:0]
	for _, el := range es {
		if el.Soft {
			for el.Start < el.End && el.Start < len(src) && isSpace(src[el.Start]) {
				el.Start++
			}
			for el.End > el.Start && el.End <= len(src) && isSpace(src[el.End-1]) {
				el.End--
			}
			if el.Start >= el.End {
				continue
			}
		}
		if el.Kind == draft.Close && len(out) > 0 && out[len(out)-1].Kind == draft.Open {
			out = out[:len(out)-1]
			continue
		}
		out = append(out, el)
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
