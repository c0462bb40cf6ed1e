package entity

import (
	_ "embed" // test-ids.txt
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/almerlucke/go-iban/iban"

	"github.com/draftlint/draftlint/draft"
)

// IDKind names a kind of personal identifier.
type IDKind string

// The identifiers Identifiers finds.
const (
	Card          IDKind = "card"
	IBAN          IDKind = "iban"
	SSN           IDKind = "ssn"
	NINO          IDKind = "nino"
	SteuerID      IDKind = "steuer-id"
	NIR           IDKind = "nir"
	DNI           IDKind = "dni"
	CodiceFiscale IDKind = "codice-fiscale"
	BSN           IDKind = "bsn"
	CPF           IDKind = "cpf"
	Aadhaar       IDKind = "aadhaar"
)

// IDKinds lists every kind, in the order they are tried.
var IDKinds = []IDKind{Card, IBAN, SSN, NINO, SteuerID, NIR, DNI, CodiceFiscale, BSN, CPF, Aadhaar}

// ID is a personal identifier found in prose and confirmed by its check.
type ID struct {
	Kind       IDKind
	Name       string // what it is, for a message: "payment card number (Visa)"
	Start, End int    // byte range in the text
	Raw        string // as written
	Value      string // its letters and digits
	Check      string // what confirmed it
	// Dummy says why the value is published test or example data (an
	// issuer's test card, the standard example IBAN), or is "".
	Dummy string
}

// kindInfo is what Identifiers knows of a kind: its name, the words that
// announce it (lower case; a word must start at a word boundary) and
// whether it needs one of them.
type kindInfo struct {
	name  string
	cues  []string
	check string
}

var kinds = map[IDKind]kindInfo{
	Card: {"payment card number", []string{"card", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover",
		"maestro", "jcb", "diners", "unionpay", "kreditkarte", "karte", "carte", "tarjeta", "carta", "cartão", "pan"}, "the Luhn check and the issuer's number range"},
	IBAN: {"IBAN (bank account)", nil, "the IBAN check digits (ISO 13616 mod 97), the country's length and account format"},
	SSN: {"US Social Security number", []string{"ssn", "social security", "social-security", "soc. sec", "taxpayer"},
		"the SSA's area, group and serial rules and the words before it"},
	NINO: {"UK National Insurance number", []string{"national insurance", "ni number", "ni no", "nino", "nin"},
		"HMRC's prefix and suffix rules and the words before it"},
	SteuerID: {"German tax ID (Steuer-IdNr)", []string{"steuer-id", "steuerid", "steuer-idnr", "steueridentifikationsnummer", "identifikationsnummer",
		"idnr", "id-nr", "steuernummer", "tax id", "tax identification", "tin"}, "the ISO 7064 MOD 11,10 check digit, the digit rules and the words before it"},
	NIR: {"French social security number (NIR)", []string{"nir", "sécurité sociale", "securite sociale", "sécu", "insee", "social security", "carte vitale"},
		"the NIR key (97 minus the number modulo 97) and its date and sex fields"},
	DNI: {"Spanish DNI/NIE", []string{"dni", "nie", "nif", "documento nacional", "identidad"}, "the control letter (the number modulo 23)"},
	CodiceFiscale: {"Italian codice fiscale", []string{"codice fiscale", "fiscal code", "tax code", "cf"},
		"the check letter and the date and place fields"},
	BSN: {"Dutch citizen service number (BSN)", []string{"bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "citizen service number", "sofi"},
		"the 11-test and the words before it"},
	CPF: {"Brazilian CPF", []string{"cpf", "cadastro de pessoas"}, "the two CPF check digits (mod 11)"},
	Aadhaar: {"Indian Aadhaar number", []string{"aadhaar", "aadhar", "uidai", "uid"},
		"the Verhoeff check digit and the words before it"},
}

// notCard: words before a run of digits that make it something else.
var notCard = []string{"isbn", "issn", "doi", "order", "tracking", "invoice", "ticket", "tel", "phone", "fax", "serial",
	"patent", "case", "ref", "reference", "barcode", "ean", "upc", "imei", "sku"}

//go:embed data/test-ids.txt
var testIDData string

// testIDs are published test and example values, by kind.
var testIDs = sync.OnceValue(func() map[IDKind]map[string]string {
	out := map[IDKind]map[string]string{}
	kind := IDKind("")
	for _, line := range strings.Split(testIDData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			kind = IDKind(line[1 : len(line)-1])
			out[kind] = map[string]string{}
			continue
		}
		value, source, _ := strings.Cut(line, "\t")
		value = strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && isAlnumASCII(byte(r)) {
				return r
			}
			return -1
		}, value)
		out[kind][value] = strings.TrimSpace(source)
	}
	return out
})

// TestIDs returns the published test values of a kind (value → who
// publishes it), for tests.
func TestIDs(k IDKind) map[string]string { return testIDs()[k] }

// ValidID says whether value (letters and digits only) passes kind's check.
func ValidID(k IDKind, value string) bool {
	switch k {
	case Card:
		return len(value) >= 12 && len(value) <= 19 && allDigits(value) && luhn(value) && cardIssuer(value) != ""
	case IBAN:
		_, err := iban.NewIBAN(value)
		return err == nil
	case SSN:
		return len(value) == 9 && allDigits(value) && ssnValid(value)
	case NINO:
		return ninoValid(value)
	case SteuerID:
		return allDigits(value) && steuerIDValid(value)
	case NIR:
		return nirValid(value)
	case DNI:
		return dniValid(value)
	case CodiceFiscale:
		return codiceFiscaleValid(value)
	case BSN:
		return allDigits(value) && bsnValid(value)
	case CPF:
		return allDigits(value) && cpfValid(value)
	case Aadhaar:
		return allDigits(value) && aadhaarValid(value)
	}
	return false
}

// span is a run of letter-and-digit groups joined by single separators.
type span struct {
	start, end int
	groups     []string
	seps       []string // seps[i] stands between groups[i] and groups[i+1]
}

// Identifiers returns the personal identifiers in text. A candidate is a
// run of letter-and-digit groups joined by single spaces, hyphens or dots
// that is not glued to other words or numbers, and it counts only when its
// kind's check holds: check digits where the kind has them, and for kinds
// whose check is weak or absent (SSN, NINO, BSN, Steuer-IdNr, Aadhaar, a
// card number or CPF written without its usual grouping) a word naming the
// kind just before it.
func Identifiers(text string) []ID {
	var out []ID
	for i := 0; i < len(text); {
		k := indexDigit(text, i)
		if k < 0 {
			break
		}
		sp, next := scanSpan(text, k)
		i = next
		if sp.end == 0 {
			continue
		}
		if id, ok := classify(text, sp); ok {
			out = append(out, id)
		}
	}
	return out
}

func indexDigit(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return i
		}
	}
	return -1
}

func isAlnumASCII(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// sepLen is the byte length of the separator (space, no-break space,
// hyphen, dot) at text[j:], or 0.
func sepLen(text string, j int) int {
	if j < 0 || j >= len(text) {
		return 0
	}
	switch text[j] {
	case ' ', '-', '.':
		return 1
	}
	return spaceRuneLen(text[j:])
}

// joinable: may a group join a run? One with a digit always; one of letters
// only when it is one to four capitals (IBAN bank codes, a NINO's prefix
// and suffix, a DNI's letter).
func joinable(g string) bool {
	if strings.IndexFunc(g, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
		return true
	}
	if len(g) > 4 {
		return false
	}
	for i := 0; i < len(g); i++ {
		if !isUpperASCII(g[i]) {
			return false
		}
	}
	return true
}

// scanSpan reads the run around the digit at k. It returns a zero span when
// the run is glued to a word or is part of a price, reference, time or
// version, and the offset to go on from.
func scanSpan(text string, k int) (span, int) {
	// the group holding k
	s := k
	for s > 0 && isAlnumASCII(text[s-1]) {
		s--
	}
	e := k
	for e < len(text) && isAlnumASCII(text[e]) {
		e++
	}
	sp := span{start: s, groups: []string{text[s:e]}}
	// a group of capitals before it (NINO "AB 12 34 56 C")
	if n := sepLen(text, s-1); s > 1 && n == 1 && text[s-1] == ' ' {
		b := s - 1
		for b > 0 && isAlnumASCII(text[b-1]) {
			b--
		}
		// only a group standing alone: "Steuer-ID 729…" keeps its ID
		if g := text[b : s-1]; g != "" && len(g) <= 2 && joinable(g) && (b == 0 || !isAlnumASCII(text[b-1]) && strings.IndexByte("-./_", text[b-1]) < 0) {
			sp.start = b
			sp.groups = []string{g, text[s:e]}
			sp.seps = []string{" "}
		}
	}
	for len(sp.groups) < 12 {
		n := sepLen(text, e)
		if n == 0 || e+n >= len(text) || !isAlnumASCII(text[e+n]) {
			break
		}
		f := e + n
		for f < len(text) && isAlnumASCII(text[f]) {
			f++
		}
		g := text[e+n : f]
		if !joinable(g) {
			break
		}
		sep := text[e : e+1]
		if n > 1 {
			sep = " "
		}
		sp.seps = append(sp.seps, sep)
		sp.groups = append(sp.groups, g)
		e = f
	}
	sp.end = e
	next := e
	if !standsAlone(text, sp.start, sp.end) {
		return span{}, next
	}
	return sp, next
}

// standsAlone: the run is not glued to a word, and is no price, decimal,
// time, ratio, path, percentage or phone number with +.
func standsAlone(text string, s, e int) bool {
	if s > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(p) || unicode.IsDigit(p) {
			return false
		}
		switch p {
		case '+', '#', '$', '€', '£', '¥', '/', '\\', '_', '@', '№', '=', '&', '?':
			return false
		case '.', ',', ':', '-':
			if s > 1 && isAlnumASCII(text[s-2]) {
				return false
			}
		}
	}
	if e < len(text) {
		a, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(a) || unicode.IsDigit(a) {
			return false
		}
		switch a {
		case '%', '/', '\\', '_', '@', '‰', '°':
			return false
		case '.', ',', ':', '-':
			if e+1 < len(text) && isAlnumASCII(text[e+1]) {
				return false
			}
		}
	}
	return true
}

// lens are the group lengths of a span.
func (sp span) lens() []int {
	out := make([]int, len(sp.groups))
	for i, g := range sp.groups {
		out[i] = len(g)
	}
	return out
}

func (sp span) value() string { return strings.Join(sp.groups, "") }

// uniformSep: every separator is one of allowed, and all are the same.
func (sp span) uniformSep(allowed string) bool {
	for _, s := range sp.seps {
		if s != sp.seps[0] || !strings.Contains(allowed, s) {
			return false
		}
	}
	return true
}

func (sp span) shape(lens ...int) bool {
	if len(lens) != len(sp.groups) {
		return false
	}
	for i, g := range sp.groups {
		if len(g) != lens[i] {
			return false
		}
	}
	return true
}

func (sp span) sepsAre(seps ...string) bool {
	if len(seps) != len(sp.seps) {
		return false
	}
	for i, s := range sp.seps {
		if s != seps[i] {
			return false
		}
	}
	return true
}

// trim drops a leading or trailing group of capitals that is not part of
// the identifier ("SSN 078-05-1120", "… 1111 A").
func (sp span) trim(text string, first, last int) span {
	out := span{groups: sp.groups[first : len(sp.groups)-last]}
	if len(sp.seps) > 0 {
		out.seps = sp.seps[first : len(sp.seps)-last]
	}
	out.start = sp.start
	for i := 0; i < first; i++ {
		out.start += len(sp.groups[i]) + sepLen(text, out.start+len(sp.groups[i]))
	}
	out.end = sp.end
	for i := 0; i < last; i++ {
		g := sp.groups[len(sp.groups)-1-i]
		out.end -= len(g)
		out.end -= sepBackLen(text, out.end)
	}
	return out
}

// sepBackLen is the byte length of the separator that ends at e.
func sepBackLen(text string, e int) int {
	for n := 1; n <= 3 && n <= e; n++ {
		if sepLen(text, e-n) == n {
			return n
		}
	}
	return 1
}

func classify(text string, sp span) (ID, bool) {
	if id, ok := classifySpan(text, sp); ok {
		return id, true
	}
	n := len(sp.groups)
	lettersOnly := func(g string) bool { return !strings.ContainsAny(g, "0123456789") }
	first := n > 1 && lettersOnly(sp.groups[0])
	last := n > 1 && lettersOnly(sp.groups[n-1])
	if first {
		if id, ok := classifySpan(text, sp.trim(text, 1, 0)); ok {
			return id, true
		}
	}
	if last {
		if id, ok := classifySpan(text, sp.trim(text, 0, 1)); ok {
			return id, true
		}
	}
	if first && last && n > 2 {
		return classifySpan(text, sp.trim(text, 1, 1))
	}
	return ID{}, false
}

// context is the lower-cased text around a span that cue words are looked
// for in: up to 64 bytes before it and 24 after it.
func context(text string, s, e int) string {
	a := max(0, s-64)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	b := min(len(text), e+24)
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.ToLower(text[a:s] + " " + text[e:b])
}

// hasCue: one of cues starts at a word boundary in ctx.
func hasCue(ctx string, cues []string) bool {
	for _, c := range cues {
		for i := 0; ; {
			k := strings.Index(ctx[i:], c)
			if k < 0 {
				break
			}
			k += i
			p, _ := utf8.DecodeLastRuneInString(ctx[:k])
			a, _ := utf8.DecodeRuneInString(ctx[k+len(c):])
			if !unicode.IsLetter(p) && !unicode.IsLetter(a) {
				return true
			}
			i = k + 1
		}
	}
	return false
}

func classifySpan(text string, sp span) (ID, bool) {
	v := sp.value()
	if len(v) < 9 || len(v) > 34 {
		return ID{}, false
	}
	digits := allDigits(v)
	single := len(sp.groups) == 1
	ctx := ""
	cue := func(k IDKind) bool {
		if ctx == "" {
			ctx = context(text, sp.start, sp.end)
		}
		return hasCue(ctx, kinds[k].cues)
	}
	try := func(k IDKind, needCue bool) (ID, bool) {
		dummy := testIDs()[k][v]
		if dummy == "" && !ValidID(k, v) {
			return ID{}, false
		}
		if needCue && !cue(k) {
			return ID{}, false
		}
		id := ID{Kind: k, Name: kinds[k].name, Start: sp.start, End: sp.end, Raw: text[sp.start:sp.end], Value: v, Check: kinds[k].check}
		if k == Card {
			id.Name += " (" + cardIssuer(v) + ")"
			if dummy == "" && madeUpCard(v) {
				dummy = "a made-up sequence of digits"
			}
		}
		id.Dummy = dummy
		return id, true
	}
	lens := sp.lens()
	switch {
	case digits && len(v) >= 13 && len(v) <= 19:
		grouped := !single && sp.uniformSep(" -") && cardGrouping(lens)
		if grouped || single {
			ctxOK := cue(Card)
			if grouped && (ctxOK || !hasCue(ctx, notCard)) || single && ctxOK {
				if id, ok := try(Card, false); ok {
					return id, true
				}
			}
		}
		if len(v) == 15 && (single || sp.shape(13, 2) || sp.uniformSep(" ") && sp.shape(1, 2, 2, 2, 3, 3, 2)) {
			return try(NIR, single || sp.shape(13, 2))
		}
	case len(v) >= 15 && isUpperASCII(v[0]) && isUpperASCII(v[1]) && allDigits(v[2:4]):
		if single || sp.uniformSep(" ") && ibanGrouping(lens) {
			if id, ok := try(IBAN, false); ok {
				return id, true
			}
		}
	}
	switch len(v) {
	case 9:
		switch {
		case digits && (single || sp.uniformSep("- ") && sp.shape(3, 2, 4)):
			if id, ok := try(SSN, true); ok {
				return id, true
			}
			if single || sp.uniformSep(".") && sp.shape(4, 2, 3) {
				return try(BSN, true)
			}
		case digits && sp.uniformSep(".") && sp.shape(4, 2, 3):
			return try(BSN, true)
		case isUpperASCII(v[0]) && isUpperASCII(v[1]) && (single || sp.uniformSep(" ") && sp.shape(2, 2, 2, 2, 1) || sp.shape(2, 6, 1)):
			return try(NINO, true)
		case isUpperASCII(v[8]) && (single || sp.shape(8, 1) && sp.uniformSep("- ") || sp.shape(2, 3, 3, 1) && sp.sepsAre(".", ".", "-")):
			return try(DNI, false)
		}
	case 11:
		if !digits {
			break
		}
		if sp.shape(3, 3, 3, 2) && sp.sepsAre(".", ".", "-") {
			return try(CPF, false)
		}
		if single || sp.shape(9, 2) && sp.uniformSep("-") {
			if id, ok := try(CPF, true); ok {
				return id, true
			}
		}
		if single || sp.uniformSep(" ") && sp.shape(2, 3, 3, 3) {
			return try(SteuerID, true)
		}
	case 12:
		if digits && (single || sp.uniformSep(" -") && sp.shape(4, 4, 4)) {
			return try(Aadhaar, true)
		}
	case 15:
		if !digits && (single || sp.shape(13, 2)) && (strings.Contains(v[5:7], "A") || strings.Contains(v[5:7], "B")) {
			return try(NIR, false)
		}
	case 16:
		if single && !digits {
			return try(CodiceFiscale, false)
		}
	}
	return ID{}, false
}

// cardGrouping: the groups a card number is printed in: fours (the last may
// be shorter), or 4-6-5 (American Express) and 4-6-4 (Diners Club).
func cardGrouping(lens []int) bool {
	if len(lens) == 3 && lens[0] == 4 && lens[1] == 6 && (lens[2] == 5 || lens[2] == 4) {
		return true
	}
	if len(lens) < 4 {
		return false
	}
	for i, l := range lens {
		if l != 4 && !(i == len(lens)-1 && l >= 1 && l < 4) {
			return false
		}
	}
	return true
}

// ibanGrouping: an IBAN printed in groups of four, the last shorter.
func ibanGrouping(lens []int) bool {
	for i, l := range lens {
		if l != 4 && !(i == len(lens)-1 && l >= 1 && l < 4) {
			return false
		}
	}
	return true
}

// madeUpCard: ten or more of the digits are the same one, or the digits
// count up (1234 5678 9012 …): no issuer gives such numbers, documents do.
func madeUpCard(d string) bool {
	var count [10]int
	for i := 0; i < len(d); i++ {
		count[d[i]-'0']++
	}
	for _, c := range count {
		if c >= 10 {
			return true
		}
	}
	up := 0
	for i := 1; i < len(d); i++ {
		if (d[i-1]-'0'+1)%10 == d[i]-'0' {
			up++
		}
	}
	return up >= len(d)-3
}

// blockIDs keeps a document's identifiers, found once for the rules that
// share them.
type blockIDs struct {
	done []bool
	ids  [][]ID
}

// BlockIDs returns the identifiers in the document's block i.
func BlockIDs(d *draft.Document, i int) []ID {
	bi := d.Memo("entity.ids", func() any {
		return &blockIDs{done: make([]bool, len(d.Blocks)), ids: make([][]ID, len(d.Blocks))}
	}).(*blockIDs)
	if !bi.done[i] {
		if t := d.Blocks[i].Text; HasDigit(t) {
			bi.ids[i] = Identifiers(t)
		}
		bi.done[i] = true
	}
	return bi.ids[i]
}
