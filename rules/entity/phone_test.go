package entity

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestPhones(t *testing.T) {
	tests := []struct {
		text string
		want []string // raw candidates
	}{
		{"Call +49 30 1234567 today.", []string{"+49 30 1234567"}},
		{"Hirtenstraße 19, 10178 Berlin\n(+44) 871.075.0336", []string{"(+44) 871.075.0336"}},
		{"Tel. 030 1234567", []string{"030 1234567"}},
		{"Phone: (212) 555-0123.", []string{"(212) 555-0123"}},
		{"Reach us at +1-416-555-0199 or", []string{"+1-416-555-0199"}},
		{"Fax 0043 1 53114 0", []string{"0043 1 53114 0"}},
		{"tel: 020 7946 0123", []string{"020 7946 0123"}},
		{"Call 212.555.0123 now", []string{"212.555.0123"}},
		{"Tél.\u00a0+33\u00a01\u00a042\u00a068\u00a053\u00a000 et 01\u202f42\u202f68\u202f53\u202f00", []string{"+33\u00a01\u00a042\u00a068\u00a053\u00a000", "01\u202f42\u202f68\u202f53\u202f00"}},
		{"Tel +33 (0)1 42 68 53 00.", []string{"+33 (0)1 42 68 53 00"}},
		{"numbers 123-456-7890 and 0123456789", []string{"123-456-7890", "0123456789"}},
		// not phone numbers
		{"On 2024-01-31 and 31.01.2024 and 01/31/2024 it rained.", nil},
		{"ISBN 978-3-16-148410-0 is a book.", nil},
		{"It cost $1,234,567 or €12 345 678.", nil},
		{"Between 1990-2000 and 2019 2020 2021.", nil},
		{"Version 10.2.3.4567 shipped.", nil},
		{"Order No. 12345678 and ref 2024/555/01.", nil},
		{"About 12345678 people, or 45 percent.", nil},
		{"Population grew 1.234.567 in 2020.", nil},
		{"The score was 3-1 at 20:45.", nil},
		{"Case number 1:23-cv-04567 was filed.", nil},
		{"It rose 12.5% to 1,200,000.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Phones(tt.text) {
			if tt.text[p.Start:p.End] != p.Raw {
				t.Errorf("%q: span %d-%d is %q, raw %q", tt.text, p.Start, p.End, tt.text[p.Start:p.End], p.Raw)
			}
			got = append(got, p.Raw)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Phones(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHasDigit(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				return true
			}
		}
		return false
	}
	// every byte value at every position of texts up to 20 bytes long
	for n := 1; n <= 20; n++ {
		for pos := 0; pos < n; pos++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				if got := HasDigit(string(b)); got != want(string(b)) {
					t.Fatalf("HasDigit(%q) = %v", b, got)
				}
			}
		}
	}
	// neighbours of the digits' bytes in every mix (borrows between bytes)
	edge := []byte{0x00, 0x01, 0x2e, 0x2f, 0x30, 0x39, 0x3a, 0x3b, 0x7e, 0x7f, 0x80, 0x81, 0xaf, 0xb0, 0xb9, 0xba, 0xfe, 0xff}
	r := rand.New(rand.NewPCG(7, 8))
	for k := 0; k < 200000; k++ {
		b := make([]byte, 1+r.IntN(17))
		for i := range b {
			b[i] = edge[r.IntN(len(edge))]
		}
		if got := HasDigit(string(b)); got != want(string(b)) {
			t.Fatalf("HasDigit(%q) = %v", b, got)
		}
	}
	for _, s := range []string{"", "x", "é/:", "\xff\xfe\x2f\x3a\xb0\xb9", "year 2026", "/:/:/:/:/:/:/:/:/:/:/:", "\x80\x80\x80\x80\x80\x80\x80\x809"} {
		if HasDigit(s) != want(s) {
			t.Errorf("HasDigit(%q) = %v", s, HasDigit(s))
		}
	}
}
