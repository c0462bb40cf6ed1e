// Package rules is draftlint's engine: rules, passes, findings, fixes, the
// registry and the runner. It knows no rule family.
package rules

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/draft"
)

// Severity of a finding.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Edit replaces source bytes [Offset, EndOffset) with NewText.
type Edit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

// Fix is one way to mend a finding.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Finding is one problem found in a draft.
type Finding struct {
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"`
	EndColumn   int      `json:"end_column"`
	Offset      int      `json:"offset"`
	EndOffset   int      `json:"end_offset"`
	Rule        string   `json:"rule"`
	Category    string   `json:"category"`
	Severity    Severity `json:"severity"`
	Message     string   `json:"message"`
	Explanation string   `json:"explanation"`
	Fixes       []Fix    `json:"fixes"`
	// Score is a rule's graded verdict (claim/check-worthy's and
	// claim/unsupported's probability that the sentence is a checkable
	// claim); 0 when the rule does not grade, and then left out of JSON.
	Score float64 `json:"score,omitempty"`
	// Masked, when set, is what reports that quote the draft (the text
	// report's excerpt, the HTML report's source) show for [Offset,
	// EndOffset): a secret or a personal number with most of it replaced by
	// '*', as many bytes long as the source it stands for.
	Masked string `json:"-"`
}

// Rule is one check. Run is called once per document. Rules that compare
// files also have Across: it is called once a run and returns the function
// that then sees every file in path order, each after all earlier ones, with
// the facts Run exported there, and reports that file's findings. What it
// keeps of earlier files is its own state, so a file's cross-file findings
// may depend only on the files before it; that is what lets a run hand each
// file on as soon as it is done, however many files there are.
type Rule struct {
	ID          string // category/name
	Category    string
	Doc         string // one line
	Explanation string // longer text for `draftlint explain`
	Severity    Severity
	// Off rules run only when named by their ID, on the command line
	// (--enable) or in the config; naming their category is not enough.
	Off bool
	// OptionDocs names the options the rule reads, each with a line of doc;
	// the config file may set only these.
	OptionDocs map[string]string
	// OptionChecks say which values each of those options takes: a config
	// file with any other is refused when it is read.
	OptionChecks map[string]OptionCheck
	Run          func(*Pass)
	Across       func() func(*AcrossPass)
}

// Pass is what a rule sees of one document.
type Pass struct {
	Doc     *draft.Document
	Rule    *Rule
	Options Options
	// Severity is the rule's effective severity (config may change it).
	Severity Severity
	// SeveritySet says the config chose Severity (for the rule or its
	// category): a rule that grades its findings (a strong claim an error)
	// must then report every finding at Severity.
	SeveritySet bool
	report      func(Finding)
	export      func(any)
	notice      func(string)
}

// Options are a rule's settings from the config file.
type Options map[string]any

// Int reads an integer option.
func (o Options) Int(key string, def int) int {
	switch v := o[key].(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	return def
}

// Float reads a number option.
func (o Options) Float(key string, def float64) float64 {
	switch v := o[key].(type) {
	case int:
		return float64(v)
	case float64:
		return v
	}
	return def
}

// OptionCheck returns an error saying what is wrong with an option's value
// (as YAML decodes it: int, float64, bool, string, lists, mappings), or nil.
type OptionCheck func(v any) error

// PositiveNumber takes a number above 0.
func PositiveNumber(v any) error {
	switch x := v.(type) {
	case int:
		if x > 0 {
			return nil
		}
	case float64:
		if x > 0 && !math.IsInf(x, 1) {
			return nil
		}
	}
	return fmt.Errorf("want a number above 0, got %s", describe(v))
}

// Probability takes a number from 0 to 1.
func Probability(v any) error {
	switch x := v.(type) {
	case int:
		if x == 0 || x == 1 {
			return nil
		}
	case float64:
		if x >= 0 && x <= 1 {
			return nil
		}
	}
	return fmt.Errorf("want a number from 0 to 1, got %s", describe(v))
}

// Count takes a whole number, 0 or more.
func Count(v any) error {
	if x, ok := v.(int); ok && x >= 0 {
		return nil
	}
	return fmt.Errorf("want a whole number, 0 or more, got %s", describe(v))
}

// Flag takes true or false.
func Flag(v any) error {
	if _, ok := v.(bool); ok {
		return nil
	}
	return fmt.Errorf("want true or false, got %s", describe(v))
}

// describe shows a value as a config file's reader wrote it.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(x)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprint(v)
}

// Bool reads a boolean option.
func (o Options) Bool(key string, def bool) bool {
	if v, ok := o[key].(bool); ok {
		return v
	}
	return def
}

// String reads a string option.
func (o Options) String(key, def string) string {
	if v, ok := o[key].(string); ok {
		return v
	}
	return def
}

// Strings reads a list-of-strings option.
func (o Options) Strings(key string) []string {
	switch v := o[key].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Report files a finding. Offset and EndOffset must be set (source byte
// offsets); line and column are derived from them. Rule, category and
// severity default to the rule's.
func (p *Pass) Report(f Finding) {
	f.File = p.Doc.Path
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Category == "" {
		f.Category = p.Rule.Category
	}
	if f.Severity == 0 {
		f.Severity = p.Severity
	}
	Locate(p.Doc, &f)
	p.report(f)
}

// Reportf files a finding over source bytes [start, end).
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Finding{Offset: start, EndOffset: end, Message: fmt.Sprintf(format, args...)})
}

// Export records a fact for the rule's Across phase.
func (p *Pass) Export(v any) { p.export(v) }

// Notice says something about the file that is not a finding (a rule that
// stopped early, say); it is printed with the file's name, and does not
// fail the run.
func (p *Pass) Notice(msg string) { p.notice(msg) }

// Locate fills a finding's line and column fields from its offsets.
func Locate(d *draft.Document, f *Finding) {
	if f.EndOffset < f.Offset {
		f.EndOffset = f.Offset
	}
	s := d.Position(f.Offset)
	e := d.Position(f.EndOffset)
	f.Line, f.Column, f.EndLine, f.EndColumn = s.Line, s.Column, e.Line, e.Column
}

// AcrossPass is what a rule that compares files sees of one file: the facts
// its Run exported there (nil when none). Files come in path order, each
// after every earlier one.
type AcrossPass struct {
	Rule     *Rule
	Options  Options
	Severity Severity
	File     string
	Facts    []any
	found    []Finding
}

// Report files a finding on the pass's file; the finding must carry its
// positions (exported with the fact).
func (p *AcrossPass) Report(f Finding) {
	f.File = p.File
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Category == "" {
		f.Category = p.Rule.Category
	}
	if f.Severity == 0 {
		f.Severity = p.Severity
	}
	p.found = append(p.found, f)
}

var (
	regMu    sync.Mutex
	registry = map[string]*Rule{}
)

// Register adds a rule to the registry; rule families call it from init.
func Register(r *Rule) {
	regMu.Lock()
	defer regMu.Unlock()
	if r.ID == "" || !strings.Contains(r.ID, "/") {
		panic("rules: rule ID must be category/name: " + r.ID)
	}
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule " + r.ID)
	}
	if r.Category == "" {
		r.Category = r.ID[:strings.IndexByte(r.ID, '/')]
	}
	registry[r.ID] = r
}

// All returns every registered rule, sorted by ID.
func All() []*Rule {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by ID.
func Lookup(id string) *Rule {
	regMu.Lock()
	defer regMu.Unlock()
	return registry[id]
}

// Categories returns the categories of the registered rules, sorted.
func Categories() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range All() {
		if !seen[r.Category] {
			seen[r.Category] = true
			out = append(out, r.Category)
		}
	}
	return out
}

// SortFindings orders findings by file, line, column, rule, then the rest,
// so output is the same every run.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.EndOffset != b.EndOffset {
			return a.EndOffset < b.EndOffset
		}
		return a.Message < b.Message
	})
}
