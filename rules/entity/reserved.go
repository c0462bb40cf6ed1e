package entity

import "strings"

// reserved fictional number ranges: national digits (leading 0) prefix and
// the count of digits that follow it.
type numRange struct {
	country string // calling code
	prefix  string // national significant number prefix
	rest    int    // digits after the prefix
	who     string
}

var reservedRanges = []numRange{
	// UK, Ofcom drama numbers
	{"44", "1134960", 3, "Ofcom (UK) drama range 0113 496 0xxx"},
	{"44", "1144960", 3, "Ofcom (UK) drama range 0114 496 0xxx"},
	{"44", "1154960", 3, "Ofcom (UK) drama range 0115 496 0xxx"},
	{"44", "1164960", 3, "Ofcom (UK) drama range 0116 496 0xxx"},
	{"44", "1174960", 3, "Ofcom (UK) drama range 0117 496 0xxx"},
	{"44", "1184960", 3, "Ofcom (UK) drama range 0118 496 0xxx"},
	{"44", "1214960", 3, "Ofcom (UK) drama range 0121 496 0xxx"},
	{"44", "1314960", 3, "Ofcom (UK) drama range 0131 496 0xxx"},
	{"44", "1414960", 3, "Ofcom (UK) drama range 0141 496 0xxx"},
	{"44", "1514960", 3, "Ofcom (UK) drama range 0151 496 0xxx"},
	{"44", "1614960", 3, "Ofcom (UK) drama range 0161 496 0xxx"},
	{"44", "1914980", 3, "Ofcom (UK) drama range 0191 498 0xxx"},
	{"44", "2079460", 3, "Ofcom (UK) drama range 020 7946 0xxx"},
	{"44", "2896496", 3, "Ofcom (UK) drama range 028 9649 6xxx"},
	{"44", "2920180", 3, "Ofcom (UK) drama range 029 2018 0xxx"},
	{"44", "1632960", 3, "Ofcom (UK) drama range 01632 960xxx"},
	{"44", "7700900", 3, "Ofcom (UK) drama range 07700 900xxx"},
	{"44", "8081570", 3, "Ofcom (UK) drama range 08081 570xxx"},
	{"44", "9098790", 3, "Ofcom (UK) drama range 0909 879 0xxx"},
	{"44", "3069990", 3, "Ofcom (UK) drama range 03069 990xxx"},
	// Germany, Bundesnetzagentur numbers for film and TV
	{"49", "3023125", 3, "Bundesnetzagentur (DE) range for film and TV, 030 23125 xxx"},
	{"49", "6990009", 3, "Bundesnetzagentur (DE) range for film and TV, 069 90009 xxx"},
	{"49", "4066969", 3, "Bundesnetzagentur (DE) range for film and TV, 040 66969 xxx"},
	{"49", "2214710", 3, "Bundesnetzagentur (DE) range for film and TV, 0221 4710 xxx"},
	{"49", "8999998", 3, "Bundesnetzagentur (DE) range for film and TV, 089 99998 xxx"},
}

// ReservedPhone says why the digits (a leading + for international form)
// are a fictional or dummy number, or returns "".
func ReservedPhone(digits string) string {
	intl := strings.HasPrefix(digits, "+")
	d := strings.TrimPrefix(digits, "+")
	if ObviousDummy(d) || d == "1234567890" || strings.HasSuffix(d, "1234567890") {
		return "the digits are a made-up sequence"
	}
	// North America: NXX-555-01XX, 555-01XX
	nanp := d
	if intl && strings.HasPrefix(nanp, "1") {
		nanp = nanp[1:]
	} else if !intl && len(nanp) == 11 && nanp[0] == '1' {
		nanp = nanp[1:]
	}
	if !intl || strings.HasPrefix(d, "1") {
		if len(nanp) == 10 && nanp[3:6] == "555" && nanp[6:8] == "01" || len(nanp) == 7 && nanp[0:3] == "555" && nanp[3:5] == "01" {
			return "555-0100 to 555-0199 are reserved for fiction in North America"
		}
	}
	for _, r := range reservedRanges {
		var nsn string
		switch {
		case intl && strings.HasPrefix(d, r.country):
			nsn = d[len(r.country):]
			nsn = strings.TrimPrefix(nsn, "0") // +44 (0)20 …
		case !intl && strings.HasPrefix(d, "00"+r.country):
			nsn = strings.TrimPrefix(d[2+len(r.country):], "0")
		case !intl && strings.HasPrefix(d, "0"):
			nsn = d[1:]
		default:
			continue
		}
		if strings.HasPrefix(nsn, r.prefix) && len(nsn) == len(r.prefix)+r.rest {
			return "it is in the " + r.who + ", reserved for fiction"
		}
	}
	return ""
}
