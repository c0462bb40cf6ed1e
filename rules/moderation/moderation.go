// Package moderation holds the rules that find what must not be published:
// personal identifiers, credentials and internal addresses, and abusive
// language. Every finding masks the value it found, so that a report (a CI
// log, a pull-request comment) does not publish it again.
package moderation

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/rules"
)

// mask shows the first keepFirst and last keepLast letters and digits of
// s and replaces the others with bullets, keeping separators, so that
// "4111 1111 1111 1111" reads "4111 •••• •••• 1111".
func mask(s string, keepFirst, keepLast int) string {
	n := 0
	for _, r := range s {
		if isAlnum(r) {
			n++
		}
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if !isAlnum(r) {
			b.WriteRune(r)
			continue
		}
		if i < keepFirst || i >= n-keepLast {
			b.WriteRune(r)
		} else {
			b.WriteString("•")
		}
		i++
	}
	return b.String()
}

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf
}

// oneOf is an option check for a list of strings each of which is in
// known.
func oneOf(known []string) rules.OptionCheck {
	return func(v any) error {
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("want a list of %s", strings.Join(known, ", "))
		}
		for _, x := range list {
			s, ok := x.(string)
			if !ok || !contains(known, s) {
				return fmt.Errorf("want a list of %s, got %v", strings.Join(known, ", "), x)
			}
		}
		return nil
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// starMask is mask for a report that quotes the draft: the same letters
// and digits kept, the others replaced by '*' byte for byte (a character
// of several bytes by as many), so that it is exactly as long as s.
func starMask(s string, keepFirst, keepLast int) string {
	n := 0
	for _, r := range s {
		if isAlnum(r) {
			n++
		}
	}
	b := []byte(s)
	i := 0
	for k, r := range s {
		if !isAlnum(r) {
			continue
		}
		if i >= keepFirst && i < n-keepLast {
			for j := 0; j < utf8.RuneLen(r) && k+j < len(b); j++ {
				b[k+j] = '*'
			}
		}
		i++
	}
	return string(b)
}
