package contact

import (
	"embed"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/Boostport/address"
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
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '-' || c == '/' || c == '\'' || c == '\t' || c == '\n' {
			ascii = false
			break
		}
	}
	if ascii && !strings.Contains(s, "  ") {
		return strings.ToLower(strings.TrimSpace(s))
	}
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
	aliases    []string // keys of every name of the city
}

type ccKey struct{ country, key string }

type geoData struct {
	cities    map[string][]*city // key → cities (largest first)
	canonical map[ccKey]*city    // country and key(canonical name) → city
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

func loadGeo() *geoData {
	g := &geoData{cities: make(map[string][]*city, 30000), canonical: make(map[ccKey]*city, 30000),
		postcodes: map[string][]pcRange{}, countries: map[string]string{}}
	text := readData("cities.tsv")
	all := make([]city, 0, 24500)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		name, rest, _ := strings.Cut(line, "\t")
		cc, rest, _ := strings.Cut(rest, "\t")
		_, popText, _ := strings.Cut(rest, "\t")
		pop, _ := strconv.Atoi(popText)
		all = append(all, city{name: name, country: cc, population: pop})
	}
	for i := range all {
		c := &all[i]
		k := key(c.name)
		g.cities[k] = append(g.cities[k], c)
		if _, ok := g.canonical[ccKey{c.country, k}]; !ok {
			g.canonical[ccKey{c.country, k}] = c
		}
		c.aliases = []string{k}
	}
	for _, r := range tsvRows("city-aliases.tsv") {
		if len(r) < 3 {
			continue
		}
		c := g.canonical[ccKey{r[1], key(r[0])}]
		if c == nil {
			c = &city{name: r[0], country: r[1], population: 100000}
			g.canonical[ccKey{r[1], key(r[0])}] = c
			c.aliases = append(c.aliases, key(r[0]))
			g.cities[key(r[0])] = append(g.cities[key(r[0])], c)
		}
		for _, a := range strings.Split(r[2], ",") {
			a = strings.TrimSpace(a)
			k := key(a)
			if k == "" {
				continue
			}
			dup := false
			for _, x := range g.cities[k] {
				if x == c {
					dup = true
				}
			}
			if !dup {
				g.cities[k] = append(g.cities[k], c)
				c.aliases = append(c.aliases, k)
			}
		}
	}
	for _, cs := range g.cities {
		if len(cs) > 1 {
			sort.SliceStable(cs, func(i, j int) bool { return cs[i].population > cs[j].population })
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
func (g *geoData) citiesNamed(s string) []*city { return g.cities[key(s)] }

// sameCity reports whether name s is a name of city c.
func (g *geoData) sameCity(c *city, s string) bool {
	k := key(s)
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

// postcodeValid checks a postcode's format against Google's address data
// (github.com/Boostport/address). Unknown countries pass.
func postcodeValid(cc, pc string) bool {
	pcReMu.Lock()
	re, ok := pcRe[cc]
	if !ok {
		expr := address.GetCountry(cc).PostCodeRegex.Regex
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

// addressSubdivisionRegex is the ZIP-code pattern of a US state.
func addressSubdivisionRegex(state string) *regexp.Regexp {
	subReMu.Lock()
	defer subReMu.Unlock()
	if re, ok := subRe[state]; ok {
		return re
	}
	expr := address.GetCountry("US").PostCodeRegex.SubdivisionRegex[state].Regex
	var re *regexp.Regexp
	if expr != "" {
		re, _ = regexp.Compile("^(?:" + expr + ")")
	}
	subRe[state] = re
	return re
}
