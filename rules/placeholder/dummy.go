package placeholder

import (
	"fmt"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/entity"
	"github.com/draftlint/draftlint/rules/lex"
)

var dummyRule = &rules.Rule{
	ID:       "placeholder/dummy-contact",
	Severity: rules.Error,
	Doc:      "Dummy contact data: example.com addresses, 555-01xx and other fictional numbers, 123 Main Street, John Doe",
	Explanation: `Stand-in contact data must never reach readers: a reader who calls or writes
gets nobody, or somebody else. Found here:
  - the domains reserved for examples (example.com, example.net, example.org,
    and the .test, .example, .invalid and .localhost TLDs, RFC 2606/6761) in
    links, URLs and email addresses, and stand-in domains like yourdomain.com;
  - telephone numbers reserved for fiction: North America's 555-0100 to
    555-0199, Ofcom's drama ranges in the UK (01632 960xxx, 020 7946 0xxx,
    07700 900xxx and the others), the Bundesnetzagentur's ranges in Germany
    (030 23125 xxx and others); and obvious dummies such as 123-456-7890,
    000 000 0000 or 0123456789;
  - stand-in names and addresses: 123 Main Street, Anytown, Musterstraße,
    Max Mustermann, John Doe ("John Doe lawsuit" and the like are left alone).
The severity is error because in a draft for readers each of these is always
a leftover. Documentation that shows example addresses on purpose can turn
the rule off for a file or a folder.`,
}

type dummyData struct {
	phrases *lex.Matcher
	hosts   map[string]bool
	legal   map[string]bool
}

var dummies = sync.OnceValue(func() *dummyData {
	s := sections(mustRead("dummy-contact.txt"))
	return &dummyData{phrases: lex.NewMatcher(s["phrase"]), hosts: toSet(s["host"], true), legal: toSet(s["legal"], true)}
})

func init() {
	dummyRule.Run = runDummy
	rules.Register(dummyRule)
}

// hostOf returns the lower-case host of a URL or email address.
func hostOf(u string) string {
	u = strings.ToLower(u)
	if i := strings.LastIndexByte(u, '@'); i >= 0 && !strings.Contains(u, "/") {
		return u[i+1:]
	}
	u = strings.TrimPrefix(u, "mailto:")
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	if i := strings.IndexByte(u, ':'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(u, ".")
}

// ReservedHost says why a host is a stand-in, or "".
func reservedHost(h string, extra map[string]bool) string {
	for _, d := range []string{"example.com", "example.net", "example.org"} {
		if h == d || strings.HasSuffix(h, "."+d) {
			return d + " is reserved for examples (RFC 2606)"
		}
	}
	tld := h[strings.LastIndexByte(h, '.')+1:]
	switch tld {
	case "test", "example", "invalid", "localhost":
		return "." + tld + " is a reserved top-level domain (RFC 2606/6761)"
	}
	if h == "localhost" {
		return "localhost is not reachable by readers"
	}
	if extra[h] || extra[strings.TrimPrefix(h, "www.")] {
		return h + " is a stand-in domain"
	}
	return ""
}

func runDummy(p *rules.Pass) {
	dd := dummies()
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		for _, l := range b.Links {
			h := hostOf(l.URL)
			if h == "" {
				continue
			}
			if why := reservedHost(h, dd.hosts); why != "" {
				kind := "web address"
				if l.Email || strings.HasPrefix(strings.ToLower(l.URL), "mailto:") {
					kind = "email address"
				}
				p.Report(rules.Finding{Offset: l.Start, EndOffset: l.End,
					Message:     fmt.Sprintf("dummy %s %q", kind, clip(l.URL, 60)),
					Explanation: why + ": put in the real address or remove it."})
			}
		}
		if strings.ContainsAny(b.Text, "0123456789") {
			for _, ph := range entity.Phones(b.Text) {
				if why := ReservedPhone(ph.Digits); why != "" {
					if sameDigits(ph.Digits) && len(ph.Digits) < 10 && !ph.Cue {
						continue // "0000 0000" in a binary dump is no phone number
					}
					p.Report(rules.Finding{Offset: b.Src(ph.Start), EndOffset: b.SrcEnd(ph.End),
						Message:     fmt.Sprintf("dummy phone number %q", ph.Raw),
						Explanation: why + ": put in the real number or remove it."})
				}
			}
		}
		for _, m := range dd.phrases.Find(lex.BlockNorm(p.Doc, i), len(b.Text)) {
			phrase := b.Text[m.Start:m.End]
			low := strings.ToLower(phrase)
			if strings.HasSuffix(low, " doe") {
				next := strings.ToLower(firstWord(b.Text[m.End:]))
				prev := strings.ToLower(lastWord(b.Text[:m.Start]))
				if dd.legal[next] || prev == "a" || prev == "as" || prev == "the" {
					continue
				}
			}
			p.Report(rules.Finding{Offset: b.Src(m.Start), EndOffset: b.SrcEnd(m.End),
				Message:     fmt.Sprintf("dummy name or address %q", phrase),
				Explanation: fmt.Sprintf("%q is a stand-in used in forms and templates, not real contact data.", phrase)})
		}
	}
}

func firstWord(s string) string {
	ws := lex.Words(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[0].Text
}

func lastWord(s string) string {
	ws := lex.Words(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1].Text
}

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
	if entity.ObviousDummy(d) || d == "1234567890" || strings.HasSuffix(d, "1234567890") {
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

func sameDigits(d string) bool {
	d = strings.TrimPrefix(d, "+")
	return d != "" && strings.Count(d, d[:1]) == len(d)
}
