package report

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/draftlint/draftlint/rules"
)

// appendFinding appends f as indented JSON exactly as encoding/json (with
// SetEscapeHTML(false) and SetIndent(prefix, "  ")) writes it, without
// reflection: a report of a hundred thousand findings is written in a
// fraction of the time. TestAppendFindingMatchesEncodingJSON keeps the two
// equal.
func appendFinding(b []byte, f *rules.Finding, prefix string) []byte {
	in1 := prefix + "  "
	b = append(b, '{')
	b = appendField(b, in1, "file", true)
	b = appendString(b, f.File)
	b = appendIntField(b, in1, "line", f.Line)
	b = appendIntField(b, in1, "column", f.Column)
	b = appendIntField(b, in1, "end_line", f.EndLine)
	b = appendIntField(b, in1, "end_column", f.EndColumn)
	b = appendIntField(b, in1, "offset", f.Offset)
	b = appendIntField(b, in1, "end_offset", f.EndOffset)
	b = appendField(b, in1, "rule", false)
	b = appendString(b, f.Rule)
	b = appendField(b, in1, "category", false)
	b = appendString(b, f.Category)
	b = appendField(b, in1, "severity", false)
	b = appendString(b, f.Severity.String())
	b = appendField(b, in1, "message", false)
	b = appendString(b, f.Message)
	b = appendField(b, in1, "explanation", false)
	b = appendString(b, f.Explanation)
	b = appendField(b, in1, "fixes", false)
	if len(f.Fixes) == 0 {
		b = append(b, "[]"...)
	} else {
		in2, in3 := in1+"  ", in1+"    "
		b = append(b, '[')
		for i, fx := range f.Fixes {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in2...)
			b = append(b, '{')
			b = appendField(b, in3, "description", true)
			b = appendString(b, fx.Description)
			b = appendField(b, in3, "edits", false)
			if len(fx.Edits) == 0 {
				b = append(b, "[]"...)
			} else {
				in4, in5 := in3+"  ", in3+"    "
				b = append(b, '[')
				for k, e := range fx.Edits {
					if k > 0 {
						b = append(b, ',')
					}
					b = append(b, '\n')
					b = append(b, in4...)
					b = append(b, '{')
					b = appendField(b, in5, "offset", true)
					b = strconv.AppendInt(b, int64(e.Offset), 10)
					b = appendIntField(b, in5, "end_offset", e.EndOffset)
					b = appendField(b, in5, "new_text", false)
					b = appendString(b, e.NewText)
					b = append(b, '\n')
					b = append(b, in4...)
					b = append(b, '}')
				}
				b = append(b, '\n')
				b = append(b, in3...)
				b = append(b, ']')
			}
			b = append(b, '\n')
			b = append(b, in2...)
			b = append(b, '}')
		}
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, ']')
	}
	if f.Score != 0 {
		b = appendField(b, in1, "score", false)
		b = appendFloat(b, f.Score)
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// appendFloat writes v as encoding/json does.
func appendFloat(b []byte, v float64) []byte {
	abs := math.Abs(v)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		n := len(b)
		b = strconv.AppendFloat(b, v, 'e', -1, 64)
		// e-07 → e-7, as encoding/json writes it
		if k := len(b); k-n >= 4 && b[k-4] == 'e' && b[k-3] == '-' && b[k-2] == '0' {
			b[k-2] = b[k-1]
			b = b[:k-1]
		}
		return b
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

func appendField(b []byte, indent, name string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '\n')
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, "\": "...)
}

func appendIntField(b []byte, indent, name string, v int) []byte {
	b = appendField(b, indent, name, false)
	return strconv.AppendInt(b, int64(v), 10)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string the way encoding/json does with
// HTML escaping off: control characters escaped, invalid UTF-8 replaced by
// U+FFFD, U+2028 and U+2029 escaped; and, so that a report printed on a
// terminal cannot drive it, DEL, C1 controls and bidirectional controls
// escaped too (unsafeRune; the JSON reads the same).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' || unsafeRune(r) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
