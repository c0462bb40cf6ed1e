package moderation

import (
	"bytes"
	_ "embed" // gitleaks.json
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/rules"
)

var secretRule = &rules.Rule{
	ID:       "moderation/secret",
	Severity: rules.Error,
	Doc:      "API keys and tokens (gitleaks' rules), private keys, passwords and access tokens in links, private IP addresses and internal host names in links",
	Explanation: `A credential in a published article gives its access to every reader: an API
key copied with a code sample, a link with a password or an access token in
it, a link to a staging server or a private network address. Found here:
  - keys and tokens with a known prefix or structure (AWS AKIA…, GitHub ghp_
    and github_pat_, Slack xox…, Stripe sk_live_, Google AIza…, OpenAI, and
    some two hundred more) and private key blocks, by gitleaks' rule set,
    each with its entropy threshold and allow lists; generic "api_key = …"
    assignments only when the value is random enough and holds a digit
    (a word list or an identifier path has none). These are looked for
    everywhere in the file, code blocks included: code in an article is
    published too;
  - in links: a password (https://user:pass@host), an access token, key,
    signature or password in the query (?access_token=, &sig=, ?apikey=),
    a private IP address (10.x, 172.16–31.x, 192.168.x, 100.64–127.x,
    fc00::/7, fe80::/10), and an internal host name (a name without a dot,
    .internal, .local, .corp, .lan, .intranet, .home.arpa, or a host that
    starts with staging., intranet., internal.).
Documentation examples are not leaks: values with EXAMPLE, sample, dummy,
your…, xxxx or <…> in them, gitleaks' own allow lists, localhost and the
example domains. The message masks the value (AKIA••••…). Revoke the
credential: removing it from the draft does not undo its publication in
the repository's history.`,
}

func init() {
	secretRule.Run = runSecret
	rules.Register(secretRule)
}

//go:embed data/gitleaks.json
var gitleaksJSON []byte

type allowlist struct {
	Condition   string   `json:"condition"`
	RegexTarget string   `json:"regexTarget"`
	Regexes     []string `json:"regexes"`
	Stopwords   []string `json:"stopwords"`
	res         []*regexp.Regexp
}

type secretRuleData struct {
	ID          string      `json:"id"`
	Description string      `json:"description"`
	Regex       string      `json:"regex"`
	SecretGroup int         `json:"secretGroup"`
	Entropy     float64     `json:"entropy"`
	Keywords    []string    `json:"keywords"`
	Allowlists  []allowlist `json:"allowlists"`

	once      sync.Once
	re        *regexp.Regexp
	multiline bool
	// generic is gitleaks' generic-api-key: its keywords are common
	// words, so it runs only where an assignment follows one, and its value
	// must hold a digit (see assignmentAfter).
	generic bool
}

// compiled returns the rule's regular expression and allow lists, compiled
// on first use (most runs need a few of the two hundred).
func (r *secretRuleData) compiled() *regexp.Regexp {
	r.once.Do(func() {
		r.re = regexp.MustCompile(r.Regex)
		for i := range r.Allowlists {
			compileAllow(&r.Allowlists[i])
		}
	})
	return r.re
}

func compileAllow(a *allowlist) {
	for _, s := range a.Regexes {
		a.res = append(a.res, regexp.MustCompile(s))
	}
	for i, w := range a.Stopwords {
		a.Stopwords[i] = strings.ToLower(w)
	}
}

type secretSet struct {
	Allowlist allowlist         `json:"allowlist"`
	Rules     []*secretRuleData `json:"rules"`
	// the keywords (lower case) by their first two bytes: bucket is the
	// index in keywords (from 1) of a pair's. A byte of the source is
	// looked at only when the keywords' first three bytes (hashed into
	// tris) or a keyword of two bytes (pairs) start there.
	pairs [1 << 10]uint64
	tris  [1 << 10]uint64
	// any holds every tri key and, for a keyword of two bytes, every key
	// that starts with its two: one test a byte in the scan, on a key
	// rolled from the raw bytes (a byte's low five bits are its lower
	// case's), before the exact tests of pairs and tris
	any      [1 << 9]uint64
	bucket   [1 << 16]uint16
	keywords [][]keyword
}

func (s *secretSet) hasPair(p uint16) bool { return s.pairs[p>>6]&(1<<(p&63)) != 0 }

func (s *secretSet) hasTri(h uint16) bool { return s.tris[h>>6]&(1<<(h&63)) != 0 }

func (s *secretSet) addAny(h uint16) { s.any[h>>6] |= 1 << (h & 63) }

// triHash keys three lower-case bytes by their low five bits each (all a
// letter's): digits and punctuation share keys with letters, which only
// costs a comparison more.
func triHash(a, b, c byte) uint16 {
	return uint16(a&31)<<10 | uint16(b&31)<<5 | uint16(c&31)
}

// fold lower-cases ASCII letters.
var fold = func() (t [256]byte) {
	for i := range t {
		t[i] = lowerByte(byte(i))
	}
	return
}()

type keyword struct {
	text  string
	rules []int
}

var secrets = sync.OnceValue(func() *secretSet {
	s := &secretSet{}
	if err := json.Unmarshal(gitleaksJSON, s); err != nil {
		panic(err)
	}
	compileAllow(&s.Allowlist)
	s.keywords = [][]keyword{nil}
	byText := map[string]int{}
	for i, r := range s.Rules {
		r.multiline = strings.Contains(r.Regex, `[\s\S`)
		r.generic = r.ID == "generic-api-key"
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			if len(k) < 2 {
				continue
			}
			p := pairOf(k[0], k[1])
			if s.bucket[p] == 0 {
				s.bucket[p] = uint16(len(s.keywords))
				s.keywords = append(s.keywords, nil)
			}
			if len(k) == 2 {
				s.pairs[p>>6] |= 1 << (p & 63)
				for c := range byte(32) {
					s.addAny(triHash(k[0], k[1], c))
				}
			} else {
				h := triHash(k[0], k[1], k[2])
				s.tris[h>>6] |= 1 << (h & 63)
				s.addAny(h)
			}
			b := s.bucket[p]
			j, ok := byText[k]
			if !ok {
				j = len(s.keywords[b])
				byText[k] = j
				s.keywords[b] = append(s.keywords[b], keyword{text: k})
			}
			s.keywords[b][j].rules = append(s.keywords[b][j].rules, i)
		}
	}
	return s
})

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func pairOf(a, b byte) uint16 { return uint16(lowerByte(a))<<8 | uint16(lowerByte(b)) }

func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerByte(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

// secretHit is a secret found in the source.
type secretHit struct {
	rule       *secretRuleData
	start, end int // the secret's byte range in the source
}

// findSecrets runs gitleaks' rules over src: a rule's regular expression
// runs only on the lines where one of its keywords stands (from the
// keyword on for a multi-line rule such as a private key block).
func findSecrets(src []byte) []secretHit {
	sc := secretScan{s: secrets(), src: src}
	if len(src) < 2 {
		return nil
	}
	may := &sc.s.any
	h := uint16(src[0]&31)<<5 | uint16(src[1]&31) // triHash of src[i:i+3], rolled
	for i, c := range src[2:] {
		h = (h<<5 | uint16(c&31)) & 0x7fff
		if may[h>>6]&(1<<(h&63)) != 0 {
			sc.at(i)
		}
	}
	sc.at(len(src) - 2)
	return sc.hits
}

// secretScan is findSecrets' state.
type secretScan struct {
	s    *secretSet
	src  []byte
	hits []secretHit
	done []int // rule → 1 + the end of the last window it ran on
	seen map[[2]int]bool
}

// at runs the rules whose keyword starts at src[i].
func (sc *secretScan) at(i int) {
	s, src := sc.s, sc.src
	a, b := fold[src[i]], fold[src[i+1]]
	p := uint16(a)<<8 | uint16(b)
	if !s.hasPair(p) && (i+2 >= len(src) || !s.hasTri(triHash(a, b, fold[src[i+2]]))) {
		return
	}
	for _, kw := range s.keywords[s.bucket[p]] {
		if !hasPrefixFold(src[i:], kw.text) {
			continue
		}
		// a keyword of two letters ("ey" of a JWT, "sk", "s.") counts
		// only at the start of a long token: English is full of them
		if len(kw.text) <= 2 && tokenRun(src, i+len(kw.text)) < 8 {
			continue
		}
		for _, ri := range kw.rules {
			r := s.Rules[ri]
			if r.generic && !assignmentAfter(src, i+len(kw.text)) {
				continue
			}
			ws, we := window(src, i, r.multiline)
			if r.generic { // its matches start at most 50 bytes before the keyword
				ws = max(ws, i-64)
			}
			if sc.done == nil {
				sc.done = make([]int, len(s.Rules))
				sc.seen = map[[2]int]bool{}
			}
			if ws < sc.done[ri]-1 {
				continue
			}
			sc.done[ri] = we + 1
			for _, h := range matchRule(s, r, src, ws, we) {
				k := [2]int{h.start, h.end}
				if !sc.seen[k] {
					sc.seen[k] = true
					sc.hits = append(sc.hits, h)
				}
			}
		}
	}
}

// window is the part of the line around src[i] that a match holding the
// keyword there can span (256 bytes either side), or for a multi-line
// rule the line's start to 16 KB on.
func window(src []byte, i int, multiline bool) (int, int) {
	s := i
	for s > 0 && src[s-1] != '\n' && i-s < 256 {
		s--
	}
	if multiline {
		return s, min(len(src), i+16<<10)
	}
	e := i
	for e < len(src) && src[e] != '\n' && e-i < 256 {
		e++
	}
	return s, e
}

// tokenRun counts the token characters (letters, digits, _ - . ~ / + =)
// from src[i].
func tokenRun(src []byte, i int) int {
	n := 0
	for ; i+n < len(src); n++ {
		c := src[i+n]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte("_-.~/+=", c) >= 0) {
			break
		}
	}
	return n
}

// assignmentAfter: within 24 bytes after a generic keyword ("api_key",
// "password") stands one of the operators gitleaks' generic rule takes
// (=, :, >, ",", ||), and after it (and up to five quotes, spaces or =) a
// token of ten characters or more with a digit in it.
func assignmentAfter(src []byte, i int) bool {
	for k := i; k < len(src) && k < i+24; k++ {
		switch src[k] {
		case '=', ':', '>', ',', '|':
			v := k + 1
			for v < len(src) && v < k+6 && strings.IndexByte("`'\" \t=|:>", src[v]) >= 0 {
				v++
			}
			n := tokenRun(src, v)
			return n >= 10 && bytes.ContainsAny(src[v:v+n], "0123456789")
		case '\n':
			return false
		}
	}
	return false
}

func matchRule(s *secretSet, r *secretRuleData, src []byte, ws, we int) []secretHit {
	re := r.compiled()
	var out []secretHit
	for _, m := range re.FindAllSubmatchIndex(src[ws:we], -1) {
		g := 0
		switch {
		case r.SecretGroup > 0 && 2*r.SecretGroup+1 < len(m):
			g = r.SecretGroup
		case len(m) > 2:
			for k := 1; 2*k+1 < len(m); k++ {
				if m[2*k] >= 0 {
					g = k
					break
				}
			}
		}
		if m[2*g] < 0 {
			continue
		}
		ms, me := ws+m[0], ws+m[1]
		ss, se := ws+m[2*g], ws+m[2*g+1]
		secret := string(src[ss:se])
		if r.Entropy > 0 && entropy(secret) < r.Entropy {
			continue
		}
		if r.generic && !strings.ContainsAny(secret, "0123456789") {
			continue // a word list or an identifier path, not a random token
		}
		line := lineAround(src, ms, me)
		if allowed(&s.Allowlist, secret, string(src[ms:me]), line) || documentationValue(secret) {
			continue
		}
		skip := false
		for i := range r.Allowlists {
			if allowed(&r.Allowlists[i], secret, string(src[ms:me]), line) {
				skip = true
				break
			}
		}
		if !skip {
			out = append(out, secretHit{rule: r, start: ss, end: se})
		}
	}
	return out
}

func lineAround(src []byte, s, e int) string {
	for s > 0 && src[s-1] != '\n' {
		s--
	}
	for e < len(src) && src[e] != '\n' {
		e++
	}
	return string(src[s:e])
}

// allowed applies one of gitleaks' allow lists: a regular expression that
// matches the secret (or the whole match, or the line), or a stop word the
// secret holds; with condition AND, both.
func allowed(a *allowlist, secret, match, line string) bool {
	target := secret
	switch a.RegexTarget {
	case "match":
		target = match
	case "line":
		target = line
	}
	reHit := false
	for _, re := range a.res {
		if re.MatchString(target) {
			reHit = true
			break
		}
	}
	stopHit := false
	if len(a.Stopwords) > 0 {
		low := strings.ToLower(secret)
		for _, w := range a.Stopwords {
			if strings.Contains(low, w) {
				stopHit = true
				break
			}
		}
	}
	if a.Condition == "AND" {
		return (len(a.res) == 0 || reHit) && (len(a.Stopwords) == 0 || stopHit)
	}
	return reHit || stopHit
}

// placeholderParts are what documentation puts in a value that stands for a
// real one.
var placeholderParts = []string{"example", "sample", "dummy", "placeholder", "your", "xxxx", "****", "••", "<", ">", "{", "}",
	"redacted", "changeme", "fake", "insert", "replace", "12345678", "abcdefgh", "0000000", "…", "..."}

// documentationValue: the value is a stand-in written for documentation.
func documentationValue(v string) bool {
	low := strings.ToLower(v)
	for _, p := range placeholderParts {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// entropy is the Shannon entropy of s in bits per character, as gitleaks
// computes it.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// secretName makes a short name from a gitleaks rule ID: aws-access-token →
// "AWS access token".
func secretName(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		switch {
		case upperWords[w]:
			words[i] = strings.ToUpper(w)
		case brands[w] != "":
			words[i] = brands[w]
		case plainWords[w]:
		default:
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

var (
	upperWords = map[string]bool{"aws": true, "gcp": true, "api": true, "pat": true, "jwt": true, "npm": true, "id": true, "url": true, "cicd": true,
		"scim": true, "ca": true, "tf": true, "ad": true, "ptt": true, "rrt": true, "v2": true}
	brands = map[string]string{"github": "GitHub", "gitlab": "GitLab", "openai": "OpenAI", "digitalocean": "DigitalOcean", "huggingface": "Hugging Face",
		"1password": "1Password", "linkedin": "LinkedIn", "oauth": "OAuth", "pypi": "PyPI", "rubygems": "RubyGems", "sendgrid": "SendGrid",
		"mailchimp": "Mailchimp", "launchdarkly": "LaunchDarkly", "planetscale": "PlanetScale", "nytimes": "New York Times", "flyio": "Fly.io",
		"droneci": "Drone CI", "travisci": "Travis CI", "easypost": "EasyPost", "messagebird": "MessageBird", "sumologic": "Sumo Logic"}
	plainWords = map[string]bool{"access": true, "token": true, "key": true, "secret": true, "app": true, "application": true, "client": true,
		"password": true, "refresh": true, "user": true, "bot": true, "service": true, "account": true, "personal": true, "webhook": true,
		"config": true, "legacy": true, "workspace": true, "private": true, "public": true, "session": true, "auth": true, "authentication": true,
		"fine": true, "grained": true, "generic": true, "encryption": true, "signing": true, "org": true, "organization": true, "admin": true,
		"long": true, "lived": true, "short": true, "incoming": true, "runner": true, "deploy": true, "pub": true, "header": true, "cookie": true,
		"identity": true, "job": true, "shared": true, "sensitive": true, "upload": true, "feed": true, "agent": true, "browser": true,
		"global": true, "reference": true, "delivery": true, "networking": true, "page": true, "custom": true, "bearer": true, "license": true,
		"defined": true, "batch": true, "base64": true, "test": true, "insert": true, "flag": true, "feature": true, "mail": true, "origin": true}
)

// maskSecret shows a secret's first characters (its prefix says what it
// is) and hides the rest.
func maskSecret(s string) string {
	if strings.HasPrefix(s, "-----BEGIN") { // a key block: its first line says what it is
		if i := strings.IndexByte(s, '\n'); i > 0 {
			return strings.TrimSpace(s[:i]) + fmt.Sprintf(" … (%d characters)", len(s))
		}
	}
	keep := min(4, len(s)/4)
	return s[:keep] + strings.Repeat("•", min(8, len(s)-keep)) + fmt.Sprintf(" (%d characters)", len(s))
}

func runSecret(p *rules.Pass) {
	d := p.Doc
	hits := findSecrets(d.Src)
	for _, h := range hits {
		secret := string(d.Src[h.start:h.end])
		p.Report(rules.Finding{Offset: h.start, EndOffset: h.end, Masked: starSecret(secret),
			Message: fmt.Sprintf("%s %s must not be published", secretName(h.rule.ID), maskSecret(secret)),
			Explanation: fmt.Sprintf("gitleaks rule %s: %s Revoke it, then remove it: the repository's history keeps it.",
				h.rule.ID, h.rule.Description)})
	}
	for i := range d.Blocks {
		for _, l := range d.Blocks[i].Links {
			if covered(hits, l.Start, l.End) {
				continue
			}
			if msg, why, secret := linkLeak(l); msg != "" {
				f := rules.Finding{Offset: l.Start, EndOffset: l.End, Message: msg, Explanation: why}
				if secret != "" {
					f.Masked = maskIn(string(d.Src[l.Start:l.End]), secret)
				}
				p.Report(f)
			}
		}
	}
}

// starSecret hides a secret for a report quoting the draft: a key
// block's first line stays ("-----BEGIN RSA PRIVATE KEY-----"), of any
// other its first characters, as in maskSecret.
func starSecret(s string) string {
	if strings.HasPrefix(s, "-----BEGIN") {
		if i := strings.IndexByte(s, '\n'); i > 0 {
			return s[:i] + starMask(s[i:], 0, 0)
		}
	}
	return starMask(s, min(4, len(s)/4), 0)
}

// maskIn hides every occurrence of secret in a link's source; a link
// whose source does not hold it as written (entities, escapes) is hidden
// after its host.
func maskIn(src, secret string) string {
	if strings.Contains(src, secret) {
		return strings.ReplaceAll(src, secret, strings.Repeat("*", len(secret)))
	}
	i := strings.Index(src, "://")
	if i < 0 {
		return starMask(src, 0, 0)
	}
	j := strings.IndexAny(src[i+3:], "/?#")
	if j < 0 {
		return src[:i+3] + starMask(src[i+3:], 0, 0)
	}
	return src[:i+3+j] + starMask(src[i+3+j:], 0, 0)
}

// covered: a secret already reported lies in [s, e).
func covered(hits []secretHit, s, e int) bool {
	for _, h := range hits {
		if h.start < e && s < h.end {
			return true
		}
	}
	return false
}
