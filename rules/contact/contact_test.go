package contact_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/contact"
	"github.com/draftlint/draftlint/rules/rulestest"
)

func lint(t *testing.T, name, text string) []rules.Finding {
	t.Helper()
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "contact")}, []rules.Source{{Path: name, Data: []byte(text)}})
	for _, n := range res.Notices {
		t.Errorf("notice: %s", n)
	}
	return res.Findings
}

func describe(fs []rules.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Rule, f.Message))
	}
	return strings.Join(out, "\n")
}

// consistent is one office per country, in that country's conventions,
// with a matching phone number, email and website.
var consistent = []struct{ country, block string }{
	{"DE", "Acme GmbH\nHirtenstraße 19, 10178 Berlin, Germany\nTel. +49 30 2345678\npresse@acme.de"},
	{"GB", "Acme Ltd\n10 Downing Street, London SW1A 2AA, United Kingdom\nPhone: +44 20 7123 4567\nwww.acme.co.uk"},
	{"US", "Acme Inc.\n350 Fifth Avenue, New York, NY 10118, USA\nPhone: +1 212-736-3100\npress@acme.com"},
	{"FR", "Acme SAS\n35 rue du Faubourg Saint-Honoré, 75008 Paris, France\nTél. +33 1 42 68 53 00\ncontact@acme.fr"},
	{"JP", "Acme KK\n〒100-0005 Tokyo, Chiyoda-ku, Marunouchi 1-1, Japan\nTel +81 3-3224-9999"},
	{"AU", "Acme Pty Ltd\n1 Macquarie Street, Sydney NSW 2000, Australia\nPhone +61 2 9876 5432\nacme.com.au"},
	{"CA", "Acme Ltd\n100 Queen Street West, Toronto, ON M5H 2N2, Canada\nPhone +1 416-392-2489"},
	{"CH", "Acme AG\nBahnhofstrasse 1, 8001 Zürich, Switzerland\nTel. +41 44 123 45 67\ninfo@acme.ch"},
	{"ES", "Acme SL\nCalle de Alcalá 45, 28014 Madrid, Spain\nTel. +34 911 23 45 67\nprensa@acme.es"},
	{"NL", "Acme BV\nDamrak 1, 1012 LG Amsterdam, Netherlands\nTel. +31 20 123 4567\ninfo@acme.nl"},
	{"AT", "Acme GmbH\nStephansplatz 1, 1010 Wien, Austria\nTel. +43 1 531140\noffice@acme.at"},
	{"IE", "Acme Ltd\n1 Grafton Street, Dublin 2, D02 X285, Ireland\nPhone +353 1 234 5678\npress@acme.ie"},
	{"IT", "Acme Srl\nVia del Corso 1, 00186 Roma, Italy\nTel. +39 06 1234 5678\nstampa@acme.it"},
	{"BE", "Acme SA\nRue de la Loi 16, 1000 Bruxelles, Belgium\nTél. +32 2 511 11 11\npress@acme.be"},
	// national notation read in the address's country
	{"DE", "Acme GmbH\n80331 München\nTel. 089 2345678"},
	{"GB", "Acme Ltd\nManchester M1 1AE\nTel. 0161 234 5678"},
}

func TestConsistentBlocksInEveryCountry(t *testing.T) {
	for _, tc := range consistent {
		for _, format := range []string{"txt", "md", "html"} {
			text := tc.block + "\n"
			switch format {
			case "md":
				text = "# Contact\n\n" + strings.ReplaceAll(tc.block, "\n", "  \n") + "\n"
			case "html":
				text = "<address>" + strings.ReplaceAll(tc.block, "\n", "<br>") + "</address>"
			}
			if fs := lint(t, "office."+format, text); len(fs) > 0 {
				t.Errorf("%s (%s): consistent block reported:\n%s", tc.country, format, describe(fs))
			}
		}
	}
}

func TestMismatches(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // rule and message fragment, one per expected finding
	}{
		{"seed", "Hirtenstraße 19, 10178 Berlin, Germany\n(+44) 871.075.0336\n", []string{
			"contact/format|use +44 871 075 0336",
			"contact/phone-country-mismatch|phone +44 871 075 0336 is a UK premium-rate number, but the address is in Germany",
			"contact/premium-number|UK premium-rate"}},
		{"national number invalid in the address country", "Stephansplatz 1, 1010 Wien, Austria\nTel. 030 2345678\n", []string{
			"contact/phone-country-mismatch|not a valid Austrian number"}},
		{"city area", "Acme GmbH\nHirtenstraße 19, 10178 Berlin\nTel. +49 89 2345678\n", []string{
			"contact/phone-city-mismatch|Munich landline, but the address is in Berlin"}},
		{"postcode of another city", "Acme GmbH\nMarienplatz 1, 80331 Berlin\nTel. +49 30 2345678\n", []string{
			"contact/postcode-city-mismatch|postcode 80331 is in Munich, not Berlin"}},
		{"postcode format", "Acme GmbH\nHirtenstraße 19, 1017 Berlin, Germany\n", []string{
			"contact/postcode-city-mismatch|not a valid German postcode"}},
		{"ZIP not in state", "Acme Inc.\n1 Market St, San Francisco, CA 10001\n", []string{
			"contact/postcode-city-mismatch|ZIP code 10001 is not in California"}},
		{"invalid number", "Acme Ltd\nLondon SW1A 2AA\nPhone: +44 20 7123\n", []string{
			"contact/invalid-phone|not a valid number in the United Kingdom"}},
		{"domain", "Acme SL\nCalle de Alcalá 45, 28014 Madrid, Spain\nTel. +34 911 23 45 67\nprensa@acme.fr\n", []string{
			"contact/domain-country-mismatch|.fr"}},
		{"format (0)", "Acme GmbH, 10178 Berlin\nTel. +49 (0)30 2345678\n", []string{
			"contact/format|+49 30 2345678"}},
		{"contact section", "# Story\n\nText.\n\n## Contact\n\nAcme GmbH, Hirtenstraße 19, 10178 Berlin\n\nPhone: +33 1 42 68 53 00\n", []string{
			"contact/phone-country-mismatch|French landline number, but the address is in Germany"}},
		{"Paris, Texas resolves to the US", "Acme Inc.\n100 Main Ave, Paris, Texas\nPhone +33 1 42 68 53 00\n", []string{
			"contact/phone-country-mismatch|address is in the United States"}},
		{"tel: link", "Acme GmbH\nHirtenstraße 19, 10178 Berlin\n[Call the desk](tel:+442071234567)\n", []string{
			"contact/phone-country-mismatch|phone +44 20 7123 4567 is a UK landline number, but the address is in Germany"}},
		{"a contact section listing offices in several countries: each office is checked on its own",
			"## Contact\n\nBerlin office: Friedrichstraße 43, 10117 Berlin. Phone: +44 20 7946 1234.\n\n" +
				"Madrid office: Calle de Alcalá 50, 28014 Madrid, tel. +34 915 123 456, email madrid@acme.fr\n\n" +
				"Paris office: 12 rue de Rivoli, 75004 Paris. Tél. : +33 1 42 76 40 40.\n", []string{
				"contact/phone-country-mismatch|phone +44 20 7946 1234 is a UK landline number, but the address is in Germany",
				"contact/domain-country-mismatch|madrid@acme.fr has a French domain (.fr), but the address is in Spain"}},
		{"a list of offices, one an item", "- Acme GmbH, Hirtenstraße 19, 10178 Berlin, +49 30 2345678\n" +
			"- Acme Ltd, 1 Poultry, London EC2R 8EJ, +49 30 2345679\n- Acme SL, Calle de Alcalá 45, 28014 Madrid, +34 911 23 45 67\n", []string{
			"contact/phone-country-mismatch|phone +49 30 2345679 is a German landline number, but the address is in the United Kingdom"}},
		{"an address over two blocks of one country stays one contact", "## Contact\n\nAcme GmbH\nHirtenstraße 19\n10178 Berlin\n\nGermany\n\nPhone: +44 20 7123 4567\n", []string{
			"contact/phone-country-mismatch|phone +44 20 7123 4567 is a UK landline number, but the address is in Germany"}},
		{"ambiguous city alone is not judged", "Acme\nCambridge\nPhone +1 617 253 1000\n", nil},
		{"prose without a contact block", "The firm, based in Berlin, has offices in London and Paris; call +44 20 7123 4567.\n", nil},
		{"dates and prices are not phones", "Acme GmbH\n10178 Berlin\nFounded 2004-05-01, shares at €1.234.567, ISBN 978-3-16-148410-0\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectFindings(t, "x.md", tt.text, tt.want) })
	}
}

// expectFindings lints text as file name and wants exactly the findings in
// want ("rule|message fragment"), in any order.
func expectFindings(t *testing.T, name, text string, want []string) {
	t.Helper()
	fs := lint(t, name, text)
	var unmatched []string
	used := make([]bool, len(fs))
	for _, w := range want {
		rule, frag, _ := strings.Cut(w, "|")
		ok := false
		for i, f := range fs {
			if !used[i] && f.Rule == rule && strings.Contains(f.Message+" "+f.Explanation, frag) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			unmatched = append(unmatched, w)
		}
	}
	var extra []rules.Finding
	for i, f := range fs {
		if !used[i] {
			extra = append(extra, f)
		}
	}
	if len(unmatched) > 0 || len(extra) > 0 {
		t.Errorf("missing %q\nunexpected:\n%s\nall:\n%s", unmatched, describe(extra), describe(fs))
	}
}

func TestPositionsAreThePhoneSpan(t *testing.T) {
	text := "Hirtenstraße 19, 10178 Berlin, Germany\n(+44) 871.075.0336\n"
	for _, f := range lint(t, "seed.txt", text) {
		if got := text[f.Offset:f.EndOffset]; got != "(+44) 871.075.0336" {
			t.Errorf("%s spans %q", f.Rule, got)
		}
		if f.Line != 2 || f.Column != 1 || f.EndColumn != 19 {
			t.Errorf("%s at %d:%d-%d", f.Rule, f.Line, f.Column, f.EndColumn)
		}
	}
}
