package contact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/rules/lex"
)

// evidence is something in a block that says where an address is.
type evidence struct {
	kind       string // "postcode", "country", "state", "city"
	country    string
	city       *city  // when known
	cityText   string // the city as written
	postcode   string
	start, end int  // text span
	strong     bool // fixes the country on its own
	// near: a city next to the postcode or state of its line ("Cardiff
	// CF10 3BX", "〒530-0001 Osaka", "Austin, TX 78701"), where the
	// country's address format puts the city; a city elsewhere may be in a
	// company or street name
	near       bool
	state      string // the Canadian province written before a postal code
	candidates []*city
}

var usStates = map[string]string{"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
	"IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
	"MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
	"MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
	"NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
	"TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
	"WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia"}

var caProvinces = map[string]string{"AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
	"NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
	"ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon"}

var auStates = map[string]string{"NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "WA": "Western Australia",
	"SA": "South Australia", "TAS": "Tasmania", "ACT": "Australian Capital Territory", "NT": "Northern Territory"}

// stateNames: full names of US states, Canadian provinces and Australian
// states, which settle a city's country ("Paris, Texas").
var stateNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range usStates {
		m[key(n)] = "US"
	}
	for _, n := range caProvinces {
		m[key(n)] = "CA"
	}
	for _, n := range auStates {
		m[key(n)] = "AU"
	}
	delete(m, key("Georgia"))  // also a country
	delete(m, key("Victoria")) // also a city in Canada and a name
	delete(m, key("Washington"))
	delete(m, key("New York"))
	return m
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// words of a line with their offsets, split on white space and commas.
type tok struct {
	text       string
	start, end int
}

func isTokSep(r rune) bool {
	return r == ' ' || r == ',' || r == ';' || r == '|' || r == '(' || r == ')' || r == '\t' || r == '\n' || r == '\r' ||
		r >= utf8.RuneSelf && (unicode.IsSpace(r) || r == '·' || r == '•')
}

func tokens(t string, base int) []tok {
	out := make([]tok, 0, len(t)/6+1)
	i := 0
	for i < len(t) {
		r, w := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(t[i:])
		}
		if isTokSep(r) {
			i += w
			continue
		}
		s := i
		for i < len(t) {
			r, w = rune(t[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(t[i:])
			}
			if isTokSep(r) {
				break
			}
			i += w
		}
		out = append(out, tok{t[s:i], base + s, base + i})
	}
	return out
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || r > 0x2E80 // CJK names have no case
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// cityAt tries the longest run of 1-4 capitalised tokens starting at i that
// names a known city; it returns the cities and the number of tokens used.
func cityAt(g *geoData, ts []tok, i int, t string, base int) ([]*city, int) {
	for n := min(4, len(ts)-i); n >= 1; n-- {
		if !isCap(ts[i].text) {
			return nil, 0
		}
		name := t[ts[i].start-base : ts[i+n-1].end-base]
		name = strings.TrimRight(name, ".:")
		if cs := g.citiesNamed(name); len(cs) > 0 {
			return cs, n
		}
	}
	return nil, 0
}

// findEvidence reads address evidence from a block's text. In prose (not a
// contact block) only strong evidence counts: a postcode with its city, a
// country name next to one.
func findEvidence(t string, contactish, names bool) []evidence {
	g := geo()
	var out []evidence
	// line by line: an address rarely spans lines in a meaningful way
	lineStart := 0
	for lineStart <= len(t) {
		le := strings.IndexByte(t[lineStart:], '\n')
		if le < 0 {
			le = len(t)
		} else {
			le += lineStart
		}
		line := t[lineStart:le]
		out = append(out, lineEvidence(g, line, lineStart, contactish, names)...)
		lineStart = le + 1
	}
	return out
}

func lineEvidence(g *geoData, line string, base int, contactish, names bool) []evidence {
	var out []evidence
	if !names && !mayHavePostcode(line) {
		return nil // no postcode, and names would not be compared
	}
	ts := tokens(line, base)
	used := make([]bool, len(ts))
	for i := 0; i < len(ts); i++ {
		tt := ts[i].text
		up := tt
		if len(tt) <= 4 && strings.ContainsAny(tt, "0123456789") {
			up = strings.ToUpper(tt) // UK and Irish postcodes are often written in lower case
		}
		switch {
		// "10178 Berlin", "1010 Wien", "75001 Paris", "1011 AB Amsterdam"
		// "1100-053 Lisboa", "01310-200 São Paulo", "31-019 Kraków"
		case (allDigits(tt) && (len(tt) == 4 || len(tt) == 5) || hyphenPostcode(tt)) && i+1 < len(ts) && onlySpaces(line, base, ts[i].end, ts[i+1].start) &&
			(contactish || !yearLike(tt)):
			j := i + 1
			pc := tt
			if len(tt) == 4 && j < len(ts) && len(ts[j].text) == 2 && strings.ToUpper(ts[j].text) == ts[j].text && allLetters(ts[j].text) {
				pc = tt + " " + ts[j].text // Dutch 1011 AB
				j++
			}
			if j >= len(ts) {
				continue
			}
			cs, n := cityAt(g, ts, j, line, base)
			if n == 0 {
				continue
			}
			// only countries that write the postcode before the city
			var before []*city
			for _, c := range cs {
				if postcodeFirst[c.country] {
					before = append(before, c)
				}
			}
			if len(before) == 0 {
				continue
			}
			cs = before
			var fit []*city
			for _, c := range cs {
				if postcodeValid(c.country, pc) {
					fit = append(fit, c)
				}
			}
			if len(fit) == 0 && !contactish {
				continue // in prose, "1936 Berlin" is a year, not a bad postcode
			}
			ev := evidence{kind: "postcode", postcode: pc, cityText: spanText(line, base, ts[j].start, ts[j+n-1].end),
				start: ts[i].start, end: ts[j+n-1].end}
			if len(fit) == 0 {
				// a postcode that fits none of the city's countries
				ev.candidates = cs
				ev.city = cs[0]
				ev.country = cs[0].country
				ev.strong = len(uniqueCountries(cs)) == 1
				out = append(out, ev)
			} else {
				ev.candidates = fit
				if len(uniqueCountries(fit)) == 1 {
					ev.city, ev.country, ev.strong = fit[0], fit[0].country, true
				}
				out = append(out, ev)
			}
			for k := i; k < j+n; k++ {
				used[k] = true
			}
			i = j + n - 1
		// UK postcode "SW1A 1AA", "EC1A 1BB"
		case i+1 < len(ts) && ukOutward(up) && ukInward(strings.ToUpper(ts[i+1].text)):
			inward := strings.TrimRight(ts[i+1].text, ".,")
			out = append(out, evidence{kind: "postcode", country: "GB", postcode: up + " " + strings.ToUpper(inward),
				start: ts[i].start, end: ts[i+1].start + len(inward), strong: true})
			used[i], used[i+1] = true, true
			i++
		// Canada "ON M5V 2T6"
		case caProvinces[tt] != "" && i+2 < len(ts) && caFSA(ts[i+1].text) && caLDU(ts[i+2].text):
			out = append(out, evidence{kind: "postcode", country: "CA", state: tt, postcode: ts[i+1].text + " " + strings.TrimRight(ts[i+2].text, ".,"),
				start: ts[i].start, end: ts[i+2].end, strong: true})
			used[i], used[i+1], used[i+2] = true, true, true
			i += 2
		// US "NY 10001"
		case usStates[tt] != "" && i+1 < len(ts) && zip(ts[i+1].text) && i > 0:
			ev := evidence{kind: "state", country: "US", postcode: ts[i+1].text, start: ts[i].start, end: ts[i+1].end, strong: true}
			ev.cityText = tt // the state code, checked against the ZIP
			out = append(out, ev)
			used[i], used[i+1] = true, true
			i++
		// Australia "NSW 2000"
		case auStates[tt] != "" && i+1 < len(ts) && len(ts[i+1].text) == 4 && allDigits(ts[i+1].text) && i > 0 &&
			onlySpaces(line, base, ts[i].end, ts[i+1].start): // not "Windows ME, NT, 2000"
			out = append(out, evidence{kind: "state", country: "AU", cityText: tt, postcode: ts[i+1].text, start: ts[i].start, end: ts[i+1].end, strong: true})
			used[i], used[i+1] = true, true
			i++
		// Japan "〒100-0001"
		case strings.HasPrefix(tt, "〒"):
			out = append(out, evidence{kind: "postcode", country: "JP", postcode: strings.TrimPrefix(tt, "〒"), start: ts[i].start, end: ts[i].end, strong: true})
			used[i] = true
		// Ireland: Eircode, or "Dublin 2"
		case eircode(up) && i+1 < len(ts) && len(ts[i+1].text) == 4:
			out = append(out, evidence{kind: "postcode", country: "IE", postcode: up + " " + strings.ToUpper(ts[i+1].text), start: ts[i].start, end: ts[i+1].end, strong: true})
			used[i], used[i+1] = true, true
			i++
		}
	}
	// country names and state names; cities alone in contact blocks
	for i := 0; i < len(ts) && (names || len(out) > 0); i++ {
		if used[i] || !isCap(ts[i].text) {
			continue
		}
		found := false
		for n := min(4, len(ts)-i); n >= 1 && !found; n-- {
			skip := false
			for k := i; k < i+n; k++ {
				if used[k] {
					skip = true
				}
			}
			if skip {
				continue
			}
			name := strings.TrimRight(spanText(line, base, ts[i].start, ts[i+n-1].end), ".:")
			if cc := g.countryByName(name); cc != "" && (utf8.RuneCountInString(name) >= 4 || name == "UK" || name == "USA" || name == "U.S." || name == "日本") {
				out = append(out, evidence{kind: "country", country: cc, cityText: name, start: ts[i].start, end: ts[i+n-1].end, strong: true})
				found = true
			} else if cc := stateNames[key(name)]; cc != "" {
				out = append(out, evidence{kind: "state", country: cc, cityText: name, start: ts[i].start, end: ts[i+n-1].end, strong: true})
				found = true
			} else if contactish && !streetName(ts, i, n) {
				cs := g.citiesNamed(name)
				if len(cs) > 0 && cs[0].population >= 100000 {
					out = append(out, evidence{kind: "city", cityText: name, candidates: cs, start: ts[i].start, end: ts[i+n-1].end})
					found = true
				}
			}
			if found {
				for k := i; k < i+n; k++ {
					used[k] = true
				}
				i += n - 1
			}
		}
	}
	markNear(out, line, base)
	return out
}

// markNear marks the cities written next to a postcode or state, and gives
// a UK, Irish or Canadian postcode the city written before it.
func markNear(evs []evidence, line string, base int) {
	for k := range evs {
		c := &evs[k]
		if c.kind != "city" {
			continue
		}
		for m := range evs {
			pc := &evs[m]
			if pc.postcode == "" || !(onlySeps(line[min(c.end, pc.start)-base:max(c.end, pc.start)-base]) && c.end <= pc.start ||
				pc.end <= c.start && onlySeps(line[pc.end-base:c.start-base])) {
				continue
			}
			c.near = true
			if pc.kind == "postcode" && pc.city == nil && c.end <= pc.start {
				for _, x := range c.candidates {
					if x.country == pc.country {
						pc.city, pc.cityText, pc.candidates = x, c.cityText, []*city{x}
						break
					}
				}
			}
		}
	}
}

// onlySeps: what lies between a city and its postcode ("", ", ", " ").
func onlySeps(s string) bool { return strings.Trim(s, " ,\t") == "" }

// streetName: the name at tokens [i, i+n) is a street's ("Windsor Place",
// "Av. Corrientes", "Calle de Valencia").
func streetName(ts []tok, i, n int) bool {
	word := func(k int) string { return strings.ToLower(strings.TrimRight(ts[k].text, ".,:")) }
	if i+n < len(ts) && streetWords.Has(word(i+n)) {
		return true
	}
	k := i - 1
	if k >= 0 && particles.Has(word(k)) {
		k--
	}
	return k >= 0 && streetFirst.Has(word(k))
}

// streetFirst precede a street's name; particles may stand between.
var (
	streetFirst = lex.NewSet("av", "avda", "avenida", "avenue", "calle", "c", "carrer", "paseo", "passeig", "rua", "rue", "via",
		"viale", "corso", "piazza", "plaza", "praça", "largo", "ul", "ulica", "boulevard", "bd", "bld", "quai", "chemin", "allée",
		"straße", "strasse", "jalan", "jl")
	particles = lex.NewSet("de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "von")
)

// streetWords follow a name that is a street's, not a city's ("Windsor
// Place", "Berliner Straße" is one word).
var streetWords = lex.NewSet("street", "st", "road", "rd", "avenue", "ave", "lane", "place", "square", "sq", "way", "drive",
	"dr", "terrace", "crescent", "row", "court", "gardens", "park", "walk", "close", "boulevard", "blvd", "strasse", "straße",
	"str", "platz", "allee", "weg", "gasse", "ring", "damm", "ufer", "kai", "quay", "wharf", "hill", "gate", "mews")

func spanText(line string, base, s, e int) string { return line[s-base : e-base] }

func onlySpaces(line string, base, s, e int) bool {
	return strings.TrimSpace(line[s-base:e-base]) == ""
}

func yearLike(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

// postcodeFirst: countries that write the postcode before the city.
var postcodeFirst = map[string]bool{"DE": true, "AT": true, "CH": true, "FR": true, "ES": true, "IT": true, "NL": true,
	"BE": true, "LU": true, "DK": true, "NO": true, "SE": true, "FI": true, "PT": true, "PL": true, "CZ": true,
	"SK": true, "HU": true, "SI": true, "HR": true, "GR": true, "IS": true, "LI": true, "MC": true, "RO": true,
	"BG": true, "EE": true, "LT": true, "LV": true, "TR": true, "MX": true, "BR": true, "AR": true}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func uniqueCountries(cs []*city) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		if !seen[c.country] {
			seen[c.country] = true
			out = append(out, c.country)
		}
	}
	return out
}

// ukOutward: A9, A99, AA9, AA99, A9A, AA9A.
func ukOutward(s string) bool {
	n := len(s)
	if n < 2 || n > 4 {
		return false
	}
	i := 0
	for i < n && i < 2 && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i == 0 || i >= n || !isDigit(s[i]) {
		return false
	}
	i++
	if i < n && (isDigit(s[i]) || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return i == n
}

// ukInward: 9AA.
func ukInward(s string) bool {
	s = strings.TrimRight(s, ".,")
	return len(s) == 3 && isDigit(s[0]) && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

func caFSA(s string) bool {
	return len(s) == 3 && unicode.IsUpper(rune(s[0])) && isDigit(s[1]) && unicode.IsUpper(rune(s[2]))
}
func caLDU(s string) bool {
	s = strings.TrimRight(s, ".,")
	return len(s) == 3 && isDigit(s[0]) && unicode.IsUpper(rune(s[1])) && isDigit(s[2])
}

func zip(s string) bool {
	s = strings.TrimRight(s, ".,")
	if len(s) == 10 && s[5] == '-' {
		return allDigits(s[:5]) && allDigits(s[6:])
	}
	return len(s) == 5 && allDigits(s)
}

// eircode routing key: a letter and two digits, or D6W.
func eircode(s string) bool {
	if s == "D6W" {
		return true
	}
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && isDigit(s[1]) && isDigit(s[2])
}

// contact words that head a contact section.
var contactHeadings = lex.NewSet("contact", "contacts", "contact us", "kontakt", "press contact", "media contact",
	"press contacts", "media contacts", "impressum", "imprint", "address", "addresses", "our offices", "offices",
	"get in touch", "contact details", "contact information", "reach us", "find us", "visit us", "location", "locations")

// mayHavePostcode is a quick look for anything a postcode pattern could
// match: a run of four or five digits before a capital ("10178 Berlin") or
// after capitals ("NY 10001", "NSW 2000"), a digit before two capitals
// ("SW1A 1AA", "1011 AB"), a letter-digit-letter group ("M5V 2T6"), an
// Eircode routing key ("D02") or 〒. Most prose lines with numbers in them
// have none, and are not tokenised.
func mayHavePostcode(line string) bool {
	if strings.Contains(line, "〒") {
		return true
	}
	up := func(i int) bool { return i >= 0 && i < len(line) && line[i] >= 'A' && line[i] <= 'Z' }
	for i := 0; i < len(line); i++ {
		if !isDigit(line[i]) {
			continue
		}
		j := i
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		n := j - i
		// 10178 Berlin, 1011 AB, 1100-053 Lisboa
		if (n == 4 || n == 5 || n == 3 && i > 0 && line[i-1] == '-') && j+1 < len(line) && line[j] == ' ' {
			r, _ := utf8.DecodeRuneInString(line[j+1:])
			if unicode.IsUpper(r) {
				return true
			}
		}
		// NY 10001, NSW 2000
		if (n == 4 || n == 5) && i >= 3 && line[i-1] == ' ' && up(i-2) && up(i-3) {
			return true
		}
		// 1AA (UK inward code), 5V/2T6 (Canada), D02 (Ireland), SW1A
		if up(j) || up(i-1) {
			return true
		}
		i = j
	}
	return false
}

// hyphenPostcode: the hyphenated postcodes of Portugal (1100-053), Brazil
// (01310-200) and Poland (31-019).
func hyphenPostcode(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	return ok && allDigits(a) && allDigits(b) && (len(a) == 4 && len(b) == 3 || len(a) == 5 && len(b) == 3 || len(a) == 2 && len(b) == 3)
}
