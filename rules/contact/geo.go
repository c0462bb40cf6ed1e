package contact

import (
	"embed"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/biter777/countries"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.tsv
var data embed.FS

func readData(name string) string {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func tsvRows(name string) [][]string {
	var out [][]string
	for _, line := range strings.Split(readData(name), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}

// key folds a name for lookup: lower case, accents removed, white space
// collapsed, "st." and "saint" alike.
func key(s string) string {
	ascii, plain := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c == '-' || c == '/' || c == '\'' || c < ' ' || c >= 'A' && c <= 'Z' || c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ') {
			plain = false
		}
	}
	if plain && ascii {
		return s
	}
	if ascii {
		// ASCII has nothing to decompose: fold in one pass
		b := make([]byte, 0, len(s))
		space := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '\'':
				continue
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-' || c == '/':
				space = true
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		}
		return string(b)
	}
	return keyGeneral(s)
}

// keyGeneral is key for any text: decomposed, marks dropped, folded.
func keyGeneral(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ß':
			b.WriteString("ss")
			space = false
			continue
		case '’', '\'':
			continue
		}
		if unicode.IsSpace(r) || r == '-' || r == '/' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// city is a row of cities.tsv.
type city struct {
	name       string // GeoNames name (canonical)
	country    string
	population int
	admin      string   // GeoNames first-level division code (AU 02 is New South Wales)
	key        string   // key(name)
	aliases    []string // keys of the city's other names
}

type geoData struct {
	// cities.tsv rows are key, name, country, admin and population, sorted
	// by key and then by population (largest first): a name is looked up by
	// binary search over the row starts, so no table of 24,000 cities is
	// built at start-up. Rows are parsed when first looked up.
	cities    string
	rowStarts []int32
	mu        sync.Mutex
	rows      map[int32]*city    // parsed rows, by start
	named     map[string][]*city // key → cities (largest first), as looked up
	extra     map[string][]*city // key → cities of city-aliases.tsv with that name
	postcodes map[string][]pcRange
	countries map[string]string // key(name) → alpha-2
}

// pcRange is a postcode range (numeric) or prefix (alphanumeric) of a city.
type pcRange struct {
	city   string
	lo, hi int    // numeric ranges
	prefix string // alphanumeric prefixes (GB areas, IE routing keys, CA FSAs)
	digits int    // numeric postcode length the range is written in
}

var geo = sync.OnceValue(loadGeo)

// rowKey is the key column of the row starting at off.
func (g *geoData) rowKey(off int32) string {
	line := g.cities[off:]
	if i := strings.IndexByte(line, '\t'); i >= 0 {
		return line[:i]
	}
	return line
}

// row parses the row starting at off (once; g.mu held).
func (g *geoData) row(off int32) *city {
	if c, ok := g.rows[off]; ok {
		return c
	}
	line := g.cities[off:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	k, rest, _ := strings.Cut(line, "\t")
	name, rest, _ := strings.Cut(rest, "\t")
	cc, rest, _ := strings.Cut(rest, "\t")
	admin, popText, _ := strings.Cut(rest, "\t")
	pop, _ := strconv.Atoi(popText)
	c := &city{name: name, country: cc, admin: admin, population: pop, key: k}
	g.rows[off] = c
	return c
}

// rowsKeyed returns the cities of cities.tsv whose key is k, largest first
// (g.mu held).
func (g *geoData) rowsKeyed(k string) []*city {
	i := sort.Search(len(g.rowStarts), func(i int) bool { return g.rowKey(g.rowStarts[i]) >= k })
	var out []*city
	for ; i < len(g.rowStarts) && g.rowKey(g.rowStarts[i]) == k; i++ {
		out = append(out, g.row(g.rowStarts[i]))
	}
	return out
}

// lookup returns the cities named by key k, largest first (g.mu held).
func (g *geoData) lookup(k string) []*city {
	if cs, ok := g.named[k]; ok {
		return cs
	}
	cs := g.rowsKeyed(k)
	if ex := g.extra[k]; len(ex) > 0 {
		cs = append(cs, ex...)
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].population > cs[j].population })
	}
	g.named[k] = cs
	return cs
}

func loadGeo() *geoData {
	g := &geoData{cities: readData("cities.tsv"), rows: map[int32]*city{}, named: map[string][]*city{},
		extra: map[string][]*city{}, postcodes: map[string][]pcRange{}, countries: map[string]string{}}
	g.rowStarts = make([]int32, 0, 24500)
	for off := 0; off < len(g.cities); {
		end := strings.IndexByte(g.cities[off:], '\n')
		if end < 0 {
			end = len(g.cities) - off
		}
		if end > 0 && g.cities[off] != '#' {
			g.rowStarts = append(g.rowStarts, int32(off))
		}
		off += end + 1
	}
	for _, r := range tsvRows("city-aliases.tsv") {
		if len(r) < 3 {
			continue
		}
		// the city the aliases are for: the largest of its name in its country
		var c *city
		k := key(r[0])
		for _, x := range g.rowsKeyed(k) {
			if x.country == r[1] {
				c = x
				break
			}
		}
		if c == nil {
			for _, x := range g.extra[k] {
				if x.country == r[1] && x.key == k {
					c = x
					break
				}
			}
		}
		if c == nil {
			c = &city{name: r[0], country: r[1], population: 100000, key: k}
			g.extra[k] = append(g.extra[k], c)
		}
		for _, a := range strings.Split(r[2], ",") {
			a = strings.TrimSpace(a)
			k := key(a)
			if k == "" || k == c.key || slices.Contains(c.aliases, k) {
				continue
			}
			g.extra[k] = append(g.extra[k], c)
			c.aliases = append(c.aliases, k)
		}
	}
	for _, r := range tsvRows("postcodes.tsv") {
		if len(r) < 3 {
			continue
		}
		for _, part := range strings.Split(r[2], ",") {
			lo, hi, ok := strings.Cut(part, "-")
			if !ok {
				hi = lo
			}
			a, errA := strconv.Atoi(lo)
			b, errB := strconv.Atoi(hi)
			if errA == nil && errB == nil {
				g.postcodes[r[0]] = append(g.postcodes[r[0]], pcRange{city: r[1], lo: a, hi: b, digits: len(lo)})
			} else {
				// alphanumeric: a prefix, or a routing-key range like D01-D24
				if ok && len(lo) == len(hi) && lo[:1] == hi[:1] {
					a, errA = strconv.Atoi(lo[1:])
					b, errB = strconv.Atoi(hi[1:])
					if errA == nil && errB == nil {
						for n := a; n <= b; n++ {
							g.postcodes[r[0]] = append(g.postcodes[r[0]], pcRange{city: r[1], prefix: lo[:1] + pad(n, len(lo)-1)})
						}
						continue
					}
				}
				g.postcodes[r[0]] = append(g.postcodes[r[0]], pcRange{city: r[1], prefix: lo})
			}
		}
	}
	for _, r := range tsvRows("countries.tsv") {
		if len(r) >= 2 {
			g.countries[key(r[0])] = r[1]
		}
	}
	for _, c := range countries.All() {
		if a := c.Alpha2(); a != "" && a != "Unknown" {
			g.countries[key(c.String())] = a
		}
	}
	return g
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// countryByName resolves a country name ("Germany", "Deutschland", "UK").
func (g *geoData) countryByName(s string) string {
	k := key(s)
	if k == "" {
		return ""
	}
	if a, ok := g.countries[k]; ok {
		return a
	}
	switch k {
	case "uk":
		return "GB"
	case "usa", "us":
		if strings.ToUpper(s) == s {
			return "US"
		}
	}
	return ""
}

// citiesNamed returns the cities a name may be, largest first.
func (g *geoData) citiesNamed(s string) []*city {
	k := key(s)
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lookup(k)
}

// sameCity reports whether name s is a name of city c.
func (g *geoData) sameCity(c *city, s string) bool {
	k := key(s)
	if k == c.key {
		return true
	}
	for _, a := range c.aliases {
		if a == k {
			return true
		}
	}
	return false
}

// postcodeCity returns the city whose range holds postcode pc in country cc.
func (g *geoData) postcodeCity(cc, pc string) string {
	pc = strings.ToUpper(strings.ReplaceAll(pc, " ", ""))
	for _, r := range g.postcodes[cc] {
		if r.prefix != "" {
			if strings.HasPrefix(pc, r.prefix) {
				// GB areas are letters followed by a digit: "E" is not "EC"
				rest := pc[len(r.prefix):]
				if cc == "GB" && rest != "" && unicode.IsLetter(rune(rest[0])) {
					continue
				}
				return r.city
			}
			continue
		}
		digits := pc
		if len(digits) > r.digits && (cc == "US" || cc == "JP") {
			digits = digits[:r.digits]
		}
		if cc == "JP" {
			digits = strings.ReplaceAll(digits, "-", "")[:min(3, len(strings.ReplaceAll(digits, "-", "")))]
		}
		n, err := strconv.Atoi(digits)
		if err != nil {
			continue
		}
		if n >= r.lo && n <= r.hi {
			return r.city
		}
	}
	return ""
}

var (
	pcReMu sync.Mutex
	pcRe   = map[string]*regexp.Regexp{}
)

// postcodeFormats are the postcode regular expressions of Google's address
// data (as github.com/Boostport/address has them; see TestPostcodeFormats)
// by region, and by US and Australian state and Canadian province as
// "US-XX", "AU-XX", "CA-XX".
var postcodeFormats = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range tsvRows("postcode-formats.tsv") {
		if len(r) == 2 {
			m[r[0]] = r[1]
		}
	}
	return m
})

// postcodeValid checks a postcode's format against Google's address data.
// Unknown countries pass.
func postcodeValid(cc, pc string) bool {
	pcReMu.Lock()
	re, ok := pcRe[cc]
	if !ok {
		expr := postcodeFormats()[cc]
		if expr != "" {
			if !strings.HasPrefix(expr, "^") {
				expr = "^(?:" + expr + ")$"
			}
			re, _ = regexp.Compile(expr)
		}
		pcRe[cc] = re
	}
	pcReMu.Unlock()
	if re == nil {
		return true
	}
	return re.MatchString(strings.ToUpper(pc))
}

// countryName is the English name of a country code.
func countryName(cc string) string {
	switch cc {
	case "GB":
		return "the United Kingdom"
	case "US":
		return "the United States"
	case "NL":
		return "the Netherlands"
	}
	n := countries.ByName(cc).String()
	if n == "" || n == "Unknown" {
		return cc
	}
	return n
}

var (
	subReMu sync.Mutex
	subRe   = map[string]*regexp.Regexp{}
)

// addressSubdivisionRegex is the postcode pattern of a US or Australian
// state or a Canadian province (how its codes start).
func addressSubdivisionRegex(cc, state string) *regexp.Regexp {
	subReMu.Lock()
	defer subReMu.Unlock()
	k := cc + "-" + state
	if re, ok := subRe[k]; ok {
		return re
	}
	expr := postcodeFormats()[k]
	var re *regexp.Regexp
	if expr != "" {
		re, _ = regexp.Compile("^(?:" + expr + ")")
	}
	subRe[k] = re
	return re
}

// ranges are the postcode ranges of city c in the committed table, if it
// is listed.
func (g *geoData) ranges(c *city) []pcRange {
	var out []pcRange
	for _, r := range g.postcodes[c.country] {
		if key(r.city) == key(c.name) || g.sameCity(c, r.city) {
			out = append(out, r)
		}
	}
	return out
}

// areaCodes: countries whose table lists postcode areas (letters), which
// are not towns.
func (g *geoData) areaCodes(cc string) bool {
	rs := g.postcodes[cc]
	return len(rs) > 0 && rs[0].prefix != ""
}
