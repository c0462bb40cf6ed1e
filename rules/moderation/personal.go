package moderation

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/entity"
)

var personalRule = &rules.Rule{
	ID:       "moderation/personal-data",
	Severity: rules.Error,
	Doc:      "Payment card numbers, IBANs and national identifiers (SSN, NINO, Steuer-IdNr, NIR, DNI/NIE, codice fiscale, BSN, CPF, Aadhaar), each confirmed by its check",
	Explanation: `A number that identifies a person or gives access to their money must not be
published: a card number, a bank account, a national identity or tax number
pasted from a source's document. Each is confirmed by its own check, never by
its shape alone:
  - payment cards: the Luhn check and an issuer's number range and length
    (Visa, Mastercard, American Express, Discover, JCB, Diners Club,
    UnionPay, Maestro), written in the card's groups (4111 1111 1111 1111,
    3782 822463 10005) or, run together, after a word such as "card" or
    "Visa"; a run of digits after "order", "ISBN", "tracking" or "phone"
    is left alone;
  - IBANs: the ISO 13616 check digits (mod 97), the country's length and
    account format;
  - with a check digit: German Steuer-IdNr (ISO 7064 MOD 11,10 and its
    digit rules), French NIR (its key), Spanish DNI and NIE (the control
    letter), Italian codice fiscale (the check letter), Dutch BSN (the
    11-test), Brazilian CPF (two check digits), Indian Aadhaar (Verhoeff);
  - without one: US Social Security numbers (no area 000, 666 or 9xx, no
    group 00, no serial 0000) and UK National Insurance numbers (HMRC's
    prefix and suffix rules).
Kinds whose check is weak or missing (SSN, NINO, Steuer-IdNr, BSN, Aadhaar,
a card or CPF without its usual grouping) count only after a word naming
them ("SSN", "National Insurance", "Steuer-ID", "BSN", "Aadhaar", "CPF"),
so phone, order and reference numbers that happen to pass are not reported.
Published test and example values (4111 1111 1111 1111, DE89 3704 0044 0532
0130 00, SSN 078-05-1120) are reported as placeholder/dummy-contact instead.
The message masks the number (4111 •••• •••• 1111). Remove the number, or
mask it in the text.`,
}

func init() {
	names := make([]string, len(entity.IDKinds))
	for i, k := range entity.IDKinds {
		names[i] = string(k)
	}
	personalRule.OptionDocs = map[string]string{"skip": "kinds of identifier not to report: " + strings.Join(names, ", ")}
	personalRule.OptionChecks = map[string]rules.OptionCheck{"skip": oneOf(names)}
	personalRule.Run = runPersonal
	rules.Register(personalRule)
}

// maskID shows an identifier with most of its letters and digits hidden:
// the first and last four of a long one, the last four of a short one.
func maskID(id entity.ID) string {
	n := len(id.Value)
	if n >= 15 {
		return mask(id.Raw, 4, 4)
	}
	return mask(id.Raw, 0, 4)
}

func runPersonal(p *rules.Pass) {
	skip := map[string]bool{}
	for _, k := range p.Options.Strings("skip") {
		skip[k] = true
	}
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		for _, id := range entity.BlockIDs(p.Doc, i) {
			if id.Dummy != "" || skip[string(id.Kind)] {
				continue
			}
			start, end := b.Src(id.Start), b.SrcEnd(id.End)
			first := 0
			if len(id.Value) >= 15 {
				first = 4
			}
			p.Report(rules.Finding{Offset: start, EndOffset: end, Masked: starMask(string(p.Doc.Src[start:end]), first, 4),
				Message: fmt.Sprintf("%s %s must not be published", id.Name, maskID(id)),
				Explanation: fmt.Sprintf("It passes %s. Remove it, or mask all but the last digits (%s).",
					id.Check, maskID(id))})
		}
	}
}
