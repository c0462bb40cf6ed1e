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
	Doc:      "Dummy contact data: example.com addresses, 555-01xx and other fictional numbers, 123 Main Street, John Doe, test card numbers and example IBANs",
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
    Max Mustermann, John Doe ("John Doe lawsuit" and the like are left alone);
  - published test and example values of the identifiers that
    moderation/personal-data finds: the card issuers' and payment providers'
    test cards (4111 1111 1111 1111, 4242 4242 4242 4242), card numbers of
    made-up digits that still pass the checks, the standard example IBANs
    (DE89 3704 0044 0532 0130 00, GB82 WEST 1234 5698 7654 32), and the
    well-known example SSN, NINO, DNI, codice fiscale, BSN, CPF, Aadhaar,
    Steuer-IdNr and NIR values.
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
				kind, shown := "web address", l.URL
				mailto := len(l.URL) >= len("mailto:") && strings.EqualFold(l.URL[:len("mailto:")], "mailto:")
				if l.Email || mailto {
					// the address as a reader sees it: no scheme, no ?subject= or #part
					kind = "email address"
					if mailto {
						shown = shown[len("mailto:"):]
					}
					if i := strings.IndexAny(shown, "?#"); i >= 0 {
						shown = shown[:i]
					}
				}
				p.Report(rules.Finding{Offset: l.Start, EndOffset: l.End,
					Message:     fmt.Sprintf("dummy %s %q", kind, clip(shown, 60)),
					Explanation: why + ": put in the real address or remove it."})
			}
		}
		for _, ph := range entity.BlockPhones(p.Doc, i) {
			if why := entity.ReservedPhone(ph.Digits); why != "" {
				if sameDigits(ph.Digits) && len(ph.Digits) < 10 && !ph.Cue {
					continue // "0000 0000" in a binary dump is no phone number
				}
				p.Report(rules.Finding{Offset: b.Src(ph.Start), EndOffset: b.SrcEnd(ph.End),
					Message:     fmt.Sprintf("dummy phone number %q", ph.Raw),
					Explanation: why + ": put in the real number or remove it."})
			}
		}
		for _, id := range entity.BlockIDs(p.Doc, i) {
			if id.Dummy == "" {
				continue
			}
			p.Report(rules.Finding{Offset: b.Src(id.Start), EndOffset: b.SrcEnd(id.End),
				Message:     fmt.Sprintf("dummy %s %q", id.Name, id.Raw),
				Explanation: fmt.Sprintf("It is published test or example data (%s), not a real %s: put in the real one or remove it.", id.Dummy, id.Name)})
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

func sameDigits(d string) bool {
	d = strings.TrimPrefix(d, "+")
	return d != "" && strings.Count(d, d[:1]) == len(d)
}
