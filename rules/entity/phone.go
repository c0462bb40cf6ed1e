// Package entity finds contact entities in prose (phone-number candidates,
// postal addresses) with byte offsets into a block's text. It decides only
// what looks like a phone number or an address; validation is the rule
// families' job.
package entity

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/draftlint/draftlint/draft"
)

// Phone is a phone-number candidate.
type Phone struct {
	Start, End int    // byte range in the text
	Raw        string // the text as written
	Digits     string // its digits (a leading + kept)
	Plus       bool   // written with an international prefix (+ or 00)
	Cue        bool   // a phone cue stands before it ("Tel.", "phone", "call", "tel:")
	Paren      bool   // part of it is in parentheses: "(212) 555-0123", "(+44)"
}

// cues that announce a phone number.
var phoneCues = []string{"tel", "tel.", "tel:", "telephone", "phone", "ph", "call", "fax", "mobile", "mob", "cell",
	"handy", "telefon", "téléphone", "tél", "teléfono", "telefono", "t", "p", "m", "f", "hotline", "whatsapp", "sms", "text", "dial", "ring", "☎", "📞"}

// nonPhoneCues before a number say it is something else.
var nonPhoneCues = []string{"isbn", "issn", "doi", "no", "no.", "nr", "nr.", "number", "ref", "ref.", "id", "order", "case",
	"invoice", "account", "iban", "bic", "vat", "ust-idnr", "reg", "registration", "patent", "serial", "version", "v", "kb", "article",
	"art", "section", "page", "pages", "pp", "vol", "docket", "flight", "route", "lot", "batch", "code", "zip", "postcode", "plz", "sku", "model", "part", "ticket", "bug", "issue", "pr"}

// phoneStart: the bytes a phone number can start with.
var phoneStart = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['+'], t['('] = true, true
	return
}()

// Phones returns the phone-number candidates in text. A candidate has 7 to
// 15 digits joined by spaces, dots, hyphens, slashes or parentheses and is
// not a date, time, price, percentage, version, ISBN or reference number.
func Phones(text string) []Phone {
	var out []Phone
	i := 0
	n := len(text)
	for i < n {
		for i < n && !phoneStart[text[i]] {
			i++
		}
		if i >= n {
			break
		}
		c := text[i]
		// must start at a word boundary
		if i > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(p) || unicode.IsDigit(p) || p == '.' && c != '(' && i > 1 && isDigit(text[i-2]) || p == ',' && i > 1 && isDigit(text[i-2]) || p == '/' || p == '-' && i > 1 && isDigit(text[i-2]) || p == '$' || p == '€' || p == '£' || p == '#' {
				i = skipToken(text, i)
				continue
			}
		}
		start := i
		j := i
		if c == '+' {
			j++
		}
		if c == '(' && j+1 < n && text[j+1] == '+' {
			j += 2
		}
		digits := 0
		lastDigit := -1
		for j < n {
			b := text[j]
			if b >= '0' && b <= '9' {
				digits++
				lastDigit = j
				j++
				continue
			}
			if b == ' ' || b == '-' || b == '.' || b == '/' || b == '(' || b == ')' {
				// a separator must be followed (soon) by a digit
				k := j + 1
				if b == ' ' && k < n && text[k] == '(' {
					k++
				}
				if b == ')' && k < n && text[k] == ' ' {
					k++
				}
				if k < n && text[k] >= '0' && text[k] <= '9' && !(b == ' ' && j > 0 && text[j-1] == ' ') {
					j = k
					continue
				}
				if b == ')' {
					j++
				}
				break
			}
			// a no-break or narrow no-break space between digit groups
			// (HTML's &nbsp;, French typesetting)
			if w := spaceRuneLen(text[j:]); w > 0 && j+w < n && isDigit(text[j+w]) {
				j += w
				continue
			}
			break
		}
		if lastDigit < 0 {
			i = j + 1
			continue
		}
		end := lastDigit + 1
		if end < n && text[end] == ')' && strings.Count(text[start:end], "(") > strings.Count(text[start:end], ")") {
			end++
		}
		raw := text[start:end]
		if strings.HasPrefix(raw, "(") && !strings.Contains(raw, ")") {
			start++
			raw = text[start:end]
		}
		i = max(end, start+1)
		if digits < 7 || digits > 15 {
			continue
		}
		ph := Phone{Start: start, End: end, Raw: raw, Paren: strings.Contains(raw, "(")}
		var d strings.Builder
		for k := 0; k < len(raw); k++ {
			if raw[k] >= '0' && raw[k] <= '9' {
				d.WriteByte(raw[k])
			}
		}
		ph.Digits = d.String()
		if strings.Contains(raw[:min(3, len(raw))], "+") {
			ph.Plus = true
			ph.Digits = "+" + ph.Digits
		} else if strings.HasPrefix(ph.Digits, "00") && len(ph.Digits) > 9 && ph.Digits[2] != '0' {
			ph.Plus = true
			ph.Digits = "+" + ph.Digits[2:]
		}
		if !plausible(text, ph) {
			continue
		}
		ph.Cue = cueBefore(text, start, phoneCues)
		out = append(out, ph)
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// spaceRuneLen is the byte length of a no-break (U+00A0), narrow no-break
// (U+202F) or thin (U+2009) space at the start of s, or 0.
func spaceRuneLen(s string) int {
	switch {
	case strings.HasPrefix(s, "\u00a0"):
		return 2
	case strings.HasPrefix(s, "\u202f"), strings.HasPrefix(s, "\u2009"):
		return 3
	}
	return 0
}

func skipToken(text string, i int) int {
	for i < len(text) && (isDigit(text[i]) || text[i] == '.' || text[i] == ',' || text[i] == '-' || text[i] == '/') {
		i++
	}
	return i + 1
}

// plausible rejects candidates that are clearly not phone numbers.
func plausible(text string, ph Phone) bool {
	raw := ph.Raw
	after := text[ph.End:]
	// followed by %, a unit, a letter glued on, or more digits after a comma: not a phone
	if a, _ := utf8.DecodeRuneInString(after); a == '%' || unicode.IsLetter(a) || a == '‰' || a == '°' {
		return false
	}
	if strings.HasPrefix(after, ",") && len(after) > 1 && isDigit(after[1]) {
		return false
	}
	if strings.HasPrefix(after, ".") && len(after) > 1 && isDigit(after[1]) {
		return false
	}
	if strings.HasPrefix(after, ":") && len(after) > 1 && isDigit(after[1]) {
		return false
	}
	if strings.HasPrefix(strings.TrimLeft(after, " "), "percent") || strings.HasPrefix(strings.TrimLeft(after, " "), "per cent") {
		return false
	}
	// a price or a reference before it
	before := strings.TrimRight(text[:ph.Start], " \u00a0")
	if b, _ := utf8.DecodeLastRuneInString(before); b == '$' || b == '€' || b == '£' || b == '¥' || b == '#' || b == '№' {
		return false
	}
	if cueBefore(text, ph.Start, nonPhoneCues) && !cueBefore(text, ph.Start, phoneCues) {
		return false
	}
	short, groups := 0, splitGroups(raw)
	for _, g := range groups {
		if len(g) == 1 {
			short++
		}
	}
	if short*2 > len(groups) && len(groups) > 2 {
		return false // "3-6 6-4 7-6" (scores), "+11 22.4.1.4" (a version)
	}
	if ph.Plus {
		return true
	}
	// dates: 2024-01-31, 31.01.2024, 01/31/2024, 2024/01/31
	if isDateLike(raw) {
		return false
	}
	// year ranges and lists of years: 1990-2000, 2019 2020 2021
	if yearsOnly(raw) {
		return false
	}
	// version-like or decimal: three or more dot groups with short parts and no zero start
	if strings.Count(raw, ".") == 1 && !strings.ContainsAny(raw, " -/()") {
		return false // a decimal: 0.0000000000, 3.14159265
	}
	if len(groups) == 1 && !strings.HasPrefix(raw, "0") && !cueBefore(text, ph.Start, phoneCues) {
		// a bare run of digits with no separator and no cue: a count or an
		// ID, unless it is the classic dummy 0123456789
		return len(ph.Digits) >= 9 && obviousDummy(ph.Digits)
	}
	if strings.Count(raw, ".") >= 2 && !strings.ContainsAny(raw, " -()") {
		// 871.075.0336 is a phone; 1.2.3 is a version (already under 7 digits)
		for _, g := range groups {
			if len(g) == 1 {
				return false
			}
		}
	}
	return true
}

func splitGroups(raw string) []string {
	return strings.FieldsFunc(raw, func(r rune) bool { return r < '0' || r > '9' })
}

func isDateLike(raw string) bool {
	g := splitGroups(raw)
	if len(g) != 3 {
		return false
	}
	sep := strings.Trim(raw, "0123456789")
	if sep == "" {
		return false
	}
	l0, l1, l2 := len(g[0]), len(g[1]), len(g[2])
	if l0 == 4 && l1 <= 2 && l2 <= 2 {
		return true
	}
	if l0 <= 2 && l1 <= 2 && (l2 == 4 || l2 == 2) && !strings.Contains(raw, " ") {
		return true
	}
	return false
}

func yearsOnly(raw string) bool {
	g := splitGroups(raw)
	if len(g) < 2 {
		return false
	}
	for _, x := range g {
		if len(x) != 4 || !(strings.HasPrefix(x, "19") || strings.HasPrefix(x, "20")) {
			return false
		}
	}
	return true
}

// obviousDummy: 1234567890, 0123456789, 0000000, 5555555 and the like.
func obviousDummy(d string) bool {
	d = strings.TrimPrefix(d, "+")
	if len(d) < 7 {
		return false
	}
	same := true
	for i := 1; i < len(d); i++ {
		if d[i] != d[0] {
			same = false
		}
	}
	if same {
		return true
	}
	for _, seq := range ascending {
		if strings.Contains(seq, d) {
			return true
		}
	}
	return false
}

var ascending = []string{"01234567890", "12345678901"}

// ObviousDummy reports whether the digits of a number are a made-up
// sequence (all one digit, or counting up).
func ObviousDummy(digits string) bool { return obviousDummy(digits) }

// cueBefore reports whether one of the cue words stands right before
// offset i (within two words).
func cueBefore(text string, i int, cues []string) bool {
	before := strings.ToLower(text[max(0, i-24):i])
	before = strings.TrimRight(before, " :\u00a0\t(+")
	fields := strings.FieldsFunc(before, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == '|' || r == ','
	})
	if len(fields) == 0 {
		return false
	}
	last := []string{fields[len(fields)-1]}
	if len(fields) >= 2 {
		last = append(last, fields[len(fields)-2])
	}
	for k, w := range last {
		w = strings.TrimRight(w, ":.")
		for _, c := range cues {
			cc := strings.TrimRight(c, ":.")
			if w == cc {
				// single-letter cues ("T", "P") only right before the number
				if len(cc) == 1 && k > 0 {
					continue
				}
				return true
			}
		}
	}
	return false
}

// blockPhones is a document's phone candidates, block by block.
type blockPhones struct {
	done   []bool
	phones [][]Phone
}

// BlockPhones is Phones of block i's text, found once per document (the
// contact and placeholder families both look for numbers).
func BlockPhones(d *draft.Document, i int) []Phone {
	bp := d.Memo("entity.phones", func() any {
		return &blockPhones{done: make([]bool, len(d.Blocks)), phones: make([][]Phone, len(d.Blocks))}
	}).(*blockPhones)
	if !bp.done[i] {
		if t := d.Blocks[i].Text; HasDigit(t) {
			bp.phones[i] = Phones(t)
		}
		bp.done[i] = true
	}
	return bp.phones[i]
}

// HasDigit reports whether s has an ASCII digit.
func HasDigit(s string) bool {
	// eight bytes at a time: is one of them above '0'-1 and below '9'+1?
	// (a test from "Bit Twiddling Hacks", hasbetween)
	const ones, low7, high = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const m, n = '0' - 1, '9' + 1
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		if (ones*(127+n)-(x&low7))&^x&((x&low7)+ones*(127-m))&high != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return true
		}
	}
	return false
}
