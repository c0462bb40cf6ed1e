package contact_test

import "testing"

// TestOfficesAndAddressLines: the city of an office comes from its address
// lines (next to the postcode), not from a company or street name, a
// postcode is never a phone number, and a page of several offices is
// checked one office at a time.
func TestOfficesAndAddressLines(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"Japanese postcode after 〒 is not a phone", "x.md",
			"Nishiki Foods K.K.\n〒150-0002 Tokyo, Shibuya-ku, Shibuya 2-21-1\nTel. 03-5468-5892\n", nil},
		{"Portuguese postcode with a hyphen is not a phone", "x.md",
			"Casa do Fado\nRua Augusta 24\n1100-053 Lisboa\nTel. +351 21 342 1234\n", nil},
		{"Brazilian CEP is not a phone", "x.md",
			"Editora Aurora\nAv. Paulista 900\n01310-100 São Paulo\nTel. +55 11 3149 5959\n", nil},
		{"a city in the company name is not the address", "x.md",
			"Bremen Tech GmbH\nKaufingerstraße 9\n80331 München\nTel. 089 2123 4500\n", nil},
		{"a city in the company name does not hide a wrong area", "x.md",
			"Kobe Ceramics K.K.\n〒530-0001 Osaka, Kita-ku, Umeda 3-1\nTel. 03-3272-4811\n", []string{
				"contact/phone-city-mismatch|Tokyo landline, but the address is in Osaka"}},
		{"a city in a street name is not the address", "x.md",
			"Dragon Films\n4 Windsor Place, Cardiff CF10 3BX\nTel: 029 2046 1100\n", nil},
		{"a city after a street word is a street", "x.md",
			"Editorial Sur\nAv. Corrientes 1500\nC1042AAO Buenos Aires, Argentina\nTel. +54 11 4371 1234\n", nil},
		{"a city after a street word and a particle is a street", "x.md",
			"Acme SL\nCalle de Valencia 12, Madrid, Spain\nTel. +34 915 23 45 67\n", nil},
		{"offices as list items", "x.md",
			"## Offices\n\n- Lausanne: Avenue de la Gare 10, 1003 Lausanne, +41 21 311 22 33\n" +
				"- Bern: Bundesplatz 3, 3011 Bern, +41 31 322 11 11\n", nil},
		{"offices as list items, one number swapped", "x.md",
			"## Offices\n\n- Lausanne: Avenue de la Gare 10, 1003 Lausanne, +41 31 311 22 33\n" +
				"- Bern: Bundesplatz 3, 3011 Bern, +41 31 322 11 11\n", []string{
				"contact/phone-city-mismatch|Berne landline, but the address is in Lausanne"}},
		{"offices as HTML address elements", "x.html",
			"<h2>Offices</h2>\n<address>Königsallee 60<br>40212 Düsseldorf<br>Tel. +49 211 8622 100</address>\n" +
				"<address>Domkloster 4<br>50667 Köln<br>Tel. +49 221 9257 300</address>\n", nil},
		{"offices as table rows", "x.html",
			"<table>\n<tr><td>Sevilla</td><td>Avenida de la Constitución 20, 41004 Sevilla</td><td>+34 954 22 33 44</td></tr>\n" +
				"<tr><td>Bilbao</td><td>Gran Vía 12, 48001 Bilbao</td><td>+34 944 23 45 67</td></tr>\n</table>\n", nil},
		{"offices in paragraphs after a bold name", "x.md",
			"## Offices\n\n**Chennai**\nAnna Salai, Chennai 600002, India\nPhone: +91 44 2852 1234\n\n" +
				"**Kolkata**\nPark Street, Kolkata 700016, India\nPhone: +91 33 2229 5678\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectFindings(t, tt.file, tt.text, tt.want) })
	}
}

// TestPostcodesOfAnotherPlace: a postcode outside the named city's or
// state's codes is reported even when no listed city owns it.
func TestPostcodesOfAnotherPlace(t *testing.T) {
	tests := []struct{ name, text string }{
		{"a Navarre code with Barcelona", "Acme SL\nCarrer de Balmes 10\n31001 Barcelona\n"},
		{"a Utrecht-province code with Rotterdam", "Acme BV\nCoolsingel 40\n3712 AB Rotterdam\n"},
		{"a Lyon code with Munich", "Acme GmbH\nMarienplatz 2\n69002 München\n"},
		{"a London code with Manchester", "Acme Ltd\n1 Deansgate\nManchester EC2R 8AH\n"},
		{"a New South Wales code in Queensland", "Acme Pty Ltd\n10 Queen Street\nBrisbane QLD 2000\n"},
		{"a Victorian code in New South Wales", "Acme Pty Ltd\n1 George Street\nParramatta NSW 3150\n"},
		{"a Quebec postal code in Ontario", "Acme Ltd\n2 Lakeshore Rd\nOakville, ON H2X 1Y4\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if fs := lint(t, "x.md", tt.text); len(fs) != 1 || fs[0].Rule != "contact/postcode-city-mismatch" {
				t.Errorf("want one postcode-city-mismatch, got:\n%s", describe(fs))
			}
		})
	}
	for _, ok := range []string{
		"Acme Pty Ltd\n88 Brunswick Street\nFortitude Valley QLD 4006\n",
		"Acme Pty Ltd\n1 Macquarie Street\nSydney NSW 2000\n",
		"Acme Ltd\n1 Spinningfields\nManchester M3 3EB\n",
		"Acme BV\nCoolsingel 40\n3011 AD Rotterdam\n",
		"Acme SL\nCarrer de Balmes 10\n08007 Barcelona\n",
		"Acme GmbH\nLeopoldstraße 2\n80802 München\n",
		"Acme Ltd\n100 King St W\nToronto, ON M5X 1A9\n",
		"Acme Ltd\n1 Rue Laurier\nGatineau, QC K1A 0A2\n",
	} {
		if fs := lint(t, "x.md", ok); len(fs) > 0 {
			t.Errorf("%q reported:\n%s", ok, describe(fs))
		}
	}
}

// TestNumberFindings: each number is reported once, with its type named
// precisely; local-rate numbers are not premium; fictional numbers are
// left to the placeholder family.
func TestNumberFindings(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"too short for its country, with the reason", "x.html",
			"<address>Torstraße 1, 10119 Berlin<br>Tel. <a href=\"tel:+493012\">+49 30 12</a></address>\n", []string{
				"contact/invalid-phone|too short"}},
		{"one finding for a number in the text and its tel: link", "x.html",
			"<address>1 Poultry, London EC2R 8EJ<br><a href=\"tel:+449063021234\">+44 906 302 1234</a></address>\n", []string{
				"contact/premium-number|UK premium-rate"}},
		{"Australian 1300 is a local-rate number, not premium", "x.md",
			"Acme Pty Ltd\n1 Macquarie Street, Sydney NSW 2000\nBookings: 1300 655 755\n", nil},
		{"Australian 13 numbers too", "x.html",
			"<address>1 Macquarie Street, Sydney NSW 2000<br>Call <a href=\"tel:131313\">13 13 13</a></address>\n", nil},
		{"a local-rate number of another country is named as such", "x.md",
			"Acme GmbH\nTorstraße 1, 10119 Berlin\nTel. +61 1300 655 755\n", []string{
				"contact/phone-country-mismatch|Australian local-rate number"}},
		{"a UK drama number is only a placeholder", "x.md",
			"Acme SL\nCalle de Alcalá 45, 28014 Madrid\nTel. 07700 900417\n", nil},
		{"a UK drama number in international form too", "x.md",
			"Acme GmbH\nTorstraße 1, 10119 Berlin\nTel. +44 7700 900417\n", nil},
		{"a Sydney number with a Sydney suburb", "x.md",
			"Acme Pty Ltd\n1 Bridge Street\nSurry Hills NSW 2010\nPhone: (02) 9660 2333\n", nil},
		{"a Melbourne number with a Sydney suburb", "x.md",
			"Acme Pty Ltd\n49 Glebe Point Road\nGlebe NSW 2037\nPhone: (03) 9660 2333\n", []string{
				"contact/phone-city-mismatch|area code 03 (Victoria and Tasmania), but the address is in New South Wales"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectFindings(t, tt.file, tt.text, tt.want) })
	}
}
