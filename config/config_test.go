package config

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/all"
)

func TestParseErrorsNameFileLineAndKey(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"colour: red\n", `x.yml:1: unknown key "colour"`},
		{"rules:\n  placeholder/markers: off\n", `x.yml:2: unknown rule or category "placeholder/markers"`},
		{"rules:\n  claim: loud\n", `x.yml:2: bad setting "loud"`},
		{"rules:\n  headline/duplicate:\n    options:\n      short_word: 2\n", `x.yml:4: unknown option "short_word" for headline/duplicate`},
		{"rules:\n  headline/duplicate:\n    colour: 1\n", `x.yml:3: unknown key "colour" under rules.headline/duplicate`},
		{"custom:\n  - id: style/x\n    type: existence\n    pattern: \"a(b\"\n    message: m\n", `x.yml:4: custom style/x: bad regular expression`},
		{"custom:\n  - id: style/x\n    type: existence\n    pattern: \"" + strings.Repeat("a", 1001) + "\"\n    message: m\n", `limit is 1000`},
		{"custom:\n  - id: Bad ID\n    type: existence\n    tokens: [x]\n    message: m\n", `x.yml:2: custom rule id "Bad ID"`},
		{"custom:\n  - id: style/x\n    type: replace\n    message: m\n", `type must be existence or substitution`},
		{"custom:\n  - id: placeholder/marker\n    type: existence\n    tokens: [x]\n    message: m\n", `already taken`},
		{"words:\n  allow: [x]\n", `x.yml:2: unknown key "allow" under words`},
		{"include: [\"[\"]\n", `bad glob`},
		{"rules: [\n", `not valid YAML`},
		// option values the rule cannot use
		{"rules:\n  claim/unsupported:\n    options:\n      threshold: high\n", `x.yml:4: bad value for option threshold of claim/unsupported: want a number above 0, got "high"`},
		{"rules:\n  claim/unsupported:\n    options:\n      threshold: 0\n", `want a number above 0, got 0`},
		{"rules:\n  claim/unsupported:\n    options:\n      error_threshold: -2.5\n", `want a number above 0, got -2.5`},
		{"rules:\n  claim:\n    options:\n      threshold: [3]\n", `x.yml:4: bad value for option threshold of claim: want a number above 0, got a list`},
		{"rules:\n  headline/duplicate:\n    options:\n      short_words: 2.5\n", `want a whole number, 0 or more, got 2.5`},
		{"rules:\n  headline:\n    options:\n      short_words: -1\n", `bad value for option short_words of headline: want a whole number, 0 or more, got -1`},
		{"rules:\n  headline/duplicate:\n    options:\n      siblings_only: \"yes\"\n", `want true or false, got "yes"`},
		{"rules:\n  contact:\n    options:\n      default_region: Germany\n", `x.yml:4: bad value for option default_region of contact: want a two-letter region code such as DE or GB, got "Germany"`},
		{"rules:\n  contact/invalid-phone:\n    options:\n      default_region: ZZ\n", `got "ZZ"`},
		{"rules:\n  contact:\n    options:\n      default_region: 49\n", `got 49`},
	}
	for _, tt := range tests {
		_, err := Parse("x.yml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.yaml, err, tt.want)
		}
	}
}

// The values a rule can use are taken, whatever their spelling in YAML.
func TestGoodOptionValues(t *testing.T) {
	for _, y := range []string{
		"rules:\n  claim/unsupported:\n    options:\n      threshold: 3\n      error_threshold: 4.5\n",
		"rules:\n  claim:\n    options:\n      threshold: 0.5\n",
		"rules:\n  headline:\n    options:\n      short_words: 0\n",
		"rules:\n  headline/duplicate:\n    options:\n      short_words: 5\n      siblings_only: true\n",
		"rules:\n  contact:\n    options:\n      default_region: de\n",
		"rules:\n  contact/premium-number:\n    options:\n      default_region: GB\n",
	} {
		if _, err := Parse("x.yml", []byte(y)); err != nil {
			t.Errorf("%q: %v", y, err)
		}
	}
}

// Every option a rule documents has a check of its values, and every check
// is of a documented option.
func TestEveryOptionChecked(t *testing.T) {
	for _, r := range rules.All() {
		for k := range r.OptionDocs {
			if r.OptionChecks[k] == nil {
				t.Errorf("%s: option %s has no check", r.ID, k)
			}
		}
		for k := range r.OptionChecks {
			if _, ok := r.OptionDocs[k]; !ok {
				t.Errorf("%s: option %s is checked but not documented", r.ID, k)
			}
		}
	}
}

func TestPrecedence(t *testing.T) {
	f, s := settingsOf(t, `
rules:
  placeholder/marker: warning   # the ID wins over its category
  placeholder: off
  claim:
    severity: error
    options:
      threshold: 3
  headline/duplicate:
    options:
      short_words: 1
`)
	on := map[string]bool{}
	for _, r := range s.Rules {
		on[r.ID] = true
	}
	if !on["placeholder/marker"] || on["placeholder/lorem-ipsum"] || !on["claim/unsupported"] {
		t.Errorf("enabled: %v", on)
	}
	if s.Severity["placeholder/marker"] != rules.Warning || s.Severity["claim/unsupported"] != rules.Error {
		t.Errorf("severities: %v", s.Severity)
	}
	if s.Options["claim/unsupported"].Float("threshold", 0) != 3 || s.Options["headline/duplicate"].Int("short_words", 0) != 1 {
		t.Errorf("options: %v", s.Options)
	}
	// flags win over the file
	s, err := f.Settings(Flags{Disable: []string{"placeholder/marker"}, Enable: []string{"placeholder", "claim"}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range s.Rules {
		ids = append(ids, r.ID)
	}
	got := strings.Join(ids, " ")
	if strings.Contains(got, "placeholder/marker") || !strings.Contains(got, "placeholder/lorem-ipsum") || strings.Contains(got, "headline") {
		t.Errorf("with flags: %s", got)
	}
}

func TestStarterLoads(t *testing.T) {
	f, err := Parse("starter.yml", []byte(Starter()))
	if err != nil {
		t.Fatalf("the starter file does not load: %v", err)
	}
	s, err := f.Settings(Flags{})
	want := 0
	for _, r := range rules.All() {
		if !r.Off {
			want++
		}
	}
	if err != nil || len(s.Rules) != want {
		t.Fatalf("starter settings: %v, %d rules, want the %d that are on by default", err, len(s.Rules), want)
	}
}

// A rule that is off by default runs only when named by its ID, on the
// command line or in the file; its category does not turn it on.
func TestOffByDefault(t *testing.T) {
	const id = "claim/check-worthy"
	if r := rules.Lookup(id); r == nil || !r.Off {
		t.Fatalf("%s is not registered as off by default", id)
	}
	for _, tt := range []struct {
		yaml string
		fl   Flags
		want bool
	}{
		{"", Flags{}, false},
		{"", Flags{Enable: []string{"claim"}}, false},
		{"", Flags{Enable: []string{id}}, true},
		{"", Flags{Enable: []string{"claim," + id}}, true},
		{"rules:\n  claim: on\n", Flags{}, false},
		{"rules:\n  claim: info\n", Flags{}, false},
		{"rules:\n  " + id + ": on\n", Flags{}, true},
		{"rules:\n  " + id + ":\n    enabled: true\n", Flags{}, true},
		{"rules:\n  " + id + ": on\n", Flags{Disable: []string{"claim"}}, false},
		{"rules:\n  " + id + ": on\n  claim: off\n", Flags{}, true}, // the ID wins over its category
	} {
		f, err := Parse("x.yml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.Settings(tt.fl)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, r := range s.Rules {
			got = got || r.ID == id
		}
		if got != tt.want {
			t.Errorf("%q with %+v: %s on = %v, want %v", tt.yaml, tt.fl, id, got, tt.want)
		}
	}
}
