package entity

import (
	"fmt"
	"testing"
)

func TestTestIDsPassTheirChecks(t *testing.T) {
	for _, k := range IDKinds {
		for v, who := range TestIDs(k) {
			if k == NINO && v[:2] == "QQ" {
				continue // HMRC's example prefix, never allocated
			}
			if !ValidID(k, v) {
				t.Errorf("%s %s (%s) fails its check", k, v, who)
			}
		}
	}
}

// TestChecks: each valid value passes its kind's check, and changing any
// one of its digits (to the next digit) makes it fail, except where the
// check cannot see that change.
func TestChecks(t *testing.T) {
	for _, c := range []struct {
		kind  IDKind
		value string
	}{
		{Card, "4539148803436467"}, {Card, "5318420917368207"}, {Card, "376291043857201"}, {Card, "4539148803436461233"},
		{IBAN, "DE44500105175407324931"}, {IBAN, "GB97LOYD30963617458221"}, {IBAN, "FR0630004013280001234567809"},
		{SteuerID, "31948576236"}, {SteuerID, "57291846359"},
		{NIR, "292057511804250"}, {NIR, "185032000000046"},
		{DNI, "48291735S"}, {DNI, "Y2837465S"},
		{CodiceFiscale, "BNCGNN72M48F205K"}, {CodiceFiscale, "VRDLGU90E15L219G"},
		{BSN, "274819363"},
		{CPF, "52998224725"}, {CPF, "41837265062"},
		{Aadhaar, "491837265017"},
	} {
		if !ValidID(c.kind, c.value) {
			t.Errorf("%s %s: valid value fails its check", c.kind, c.value)
			continue
		}
		for i := 0; i < len(c.value); i++ {
			d := c.value[i]
			if d < '0' || d > '9' {
				continue
			}
			mut := c.value[:i] + string('0'+(d-'0'+1)%10) + c.value[i+1:]
			if ValidID(c.kind, mut) {
				// the Steuer-IdNr's digit rules and the NIR's month may
				// already refuse it; any change of one digit must fail
				t.Errorf("%s %s: changed digit %d (%s) still passes", c.kind, c.value, i+1, mut)
			}
		}
	}
}

func TestCheckNegatives(t *testing.T) {
	for _, c := range []struct {
		kind  IDKind
		value string
		why   string
	}{
		{Card, "4539148803436468", "Luhn fails"},
		{Card, "9539148803436463", "passes Luhn but no issuer starts with 9"},
		{Card, "453914880343646", "Visa has no 15-digit numbers"},
		{IBAN, "DE44500105175407324932", "check digits wrong"},
		{IBAN, "DE4450010517540732493", "German IBANs have 22 characters"},
		{IBAN, "XX44500105175407324931", "no such country"},
		{SSN, "000123456", "area 000"},
		{SSN, "666123456", "area 666"},
		{SSN, "912345678", "area 9xx"},
		{SSN, "123004567", "group 00"},
		{SSN, "123450000", "serial 0000"},
		{NINO, "DA123456C", "first letter D"},
		{NINO, "AO123456C", "second letter O"},
		{NINO, "GB123456C", "prefix GB"},
		{NINO, "AB123456E", "suffix E"},
		{SteuerID, "65765432105", "two digits twice"},
		{SteuerID, "01948576236", "leading 0"},
		{SteuerID, "31948576235", "check digit wrong"},
		{NIR, "592057511804250", "sex digit 5"},
		{NIR, "292157511804250", "month 15"},
		{DNI, "48291735T", "letter wrong"},
		{DNI, "W2837465S", "no NIE starts with W"},
		{CodiceFiscale, "BNCGNN72M48F205A", "check letter wrong"},
		{CodiceFiscale, "BNCGNN72X48F205K", "no month X"},
		{BSN, "274819364", "11-test fails"},
		{BSN, "000000000", "all zero"},
		{CPF, "52998224726", "check digit wrong"},
		{CPF, "11111111111", "one digit repeated"},
		{Aadhaar, "491837265018", "Verhoeff fails"},
		{Aadhaar, "191837265011", "starts with 1"},
	} {
		if ValidID(c.kind, c.value) {
			t.Errorf("%s %s passes its check (%s)", c.kind, c.value, c.why)
		}
	}
}

func TestIdentifiers(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "kind raw" or "kind raw dummy", "" for none
	}{
		// payment cards
		{"Her card number, 4539 1488 0343 6467, was on the slip.", "card 4539 1488 0343 6467"},
		{"Card: 4539-1488-0343-6467.", "card 4539-1488-0343-6467"},
		{"He read out his Visa card 4539148803436467 over the phone.", "card 4539148803436467"},
		{"The Amex 3762 910438 57201 was declined.", "card 3762 910438 57201"},
		{"Pay with 4111 1111 1111 1111 in the sandbox.", "card 4111 1111 1111 1111 dummy"},
		{"Use 4242 4242 4242 4242 to test.", "card 4242 4242 4242 4242 dummy"},
		{"Card 4000 0000 0000 0002 is declined.", "card 4000 0000 0000 0002 dummy"},
		{"The value 4539148803436467 appears in row 3.", ""},      // no grouping, no cue
		{"Order 4539 1488 0343 6467 shipped.", ""},                // an order number
		{"Card 4539 1488 0343 6468 was refused.", ""},             // Luhn fails
		{"ISBN 978-3-16-148410-0 is the book.", ""},               // an ISBN
		{"ISBN 9783161484100 is the book.", ""},                   // an ISBN without hyphens
		{"Call +44 20 7946 0958 today.", ""},                      // a phone number
		{"Call 020 7946 0958 or 0161 496 0000.", ""},              // phone numbers
		{"Version 4.5391.4880.3436467 was released.", ""},         // a version string
		{"The total was $4539 1488 0343 6467.", ""},               // a price
		{"Tracking number 1Z999AA10123456784 is in transit.", ""}, // UPS tracking
		{"On 2024-03-15 and 2024-03-16 it rained.", ""},           // dates
		{"Hash 45391488034364675318420917368207 differs.", ""},    // too long
		{"Our card 4539 1488 0343 6467/12 expires", ""},           // glued to /12
		// IBANs
		{"Send it to DE44 5001 0517 5407 3249 31, please.", "iban DE44 5001 0517 5407 3249 31"},
		{"IBAN: GB97LOYD30963617458221.", "iban GB97LOYD30963617458221"},
		{"IBAN FR06 3000 4013 2800 0123 4567 809 at BNP", "iban FR06 3000 4013 2800 0123 4567 809"},
		{"Our test account is DE89 3704 0044 0532 0130 00.", "iban DE89 3704 0044 0532 0130 00 dummy"},
		{"e.g. GB82 WEST 1234 5698 7654 32", "iban GB82 WEST 1234 5698 7654 32 dummy"},
		{"Send it to DE44 5001 0517 5407 3249 32, please.", ""}, // check digits wrong
		{"Model DE44-5001 is new.", ""},
		// national identifiers
		{"His SSN is 536-22-8472.", "ssn 536-22-8472"},
		{"Social Security number 536 22 8472", "ssn 536 22 8472"},
		{"The part 536-22-8472 fits.", ""},    // no cue
		{"SSN 666-22-8472 cannot exist.", ""}, // area 666
		{"the famous SSN 078-05-1120", "ssn 078-05-1120 dummy"},
		{"National Insurance number AB 12 34 56 C.", "nino AB 12 34 56 C dummy"},
		{"Her NI number: JT 48 29 17 B.", "nino JT 48 29 17 B"},
		{"NINO QQ123456C is HMRC's example.", "nino QQ123456C dummy"},
		{"Grid ref JT 48 29 17 B.", ""}, // no cue
		{"Steuer-ID: 31 948 576 236.", "steuer-id 31 948 576 236"},
		{"Seine Steueridentifikationsnummer 57291846359 stand im Brief.", "steuer-id 57291846359"},
		{"Seine Steuer-ID 57291846359 stand im Brief.", "steuer-id 57291846359"}, // ID is not a NINO prefix
		{"Ticket 31948576236 is open.", ""},                                      // no cue
		{"NIR 2 92 05 75 118 042 50", "nir 2 92 05 75 118 042 50"},
		{"numéro de sécurité sociale 292057511804250", "nir 292057511804250"},
		{"DNI 48291735-S", "dni 48291735-S"},
		{"Su NIE es Y2837465S.", "dni Y2837465S"},
		{"El DNI 12345678Z es de ejemplo.", "dni 12345678Z dummy"},
		{"Code 48291735T fails.", ""},
		{"codice fiscale BNCGNN72M48F205K", "codice-fiscale BNCGNN72M48F205K"},
		{"e.g. RSSMRA85T10A562S", "codice-fiscale RSSMRA85T10A562S dummy"},
		{"Part number ABCDEF12G34H567I", ""}, // check letter wrong
		{"BSN 274819363 staat op de pas.", "bsn 274819363"},
		{"Zijn burgerservicenummer is 2748.19.363.", "bsn 2748.19.363"},
		{"Order 274819363 is late.", ""}, // passes the 11-test, no cue
		{"CPF 529.982.247-25", "cpf 529.982.247-25"},
		{"O CPF dele é 52998224725.", "cpf 52998224725"},
		{"Ref 52998224725 is closed.", ""},
		{"Aadhaar 4918 3726 5017", "aadhaar 4918 3726 5017"},
		{"Account 4918 3726 5017 is closed.", ""}, // no cue
		{"Aadhaar 4918 3726 5018", ""},            // Verhoeff fails
	} {
		ids := Identifiers(c.text)
		got := ""
		if len(ids) > 0 {
			id := ids[0]
			got = fmt.Sprintf("%s %s", id.Kind, c.text[id.Start:id.End])
			if id.Raw != c.text[id.Start:id.End] {
				t.Errorf("%q: Raw %q is not the text at its range %q", c.text, id.Raw, c.text[id.Start:id.End])
			}
			if id.Dummy != "" {
				got += " dummy"
			}
		}
		if len(ids) > 1 {
			t.Errorf("%q: %d identifiers, want at most one", c.text, len(ids))
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
