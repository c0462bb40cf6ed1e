// Package contact finds contact data that contradicts itself: a phone number
// from another country than the address, a postcode that is not in the
// named city, invalid and premium-rate numbers, email and web domains of
// another country, and phone numbers in unusual notation.
package contact

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/entity"
	"github.com/draftlint/draftlint/rules/lex"
)

var (
	countryRule = &rules.Rule{ID: "contact/phone-country-mismatch", Severity: rules.Error,
		Doc: "A phone number belongs to another country than the address next to it",
		Explanation: `Within one contact block (a paragraph, an <address>, a run of short lines, or
a "Contact" section) the address says which country the office is in: by a
postcode with its city, a country name, a US state with a ZIP code, and so on.
A phone number written in international form with another country's calling
code (a Berlin address with a +44 number), or a number in national form that
is not valid in the address's country, contradicts it. Numbers are parsed and
validated with libphonenumber's data (github.com/nyaruka/phonenumbers).
Blocks whose country is ambiguous ("Paris" alone could be in France or in
Texas) are not reported. In a section or a list of offices, a paragraph or
item with an address in another country starts a contact block of its own.`}
	cityRule = &rules.Rule{ID: "contact/phone-city-mismatch", Severity: rules.Warning,
		Doc: "A landline number's area is another city of the same country than the address",
		Explanation: `A geographic (landline) number carries its area in its prefix: +49 89 is
Munich, +33 1 Paris, +1 212 New York. When the address names another city of
the same country, one of them is probably wrong. Areas are read from
libphonenumber's geocoding data in English and in the country's language, so
"München" and "Munich" agree; areas that name a region rather than a city are
not compared.`}
	postcodeRule = &rules.Rule{ID: "contact/postcode-city-mismatch", Severity: rules.Error,
		Doc: "A postcode has the wrong format for its country, or belongs to another city",
		Explanation: `Postcode formats come from Google's address data (github.com/Boostport/address):
a German postcode has five digits, an Austrian four. For the major cities of
DE, AT, CH, GB, IE, FR, ES, IT, NL, BE, US, CA, AU and JP a committed table of
postcode ranges tells which city a postcode belongs to; a postcode inside
another listed city's range ("80331 Berlin": 80331 is Munich) is reported, and
so is one of another region than a listed city's (its first two digits:
"75008 Madrid", where Madrid's codes start with 28). A US ZIP code, an
Australian postcode or a Canadian postal code is also checked against the
state or province written before it (Google's address data: Queensland's
codes start with 4 or 9, Ontario's with K, L, M, N or P).`}
	invalidRule = &rules.Rule{ID: "contact/invalid-phone", Severity: rules.Error,
		Doc: "A phone number is not valid for its country (wrong length, impossible prefix)",
		Explanation: `A number in international form (+CC …), or in national form next to an address
that fixes its country, is checked against libphonenumber's numbering plans.
A number that cannot exist (too short, too long, an unassigned prefix or an
unknown country code) cannot be called. Numbers reserved for fiction are
reported by placeholder/dummy-contact instead.`}
	premiumRule = &rules.Rule{ID: "contact/premium-number", Severity: rules.Warning,
		Doc: "A premium-rate number is given as a contact",
		Explanation: `Premium-rate numbers (UK 09xx and 084x/087x, German 0900, French 08 9x and so
on) cost callers more than a normal call, and readers may not expect that.
Give a geographic or free number, or say what the call costs. Shared-cost,
local-rate (Australian 13 and 1300), toll-free, UAN and personal numbers are
not premium-rate. A number is reported once per contact block, however
often it is given.`}
	domainRule = &rules.Rule{ID: "contact/domain-country-mismatch", Severity: rules.Warning,
		Doc: "An email or website has another country's domain than the address",
		Explanation: `An email address or website with a country-code domain (.fr, .de, .co.uk)
next to an address in another country (a .fr email for a Madrid office) is
often a copy-paste from another office's details. Generic domains (.com, .org,
.net, .eu …) and country codes used generically (.io, .co, .tv, .me, .ai …)
are never a mismatch.`}
	formatRule = &rules.Rule{ID: "contact/format", Severity: rules.Info,
		Doc: "A phone number is written in an unusual notation",
		Explanation: `Notations such as "(+44) 871.075.0336", "+49 (0)30 1234567" or dots between
digit groups outside North America are hard to read and to dial. The fix
rewrites the number in the international format (E.123), e.g. "+44 871 075
0336".`}
)

func init() {
	for _, r := range []*rules.Rule{countryRule, cityRule, postcodeRule, invalidRule, premiumRule, domainRule, formatRule} {
		r.Run = runContact
		r.OptionDocs = map[string]string{"default_region": "ISO country code used to read national numbers when no address says the country (e.g. DE)"}
		r.OptionChecks = map[string]rules.OptionCheck{"default_region": checkRegion}
		rules.Register(r)
	}
}

// phone is a phone number in a contact block.
type phone struct {
	cand   entity.Phone
	block  *draft.Block
	parsed *parsedPhone // the last parse, for the next rule
}

// parsedPhone is what libphonenumber reads of a phone in one region: each
// contact rule checks every phone, and a parse costs tens of microseconds
// (15 MB of numbers took 91 s, each parsed once per rule).
type parsedPhone struct {
	region    string
	num       *phonenumbers.PhoneNumber
	err       error
	numRegion string
	valid     bool
	intlForm  string
}

// parses counts the phones parsed (for a test).
var parses atomic.Int64

// parse reads the phone in region (the parse is kept for the other rules).
func (ph *phone) parse(region string) *parsedPhone {
	if ph.parsed == nil || ph.parsed.region != region {
		pp := &parsedPhone{region: region}
		parses.Add(1)
		pp.num, pp.err = phonenumbers.Parse(ph.cand.Raw, region)
		if pp.err == nil {
			pp.numRegion = phonenumbers.GetRegionCodeForNumber(pp.num)
			pp.valid = phonenumbers.IsValidNumber(pp.num)
			pp.intlForm = phonenumbers.Format(pp.num, phonenumbers.INTERNATIONAL)
		}
		ph.parsed = pp
	}
	return ph.parsed
}

// cblock is a contact block: entities that belong together.
type cblock struct {
	contactLike bool // an address block, a run of short lines, a contact section
	blocks      []*draft.Block
	evidence    []evEntry
	phones      []phone
	links       []linkEntry
}

type evEntry struct {
	evidence
	block *draft.Block
}

type linkEntry struct {
	draft.Link
	block *draft.Block
}

// runContact is shared by every rule of the family: each reports its own
// kind of finding from the same analysis.
func runContact(p *rules.Pass) {
	cbs := p.Doc.Memo("contact.blocks", func() any { return contactBlocks(p.Doc) }).([]*cblock)
	for _, cb := range cbs {
		checkBlock(p, cb)
	}
}

func contactish(b *draft.Block) bool {
	return b.Lines || b.Kind == draft.Address
}

// contactBlocks groups the document's blocks: every block is one, blocks
// under a "Contact" heading form one, and runs of short blocks with contact
// data form one.
func contactBlocks(d *draft.Document) []*cblock {
	var out []*cblock
	var cur *cblock
	section := -1 // level of a contact heading we are under
	flush := func() {
		if cur != nil {
			out = append(out, cur)
			cur = nil
		}
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind == draft.FrontMatter {
			continue
		}
		if b.Kind == draft.Heading {
			flush()
			if section >= 0 && b.Level <= section {
				section = -1
			}
			if contactHeadings.Has(strings.ToLower(strings.Trim(b.Text, ":. "))) {
				section = max(b.Level, 1)
			}
			continue
		}
		hasData := entity.HasDigit(b.Text) || strings.IndexByte(b.Text, '@') >= 0 || len(b.Links) > 0
		short := len(b.Text) <= 240
		inSection := section >= 0
		if !hasData && !inSection && !(short && cur != nil && contactish(b)) {
			flush()
			continue
		}
		cb := analyseBlock(d, i, inSection || contactish(b) || short && hasData && !readsAsProse(b.Text))
		if inSection || short && (len(cb.phones) > 0 || len(cb.evidence) > 0 || len(cb.links) > 0) {
			if cur != nil && elsewhere(cur, cb) {
				// the next office of a list ("Berlin office: …", "Madrid
				// office: …"): merged, their addresses would contradict
				// each other and neither would be checked
				flush()
			}
			if cur == nil {
				cur = cb
			} else {
				cur.merge(cb)
			}
			if !inSection && !short {
				flush()
			}
			continue
		}
		flush()
		out = append(out, cb)
	}
	flush()
	return out
}

// elsewhere reports whether block cb gives an address in another country
// than the blocks gathered in cur: then it starts a contact of its own.
func elsewhere(cur, cb *cblock) bool {
	if len(cb.evidence) == 0 || len(cur.evidence) == 0 {
		return false
	}
	here, hereCity, _ := addressOf(cb)
	if here == "" {
		return false
	}
	there, thereCity, _ := addressOf(cur)
	if there == "" {
		return false
	}
	// another country, or another city of the same one ("Bern: …" after
	// "Lausanne: …"): the next office
	return there != here || hereCity != nil && thereCity != nil && hereCity != thereCity &&
		!geo().sameCity(hereCity, thereCity.name) && !geo().sameCity(thereCity, hereCity.name)
}

// functionWords mark running prose.
var functionWords = lex.NewSet("the", "and", "of", "in", "has", "have", "is", "are", "was", "were", "to", "a", "for",
	"with", "on", "that", "this", "it", "its", "by", "from", "as", "at", "will", "be", "said", "but", "or")

// readsAsProse: a sentence of six or more words with two or more function
// words; an address on one line has none.
func readsAsProse(t string) bool {
	words, n := 0, 0
	lex.EachWord(t, func(w string) {
		words++
		if functionWords.Has(w) {
			n++
		}
	})
	return words >= 6 && n >= 2
}

func (c *cblock) merge(o *cblock) {
	c.contactLike = c.contactLike || o.contactLike
	c.blocks = append(c.blocks, o.blocks...)
	c.evidence = append(c.evidence, o.evidence...)
	c.phones = append(c.phones, o.phones...)
	c.links = append(c.links, o.links...)
}

// analyseBlock extracts a block's phones, links and address evidence.
func analyseBlock(d *draft.Document, bi int, contactLike bool) *cblock {
	b := &d.Blocks[bi]
	cb := &cblock{blocks: []*draft.Block{b}, contactLike: contactLike}
	for _, l := range b.Links {
		cb.links = append(cb.links, linkEntry{l, b})
	}
	hasDigit := entity.HasDigit(b.Text)
	if hasDigit {
		for _, c := range entity.BlockPhones(d, bi) {
			// in prose, a number needs an international prefix, a cue or
			// the look of a phone number
			if !contactLike && !c.Plus && !c.Cue {
				continue
			}
			cb.phones = append(cb.phones, phone{cand: c, block: b})
		}
	}
	for _, l := range b.Links {
		if strings.HasPrefix(strings.ToLower(l.URL), "tel:") {
			raw := strings.TrimSpace(l.URL[4:])
			if shownInText(cb.phones, l.TextStart, l.TextEnd, digitsOf(raw)) {
				continue // the number is its own link text: one number
			}
			cb.phones = append(cb.phones, phone{cand: entity.Phone{Raw: raw, Digits: digitsOf(raw), Plus: strings.HasPrefix(raw, "+"), Start: l.TextStart, End: l.TextEnd, Cue: true}, block: b})
		}
	}
	if hasDigit || contactLike {
		// names of countries, states and cities matter only next to a
		// phone number or a web or email address
		names := contactLike || len(cb.phones) > 0 || len(cb.links) > 0
		for _, e := range findEvidence(b.Text, contactLike, names) {
			cb.evidence = append(cb.evidence, evEntry{e, b})
		}
	}
	// a postcode ("〒100-0005", "10178") is not a phone number
	kept := cb.phones[:0]
	for _, ph := range cb.phones {
		overlap := false
		for _, e := range cb.evidence {
			if e.postcode != "" && ph.cand.Start < e.end && e.start < ph.cand.End {
				overlap = true
			}
		}
		if !overlap {
			kept = append(kept, ph)
		}
	}
	cb.phones = kept
	return cb
}

func digitsOf(s string) string {
	var d strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d.WriteByte(s[i])
		}
	}
	if strings.HasPrefix(strings.TrimSpace(s), "+") {
		return "+" + d.String()
	}
	return d.String()
}

// addressOf settles the country (and city, if one is named) of a contact
// block, or returns "" when the evidence is absent or contradicts itself.
func addressOf(cb *cblock) (country string, c *city, why string) {
	strong := map[string]bool{}
	var strongList []string
	for _, e := range cb.evidence {
		if e.strong && e.country != "" && !strong[e.country] {
			strong[e.country] = true
			strongList = append(strongList, e.country)
		}
	}
	// candidate cities from postcode and city evidence
	var cities []*city
	var cityEv *evEntry
	cityCountries := map[string]bool{}
	for _, k := range cityOrder(cb.evidence) {
		e := &cb.evidence[k]
		if e.kind == "postcode" && e.city != nil || e.kind == "city" {
			cands := e.candidates
			if e.city != nil {
				cands = []*city{e.city}
			}
			var fit []*city
			for _, x := range cands {
				if len(strong) == 0 || strong[x.country] {
					fit = append(fit, x)
				}
			}
			if len(fit) > 0 && cities == nil {
				cities = fit
				cityEv = e
			}
			if len(fit) > 0 && e.kind == "city" && len(strong) == 0 {
				cityCountries[fit[0].country] = true
			}
		}
	}
	switch len(strongList) {
	case 0:
		if len(cities) == 0 || len(cityCountries) > 1 {
			return "", nil, "" // no address, or cities of several countries
		}
		// a city alone: its country only when it is by far the largest
		// city of that name
		if len(uniqueCountries(cities)) > 1 && (len(cities) > 1 && cities[0].population < 10*cities[1].population) {
			return "", nil, ""
		}
		c = cities[0]
		return c.country, c, fmt.Sprintf("%s (%s)", c.name, countryName(c.country))
	case 1:
		country = strongList[0]
	default:
		return "", nil, "" // contradicting evidence: not ours to judge
	}
	if len(cities) > 0 && cities[0].country == country {
		c = cities[0]
	}
	why = countryName(country)
	if c != nil && cityEv != nil {
		if cityEv.postcode != "" {
			why = fmt.Sprintf("%s (%s, postcode %s)", countryName(country), cityEv.cityText, cityEv.postcode)
		} else {
			why = fmt.Sprintf("%s (%s)", countryName(country), cityEv.cityText)
		}
	}
	return country, c, why
}

func checkBlock(p *rules.Pass, cb *cblock) {
	if len(cb.phones) == 0 && len(cb.evidence) == 0 {
		return
	}
	country, addrCity, why := addressOf(cb)
	switch p.Rule {
	case postcodeRule:
		checkPostcodes(p, cb)
		return
	case domainRule:
		if country != "" && (cb.contactLike || len(cb.phones) > 0) {
			checkDomains(p, cb, country, why)
		}
		return
	}
	region := country
	if region == "" {
		region = strings.ToUpper(p.Options.String("default_region", ""))
	}
	state := stateOf(cb, country)
	seen := map[string]bool{}
	for k := range cb.phones {
		ph := &cb.phones[k]
		if d := strings.TrimPrefix(ph.cand.Digits, "+"); seen[d] {
			continue // one finding per number, however often it is given
		} else {
			seen[d] = true
		}
		checkPhone(p, ph, region, country, addrCity, why, state)
	}
}

// checkRegion takes a region code libphonenumber knows (DE, gb), as
// default_region must be.
func checkRegion(v any) error {
	s, ok := v.(string)
	if ok && len(s) == 2 && phonenumbers.GetCountryCodeForRegion(strings.ToUpper(s)) != 0 {
		return nil
	}
	if ok {
		return fmt.Errorf("want a two-letter region code such as DE or GB, got %q", s)
	}
	return fmt.Errorf("want a two-letter region code such as DE or GB, got %v", v)
}

// typeName names a number's type as its country's callers know it.
func typeName(t phonenumbers.PhoneNumberType, region string) string {
	switch t {
	case phonenumbers.PREMIUM_RATE:
		return "premium-rate"
	case phonenumbers.SHARED_COST:
		if region == "AU" {
			return "local-rate" // 13 and 1300: the price of a local call
		}
		return "shared-cost"
	case phonenumbers.TOLL_FREE:
		return "toll-free"
	case phonenumbers.MOBILE:
		return "mobile"
	case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return "landline"
	case phonenumbers.VOIP:
		return "VoIP"
	case phonenumbers.UAN:
		return "non-geographic (UAN)"
	case phonenumbers.PERSONAL_NUMBER:
		return "personal"
	case phonenumbers.PAGER:
		return "pager"
	}
	return ""
}

func describe(num *phonenumbers.PhoneNumber, region string) string {
	t := typeName(phonenumbers.GetNumberType(num), region)
	c := countryAdjective(region)
	if t == "" {
		return "a " + c + " number"
	}
	return article(c) + " " + c + " " + t + " number"
}

func article(w string) string {
	if strings.HasPrefix(w, "UK") || strings.HasPrefix(w, "US") || strings.HasPrefix(w, "Uni") {
		return "a"
	}
	if w != "" && strings.ContainsRune("AEIOU", rune(w[0])) {
		return "an"
	}
	return "a"
}

func countryAdjective(cc string) string {
	if a, ok := adjectives[cc]; ok {
		return a
	}
	return countryName(cc)
}

var adjectives = map[string]string{"DE": "German", "AT": "Austrian", "CH": "Swiss", "GB": "UK", "IE": "Irish",
	"FR": "French", "ES": "Spanish", "IT": "Italian", "NL": "Dutch", "BE": "Belgian", "US": "US", "CA": "Canadian",
	"AU": "Australian", "JP": "Japanese", "PT": "Portuguese", "PL": "Polish", "DK": "Danish", "SE": "Swedish",
	"NO": "Norwegian", "FI": "Finnish", "LU": "Luxembourgish", "CZ": "Czech", "GR": "Greek", "CN": "Chinese",
	"IN": "Indian", "BR": "Brazilian", "MX": "Mexican", "RU": "Russian", "TR": "Turkish", "IL": "Israeli",
	"ZA": "South African", "NZ": "New Zealand", "SG": "Singaporean", "HK": "Hong Kong", "KR": "South Korean"}

func (ph *phone) span() (int, int) {
	return ph.block.Src(ph.cand.Start), ph.block.SrcEnd(ph.cand.End)
}

func checkPhone(p *rules.Pass, ph *phone, region, country string, addrCity *city, why, state string) {
	raw := ph.cand.Raw
	if reservedForFiction(ph.cand.Digits) {
		return // placeholder/dummy-contact reports it: it is only a placeholder
	}
	intl := ph.cand.Plus
	parseRegion := region
	if intl {
		parseRegion = ""
	}
	if !intl && parseRegion == "" {
		return // a national number with no country to read it in
	}
	pp := ph.parse(parseRegion)
	num, err := pp.num, pp.err
	s, e := ph.span()
	if err != nil {
		if p.Rule == invalidRule && intl {
			p.Report(rules.Finding{Offset: s, EndOffset: e, Message: fmt.Sprintf("%q is not a valid phone number: %v", raw, err),
				Explanation: "The number cannot be dialled as written: check its country code and digits."})
		}
		return
	}
	numRegion, valid, intlForm := pp.numRegion, pp.valid, pp.intlForm
	mismatch := false
	if country != "" {
		cc := int(num.GetCountryCode())
		want := phonenumbers.GetCountryCodeForRegion(country)
		if intl && cc != want && want != 0 && !nonGeographic(cc) {
			mismatch = true
			if p.Rule == countryRule {
				what := describe(num, numRegion)
				if numRegion == "" || numRegion == "001" {
					what = fmt.Sprintf("a number with calling code +%d", cc)
				}
				p.Report(rules.Finding{Offset: s, EndOffset: e,
					Message:     fmt.Sprintf("phone %s is %s, but the address is in %s", intlForm, what, countryName(country)),
					Explanation: fmt.Sprintf("Address is in %s; phone %s is %s (calling code +%d, not +%d). One of them is wrong.", why, intlForm, what, cc, want)})
			}
		} else if !intl && !valid {
			mismatch = true
			if p.Rule == countryRule {
				p.Report(rules.Finding{Offset: s, EndOffset: e,
					Message:     fmt.Sprintf("phone %q is not a valid %s number, but the address is in %s", raw, countryAdjective(country), countryName(country)),
					Explanation: fmt.Sprintf("Address is in %s; written without a country code, the number must be %s one, and %q is not. Add the right country code or correct the number.", why, article(countryAdjective(country))+" "+countryAdjective(country), raw)})
			}
		}
	}
	switch p.Rule {
	case invalidRule:
		if !valid && !mismatch {
			reason := "it has no valid prefix for its country"
			switch lengthReason(num) {
			case phonenumbers.TOO_SHORT:
				reason = "it is too short"
			case phonenumbers.INVALID_LENGTH:
				reason = "it has the wrong number of digits"
			case phonenumbers.TOO_LONG:
				reason = "it is too long"
			case phonenumbers.INVALID_COUNTRY_CODE:
				reason = "its country code does not exist"
			}
			if numRegion == "" || numRegion == "ZZ" {
				numRegion = phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode()))
			}
			where := countryName(numRegion)
			if numRegion == "" || numRegion == "ZZ" {
				where = "any country"
			}
			p.Report(rules.Finding{Offset: s, EndOffset: e,
				Message:     fmt.Sprintf("phone %q is not a valid number in %s: %s", raw, where, reason),
				Explanation: "Checked against libphonenumber's numbering plan: the number cannot be dialled as written."})
		}
	case premiumRule:
		t := phonenumbers.GetNumberType(num)
		if valid && t == phonenumbers.PREMIUM_RATE {
			p.Report(rules.Finding{Offset: s, EndOffset: e,
				Message:     fmt.Sprintf("phone %s is %s", intlForm, describe(num, numRegion)),
				Explanation: "Premium-rate numbers cost callers more than an ordinary call. Give a geographic or free number, or state the cost."})
		}
	case cityRule:
		if valid && !mismatch && addrCity != nil && addrCity.country == numRegion {
			checkArea(p, num, addrCity, s, e, why, intlForm)
		} else if valid && !mismatch && addrCity == nil && state != "" && numRegion == country {
			checkAreaState(p, num, state, s, e, intlForm)
		}
	case formatRule:
		if valid {
			checkFormat(p, ph, num, s, e, intlForm)
		}
	}
}

// nonGeographic calling codes (international freephone and the like).
func nonGeographic(cc int) bool {
	switch cc {
	case 800, 808, 870, 878, 881, 882, 883, 888, 979:
		return true
	}
	return false
}

// reservedForFiction: numbers placeholder/dummy-contact reports.
func reservedForFiction(digits string) bool { return entity.ReservedPhone(digits) != "" }

// checkArea compares a landline's area with the address city.
func checkArea(p *rules.Pass, num *phonenumbers.PhoneNumber, addr *city, s, e int, why, intlForm string) {
	t := phonenumbers.GetNumberType(num)
	if t != phonenumbers.FIXED_LINE && t != phonenumbers.FIXED_LINE_OR_MOBILE {
		return
	}
	g := geo()
	langs := []string{"en", languageOf(addr.country)}
	var areaCity *city
	var areaText string
	for _, lang := range langs {
		desc, err := phonenumbers.GetGeocodingForNumber(num, lang)
		if err != nil || desc == "" {
			continue
		}
		// "New York, NY": the part before the comma
		name := strings.TrimSpace(strings.Split(desc, ",")[0])
		if g.sameCity(addr, name) || strings.Contains(key(desc), key(addr.name)) {
			return // the area is the address city
		}
		for _, c := range g.citiesNamed(name) {
			if c.country == addr.country {
				if areaCity == nil {
					areaCity, areaText = c, name
				}
				break
			}
		}
	}
	if areaCity == nil || areaCity == addr {
		return // a region, not a city: nothing to compare
	}
	p.Report(rules.Finding{Offset: s, EndOffset: e,
		Message:     fmt.Sprintf("phone %s is a %s landline, but the address is in %s", intlForm, areaText, addr.name),
		Explanation: fmt.Sprintf("Address is in %s; the area code of %s is %s. Check which one is right.", why, intlForm, areaText)})
}

func languageOf(cc string) string {
	switch cc {
	case "DE", "AT":
		return "de"
	case "CH":
		return "de"
	case "FR", "BE", "LU":
		return "fr"
	case "ES":
		return "es"
	case "IT":
		return "it"
	case "NL":
		return "nl"
	case "JP":
		return "ja"
	}
	return "en"
}

// checkFormat reports notations that are hard to read or dial.
func checkFormat(p *rules.Pass, ph *phone, num *phonenumbers.PhoneNumber, s, e int, intlForm string) {
	raw := ph.cand.Raw
	var why string
	switch {
	case strings.Contains(raw, "(+"):
		why = "the country code is in parentheses"
	case strings.Contains(raw, "(0)"):
		why = "the trunk prefix (0) is written with the country code"
	case strings.Count(raw, ".") >= 2 && num.GetCountryCode() != 1:
		why = "dots separate the digits outside North America"
	case mixedSeparators(raw):
		why = "several kinds of separators are mixed"
	default:
		return
	}
	if !ph.cand.Plus {
		return // national notation is a house-style question
	}
	p.Report(rules.Finding{Offset: s, EndOffset: e,
		Message:     fmt.Sprintf("phone %q is written in an unusual notation; use %s", raw, intlForm),
		Explanation: "Unusual notation: " + why + ". The international format (E.123) is easiest to read and dial.",
		Fixes:       []rules.Fix{{Description: "write the number as " + intlForm, Edits: []rules.Edit{{Offset: s, EndOffset: e, NewText: intlForm}}}}})
}

func mixedSeparators(raw string) bool {
	kinds := 0
	for _, sep := range []string{".", "-", "/"} {
		if strings.Contains(raw, sep) {
			kinds++
		}
	}
	return kinds >= 2
}

// checkPostcodes reports postcodes of the wrong format and postcodes that
// belong to another listed city.
func checkPostcodes(p *rules.Pass, cb *cblock) {
	g := geo()
	for _, e := range cb.evidence {
		if e.postcode == "" {
			continue
		}
		s, en := e.block.Src(e.start), e.block.SrcEnd(e.end)
		switch e.kind {
		case "postcode":
			if e.state != "" {
				if sub := addressSubdivisionRegex(e.country, e.state); sub != nil && !sub.MatchString(e.postcode) {
					p.Report(rules.Finding{Offset: s, EndOffset: en,
						Message:     fmt.Sprintf("postal code %s is not in %s", e.postcode, caProvinces[e.state]),
						Explanation: fmt.Sprintf("Postal codes in %s (%s) do not start like %s (Google's address data). Correct the postal code or the province.", caProvinces[e.state], e.state, e.postcode)})
					continue
				}
			}
			if e.city == nil {
				continue
			}
			cc := e.city.country
			if !postcodeValid(cc, e.postcode) {
				if len(uniqueCountries(e.candidates)) > 1 {
					continue // the city may be in a country whose format fits
				}
				p.Report(rules.Finding{Offset: s, EndOffset: en,
					Message:     fmt.Sprintf("postcode %s is not a valid %s postcode", e.postcode, countryAdjective(cc)),
					Explanation: fmt.Sprintf("%s is in %s, where postcodes look like %s.", e.cityText, countryName(cc), postcodeExample(cc))})
				continue
			}
			pcCity := g.postcodeCity(cc, e.postcode)
			own := g.ranges(e.city)
			if pcCity != "" && !g.sameCity(e.city, pcCity) && key(pcCity) != key(e.city.name) &&
				(len(own) > 0 || !g.areaCodes(cc)) { // a GB area is not a town: Salford is in M
				p.Report(rules.Finding{Offset: s, EndOffset: en,
					Message:     fmt.Sprintf("postcode %s is in %s, not %s", e.postcode, pcCity, e.cityText),
					Explanation: fmt.Sprintf("In %s, postcode %s belongs to %s. Correct the postcode or the city.", countryName(cc), e.postcode, pcCity)})
				continue
			}
			if pcCity == "" && len(own) > 0 && !g.areaCodes(cc) && cc != "US" && cc != "JP" && !regionOf(own, e.postcode) {
				p.Report(rules.Finding{Offset: s, EndOffset: en,
					Message:     fmt.Sprintf("postcode %s is in %s, not %s", e.postcode, pcCity, e.cityText),
					Explanation: fmt.Sprintf("In %s, the postcodes of %s start with %s; %s is another region's. Correct the postcode or the city.", countryName(cc), e.cityText, regionPrefixes(own), e.postcode)})
			}
		case "state":
			state := e.cityText
			sub := addressSubdivisionRegex(e.country, state)
			if sub == nil || sub.MatchString(e.postcode) {
				continue
			}
			switch e.country {
			case "US":
				p.Report(rules.Finding{Offset: s, EndOffset: en,
					Message:     fmt.Sprintf("ZIP code %s is not in %s", e.postcode, usStates[state]),
					Explanation: fmt.Sprintf("ZIP codes in %s do not start like %s. Correct the ZIP code or the state.", usStates[state], e.postcode)})
			case "AU":
				if !cb.contactLike {
					continue // "NT 2000" in prose is more often Windows than Darwin
				}
				p.Report(rules.Finding{Offset: s, EndOffset: en,
					Message:     fmt.Sprintf("postcode %s is not in %s", e.postcode, auStates[state]),
					Explanation: fmt.Sprintf("Postcodes in %s (%s) do not start like %s (Google's address data). Correct the postcode or the state.", auStates[state], state, e.postcode)})
			}
		}
	}
}

func postcodeExample(cc string) string {
	switch cc {
	case "DE", "FR", "ES", "IT", "US":
		return "five digits"
	case "AT", "CH", "BE", "AU":
		return "four digits"
	case "NL":
		return "four digits and two letters (1011 AB)"
	case "GB":
		return "SW1A 1AA"
	case "CA":
		return "A1A 1A1"
	case "JP":
		return "123-4567"
	case "IE":
		return "D02 X285"
	}
	return "the national format"
}

// checkDomains compares ccTLDs of emails and websites with the address.
func checkDomains(p *rules.Pass, cb *cblock, country, why string) {
	for _, l := range cb.links {
		if strings.HasPrefix(strings.ToLower(l.URL), "tel:") {
			continue
		}
		low := strings.ToLower(l.URL)
		if !l.Email && !l.Bare && !strings.Contains(low, "://") && !strings.HasPrefix(low, "mailto:") && !strings.HasPrefix(low, "www.") {
			continue // a relative link is a file, not a website
		}
		host := hostOf(l.URL)
		cc := ccTLDCountry(host)
		if cc == "" || cc == country {
			continue
		}
		kind := "website"
		if l.Email || strings.HasPrefix(strings.ToLower(l.URL), "mailto:") {
			kind = "email address"
		}
		p.Report(rules.Finding{Offset: l.Start, EndOffset: l.End,
			Message:     fmt.Sprintf("%s %s has %s domain (.%s), but the address is in %s", kind, l.URL, article(countryAdjective(cc))+" "+countryAdjective(cc), tldOf(host), countryName(country)),
			Explanation: fmt.Sprintf("Address is in %s; %s ends in .%s, the domain of %s. Check that it belongs to this office.", why, host, tldOf(host), countryName(cc))})
	}
}

func hostOf(u string) string {
	u = strings.ToLower(strings.TrimPrefix(strings.ToLower(u), "mailto:"))
	if i := strings.LastIndexByte(u, '@'); i >= 0 && !strings.Contains(u[:i], "/") {
		return u[i+1:]
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#:"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(u, ".")
}

func tldOf(host string) string {
	if strings.HasSuffix(host, ".co.uk") || strings.HasSuffix(host, ".org.uk") || strings.HasSuffix(host, ".ac.uk") {
		return host[strings.LastIndex(host[:len(host)-3], ".")+1:]
	}
	return host[strings.LastIndexByte(host, '.')+1:]
}

// genericCC are country-code domains used as generic ones.
var genericCC = lex.NewSet("io", "co", "tv", "me", "ai", "fm", "ly", "gg", "to", "cc", "ws", "la", "sh", "ac", "vc",
	"nu", "tk", "ml", "ga", "cf", "gq", "am", "im", "is", "it", "do", "so", "st", "sx", "xyz", "app")

// ccTLDCountry returns the country of a host's country-code domain, or "".
func ccTLDCountry(host string) string {
	if host == "" || !strings.Contains(host, ".") {
		return ""
	}
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if len(tld) != 2 {
		return ""
	}
	if tld == "uk" {
		return "GB"
	}
	if tld == "eu" || genericCC.Has(tld) && tld != "it" && tld != "is" {
		return ""
	}
	cc := strings.ToUpper(tld)
	if phonenumbers.GetCountryCodeForRegion(cc) == 0 {
		return ""
	}
	return cc
}

// shownInText reports whether a tel: link's text [s, e) is a phone already
// found in the text with the same digits (national or international).
func shownInText(phones []phone, s, e int, digits string) bool {
	d := strings.TrimPrefix(digits, "+")
	for _, ph := range phones {
		if ph.cand.Start < e && s < ph.cand.End {
			t := strings.TrimPrefix(ph.cand.Digits, "+")
			if t == d || strings.HasSuffix(d, strings.TrimLeft(t, "0")) || strings.HasSuffix(t, strings.TrimLeft(d, "0")) {
				return true
			}
		}
	}
	return false
}

// lengthReason is IsPossibleNumberWithReason, made precise: a number
// shorter than every fixed-line and mobile number of its country is too
// short, longer than all of them too long, though the country's general
// plan (which counts short codes) allows its length.
func lengthReason(num *phonenumbers.PhoneNumber) phonenumbers.ValidationResult {
	r := phonenumbers.IsPossibleNumberWithReason(num)
	if r != phonenumbers.IS_POSSIBLE {
		return r
	}
	md := regionMetadata(phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode())))
	if md == nil {
		return r
	}
	n := int32(len(phonenumbers.GetNationalSignificantNumber(num)))
	lo, hi := int32(1<<30), int32(0)
	for _, desc := range []*phonenumbers.PhoneNumberDesc{md.GetFixedLine(), md.GetMobile()} {
		for _, l := range desc.GetPossibleLength() {
			lo, hi = min(lo, l), max(hi, l)
		}
	}
	switch {
	case hi == 0:
		return r
	case n < lo:
		return phonenumbers.TOO_SHORT
	case n > hi:
		return phonenumbers.TOO_LONG
	}
	return r
}

// regionMetadata is libphonenumber's numbering plan of a region (the
// collection the library has already loaded), or nil. Only an invalid
// number needs it.
func regionMetadata(region string) *phonenumbers.PhoneMetadata {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil || coll == nil {
		return nil
	}
	for _, md := range coll.GetMetadata() {
		if md.GetId() == region {
			return md
		}
	}
	return nil
}

// auAreaStates: the states each Australian geographic area code serves.
var auAreaStates = map[byte][]string{'2': {"NSW", "ACT"}, '3': {"VIC", "TAS"}, '7': {"QLD"}, '8': {"SA", "WA", "NT"}}

// stateOf is the Australian state a block's address names ("Glebe NSW
// 2037"), when the block is in Australia and names one state.
func stateOf(cb *cblock, country string) string {
	if country != "AU" {
		return ""
	}
	state := ""
	for _, e := range cb.evidence {
		if e.kind == "state" && e.country == "AU" && auStates[e.cityText] != "" {
			if state != "" && state != e.cityText {
				return ""
			}
			state = e.cityText
		}
	}
	return state
}

// checkAreaState compares an Australian landline's area code with the
// state of the address: a (03) number (Victoria, Tasmania) with a New South
// Wales address belongs to another state's office.
func checkAreaState(p *rules.Pass, num *phonenumbers.PhoneNumber, state string, s, e int, intlForm string) {
	t := phonenumbers.GetNumberType(num)
	if t != phonenumbers.FIXED_LINE && t != phonenumbers.FIXED_LINE_OR_MOBILE {
		return
	}
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	states := auAreaStates[nsn[0]]
	if len(states) == 0 || slices.Contains(states, state) {
		return
	}
	var names []string
	for _, st := range states {
		names = append(names, auStates[st])
	}
	area := strings.Join(names, " and ")
	p.Report(rules.Finding{Offset: s, EndOffset: e,
		Message:     fmt.Sprintf("phone %s is a landline in area code 0%c (%s), but the address is in %s", intlForm, nsn[0], area, auStates[state]),
		Explanation: fmt.Sprintf("The address is in %s (%s); area code 0%c serves %s. Check which one is right.", auStates[state], state, nsn[0], area)})
}

// cityOrder lists evidence indexes with the address's own city first: a
// postcode's city, then a city next to a postcode or state, then the rest
// (a city in a company or street name comes last).
func cityOrder(evs []evEntry) []int {
	rank := func(e *evEntry) int {
		switch {
		case e.kind == "postcode" && e.city != nil:
			return 0
		case e.near:
			return 1
		}
		return 2
	}
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank(&evs[a]) - rank(&evs[b]) })
	return idx
}

// regionOf reports whether numeric postcode pc is in the region of a
// city's ranges: it starts with the same two digits as one of them (the
// département, provincia or Leitregion), so that a suburb's code passes
// and another region's fails.
func regionOf(own []pcRange, pc string) bool {
	pc = strings.ReplaceAll(pc, " ", "")
	for _, r := range own {
		if r.prefix != "" || len(pc) < 2 {
			return true // not numeric: not judged
		}
		lo, hi := pad(r.lo, r.digits)[:2], pad(r.hi, r.digits)[:2]
		if p := pc[:2]; p >= lo && p <= hi {
			return true
		}
	}
	return false
}

// regionPrefixes lists the two-digit starts of a city's ranges ("08", "80
// to 81").
func regionPrefixes(own []pcRange) string {
	var out []string
	for _, r := range own {
		lo, hi := pad(r.lo, r.digits)[:2], pad(r.hi, r.digits)[:2]
		p := lo
		if hi != lo {
			p = lo + " to " + hi
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, " or ")
}
