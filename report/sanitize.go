package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// unsafeRune reports a character that must not reach a terminal as it is:
// C0 and C1 control characters (ESC starts the sequences that set a
// window title, write the clipboard with OSC 52 or clear the screen; C1's
// CSI and OSC do the same in one byte on some terminals), DEL, and the
// bidirectional controls that make text display in another order than it
// is read ("Trojan Source").
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x61c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Sanitize makes an untrusted string (a file name, a message quoting a
// draft, an error) safe to print on a terminal on one line: every control
// character, bidirectional control and byte that is not UTF-8 is written
// as a visible escape (\t, \n, \x1b, \u202e, \xff). Every report for
// people, and every notice, passes what it did not write itself through
// it; excerpts and fix previews use display, which makes the same
// characters spaces to keep columns.
func Sanitize(s string) string { return sanitize(s, false) }

// SanitizeLines is Sanitize keeping line breaks ("\n"; "\r\n" becomes
// "\n"), for text of several lines.
func SanitizeLines(s string) string { return sanitize(s, true) }

// escapeJSON writes, in JSON text from encoding/json, the characters
// unsafeRune names from DEL up (encoding/json leaves them raw; it escapes
// those below 0x20) as \u escapes: outside strings JSON has none of them,
// so the JSON reads the same.
func escapeJSON(b []byte) []byte { return escapeUnsafe(b, `\u%04x`) }

// escapeXML does the same for XML from encoding/xml (which writes those
// below 0x20 as U+FFFD), with character references.
func escapeXML(b []byte) []byte { return escapeUnsafe(b, "&#x%04x;") }

func escapeUnsafe(b []byte, format string) []byte {
	i := 0
	for i < len(b) && b[i] < 0x7f {
		i++
	}
	if i == len(b) {
		return b // ASCII without DEL: the usual case
	}
	out := append(make([]byte, 0, len(b)+12), b[:i]...)
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x7f && unsafeRune(r) {
			out = fmt.Appendf(out, format, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func sanitize(s string, keepLines bool) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s // plain ASCII: the usual case
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && r == '\n':
			b.WriteByte('\n')
		case keepLines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// the "\n" that follows is kept
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
