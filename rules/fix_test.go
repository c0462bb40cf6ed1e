package rules

import (
	"strings"
	"testing"
)

func fixAt(off, end int, text, rule string) Finding {
	return Finding{Rule: rule, Offset: off, EndOffset: end, Fixes: []Fix{{Description: "x", Edits: []Edit{{Offset: off, EndOffset: end, NewText: text}}}}}
}

func TestApplyFixes(t *testing.T) {
	src := []byte("Größe: 1234 and ⟨TK⟩ end\r\n")
	n := strings.Index(string(src), "1234")  // 9: after two 2-byte letters
	tk := strings.Index(string(src), "⟨TK⟩") // a 3-byte bracket on each side
	tests := []struct {
		name    string
		fs      []Finding
		want    string
		applied []int
		skipped []int
	}{
		{"one edit, multi-byte around it", []Finding{fixAt(n, n+4, "5678", "a")}, "Größe: 5678 and ⟨TK⟩ end\r\n", []int{0}, nil},
		{"delete", []Finding{fixAt(tk, tk+len("⟨TK⟩"), "", "a")}, "Größe: 1234 and  end\r\n", []int{0}, nil},
		{"touching edits both apply", []Finding{fixAt(n+2, n+6, "X", "b"), fixAt(n, n+2, "Y", "a")}, "Größe: YXnd ⟨TK⟩ end\r\n", []int{0, 1}, nil},
		{"overlap: first by position wins", []Finding{fixAt(n+1, n+6, "X", "b"), fixAt(n, n+2, "Y", "a")}, "Größe: Y34 and ⟨TK⟩ end\r\n", []int{1}, []int{0}},
		{"same start: rule order decides", []Finding{fixAt(n, n+4, "B", "z"), fixAt(n, n+4, "A", "a")}, "Größe: A and ⟨TK⟩ end\r\n", []int{1}, []int{0}},
		{"two insertions at one point conflict", []Finding{fixAt(n, n, "x", "a"), fixAt(n, n, "y", "b")}, "Größe: x1234 and ⟨TK⟩ end\r\n", []int{0}, []int{1}},
		{"out of range is ignored", []Finding{fixAt(n, 999, "x", "a")}, string(src), nil, nil},
		{"no fixes", []Finding{{Rule: "a", Offset: 1, EndOffset: 2}}, string(src), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ApplyFixes(src, tt.fs)
			if string(r.Out) != tt.want {
				t.Errorf("out %q, want %q", r.Out, tt.want)
			}
			if len(r.Applied) != len(tt.applied) || len(r.Skipped) != len(tt.skipped) {
				t.Errorf("applied %v skipped %v, want %v %v", r.Applied, r.Skipped, tt.applied, tt.skipped)
			}
			// never a byte changed outside the applied edits
			if len(r.Applied) == 0 && string(r.Out) != string(src) {
				t.Error("changed without an applied fix")
			}
		})
	}
}
