package entity

import "strings"

// The check-digit algorithms of the identifiers ids.go finds. Each takes
// the identifier's characters without separators.

// luhn: the mod-10 check of payment cards (ISO/IEC 7812).
func luhn(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// cardIssuer names the card scheme whose issuer range (IIN) and lengths
// hold d, or "".
func cardIssuer(d string) string {
	n := len(d)
	p := func(k int) int { // the first k digits as a number
		v := 0
		for i := 0; i < k; i++ {
			v = v*10 + int(d[i]-'0')
		}
		return v
	}
	switch {
	case d[0] == '4' && (n == 13 || n == 16 || n == 19):
		return "Visa"
	case (p(2) >= 51 && p(2) <= 55 || p(4) >= 2221 && p(4) <= 2720) && n == 16:
		return "Mastercard"
	case (p(2) == 34 || p(2) == 37) && n == 15:
		return "American Express"
	case (p(4) == 6011 || p(3) >= 644 && p(3) <= 649 || p(2) == 65) && n >= 16 && n <= 19:
		return "Discover"
	case p(4) >= 3528 && p(4) <= 3589 && n >= 16 && n <= 19:
		return "JCB"
	case (p(3) >= 300 && p(3) <= 305 || p(2) == 36 || p(2) == 38 || p(2) == 39) && n >= 14 && n <= 19:
		return "Diners Club"
	case p(2) == 62 && n >= 16 && n <= 19:
		return "UnionPay"
	case (p(2) == 50 || p(2) >= 56 && p(2) <= 69) && n >= 12 && n <= 19:
		return "Maestro"
	}
	return ""
}

// ssnValid: a US Social Security number's area, group and serial are ones
// the SSA issues (area not 000, 666 or 900–999; group not 00; serial not
// 0000).
func ssnValid(d string) bool {
	area, group, serial := d[:3], d[3:5], d[5:]
	return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000"
}

// ninoValid: a UK National Insurance number's prefix letters are ones HMRC
// allocates (first not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
// not BG, GB, KN, NK, NT, TN, ZZ) and its suffix is A to D.
func ninoValid(s string) bool {
	if len(s) != 9 || !isUpperASCII(s[0]) || !isUpperASCII(s[1]) || !allDigits(s[2:8]) || s[8] < 'A' || s[8] > 'D' {
		return false
	}
	if strings.IndexByte("DFIQUV", s[0]) >= 0 || strings.IndexByte("DFIOQUV", s[1]) >= 0 {
		return false
	}
	switch s[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// steuerIDValid: a German tax ID (Steuerliche Identifikationsnummer) has 11
// digits, no leading 0, one digit of the first ten present two or three
// times (not three in a row) and the others once at most, and an ISO 7064
// MOD 11,10 check digit.
func steuerIDValid(d string) bool {
	if len(d) != 11 || d[0] == '0' {
		return false
	}
	var count [10]int
	for i := 0; i < 10; i++ {
		count[d[i]-'0']++
	}
	multi := 0
	for _, c := range count {
		switch {
		case c == 2 || c == 3:
			multi++
		case c > 3:
			return false
		}
	}
	if multi != 1 {
		return false
	}
	for i := 2; i < 10; i++ {
		if d[i-1] == d[i] && d[i-2] == d[i] {
			return false
		}
	}
	product := 10
	for i := 0; i < 10; i++ {
		sum := (int(d[i]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	check := 11 - product
	if check == 10 {
		check = 0
	}
	return int(d[10]-'0') == check
}

// nirValid: a French social security number (NIR) has a sex digit, year,
// month, department (2A and 2B for Corsica), commune and order, and a key of
// 97 minus the first 13 characters modulo 97.
func nirValid(s string) bool {
	if len(s) != 15 || strings.IndexByte("12378", s[0]) < 0 {
		return false
	}
	month := int(s[3]-'0')*10 + int(s[4]-'0')
	if !allDigits(s[3:5]) || !(month >= 1 && month <= 12 || month == 20 || month >= 30 && month <= 42 || month >= 50) {
		return false
	}
	body := s[:13]
	var sub int64
	switch s[5:7] {
	case "2A":
		body, sub = s[:5]+"19"+s[7:13], 0
	case "2B":
		body, sub = s[:5]+"18"+s[7:13], 0
	}
	if !allDigits(body) || !allDigits(s[13:]) {
		return false
	}
	var n int64
	for i := 0; i < len(body); i++ {
		n = n*10 + int64(body[i]-'0')
	}
	n -= sub
	key := int64(s[13]-'0')*10 + int64(s[14]-'0')
	return key == 97-n%97
}

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// dniValid: a Spanish DNI (8 digits) or NIE (X, Y or Z and 7 digits) whose
// letter is the number modulo 23 looked up in the official table.
func dniValid(s string) bool {
	if len(s) != 9 || !isUpperASCII(s[8]) {
		return false
	}
	num := s[:8]
	switch s[0] {
	case 'X':
		num = "0" + s[1:8]
	case 'Y':
		num = "1" + s[1:8]
	case 'Z':
		num = "2" + s[1:8]
	}
	if !allDigits(num) {
		return false
	}
	n := 0
	for i := 0; i < 8; i++ {
		n = n*10 + int(num[i]-'0')
	}
	return dniLetters[n%23] == s[8]
}

// codice fiscale tables: the value of a character in an odd (1st, 3rd, …)
// position, letters and digits alike (A and 0 → 1, B and 1 → 0, …).
var cfOdd = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// codiceFiscaleValid: an Italian tax code: six letters, year, month letter,
// day (plus 40 for women), place code and check letter; digits may be
// replaced by letters (omocodia).
func codiceFiscaleValid(s string) bool {
	if len(s) != 16 {
		return false
	}
	const omo = "LMNPQRSTUV" // digit stand-ins for 0–9
	isNum := func(c byte) bool { return c >= '0' && c <= '9' || strings.IndexByte(omo, c) >= 0 }
	for i := 0; i < 16; i++ {
		c := s[i]
		switch {
		case i < 6 || i == 11 || i == 15:
			if !isUpperASCII(c) {
				return false
			}
		case i == 8:
			if strings.IndexByte("ABCDEHLMPRST", c) < 0 {
				return false
			}
		default:
			if !isNum(c) {
				return false
			}
		}
	}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		idx := int(c - 'A')
		if c >= '0' && c <= '9' {
			idx = int(c - '0')
		}
		if i%2 == 0 {
			sum += cfOdd[idx]
		} else {
			sum += idx
		}
	}
	return s[15] == byte('A'+sum%26)
}

// bsnValid: a Dutch citizen service number passes the 11-test (9×d1 + 8×d2
// + … + 2×d8 − d9 divisible by 11, and not 0).
func bsnValid(d string) bool {
	if len(d) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += (9 - i) * int(d[i]-'0')
	}
	sum -= int(d[8] - '0')
	return sum%11 == 0 && sum != 0
}

// cpfValid: a Brazilian CPF's two check digits (mod 11), not a run of one
// digit.
func cpfValid(d string) bool {
	if len(d) != 11 || strings.Count(d, d[:1]) == 11 {
		return false
	}
	for k := 9; k <= 10; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += (k + 1 - i) * int(d[i]-'0')
		}
		if sum*10%11%10 != int(d[k]-'0') {
			return false
		}
	}
	return true
}

// Verhoeff's tables (dihedral group D5).
var (
	verhoeffD = [10][10]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
	verhoeffP = [8][10]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
)

// verhoeff: the check of Indian Aadhaar numbers.
func verhoeff(d string) bool {
	c := 0
	for i := 0; i < len(d); i++ {
		c = verhoeffD[c][verhoeffP[i%8][d[len(d)-1-i]-'0']]
	}
	return c == 0
}

// aadhaarValid: 12 digits, the first 2 to 9, Verhoeff's check.
func aadhaarValid(d string) bool {
	return len(d) == 12 && d[0] >= '2' && verhoeff(d)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
