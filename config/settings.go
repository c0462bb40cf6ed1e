package config

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/lex"
)

// Flags are the command line's say, which overrides the config file.
type Flags struct {
	Enable, Disable []string
}

// Settings resolves what runs on files under this config: defaults, then
// the config file (categories before rule IDs, so the more specific wins),
// then the command line.
func (f *File) Settings(fl Flags) (*rules.Settings, error) {
	if f == nil {
		f = Default()
	}
	all := rules.All()
	custom, err := f.customRules()
	if err != nil {
		return nil, err
	}
	all = append(all, custom...)
	on := map[string]bool{}
	for _, r := range all {
		on[r.ID] = !r.Off
	}
	set := &rules.Settings{Severity: map[string]rules.Severity{}, Options: map[string]rules.Options{}, Accept: f.Accept}
	apply := func(name string, rs RuleSetting) {
		for _, r := range all {
			if r.ID != name && r.Category != name {
				continue
			}
			if rs.Off {
				on[r.ID] = false
			}
			if rs.On && (!r.Off || r.ID == name) {
				on[r.ID] = true
			}
			if rs.Severity != 0 {
				set.Severity[r.ID] = rs.Severity
			}
			for k, v := range rs.Options {
				if _, ok := r.OptionDocs[k]; !ok {
					continue
				}
				if set.Options[r.ID] == nil {
					set.Options[r.ID] = rules.Options{}
				}
				set.Options[r.ID][k] = v
			}
		}
	}
	{
		names := append([]string(nil), f.order...)
		sort.SliceStable(names, func(i, j int) bool { return !strings.Contains(names[i], "/") && strings.Contains(names[j], "/") })
		for _, n := range names {
			apply(n, f.Rules[n])
		}
	}
	en, dis := splitNames(fl.Enable), splitNames(fl.Disable)
	for _, n := range append(append([]string(nil), en...), dis...) {
		found := false
		for _, r := range all {
			if r.ID == n || r.Category == n {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown rule or category %q (see draftlint rules)", n)
		}
	}
	match := func(r *rules.Rule, names []string) bool {
		for _, n := range names {
			if r.ID == n || r.Category == n {
				return true
			}
		}
		return false
	}
	for _, r := range all {
		if len(en) > 0 {
			// a rule that is off by default runs only when named
			on[r.ID] = match(r, en) && (!r.Off || slices.Contains(en, r.ID))
		}
		if match(r, dis) {
			on[r.ID] = false
		}
		if on[r.ID] {
			set.Rules = append(set.Rules, r)
		}
	}
	return set, nil
}

func splitNames(in []string) []string {
	var out []string
	for _, s := range in {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// Default is the empty config: every rule on at its default.
func Default() *File { return &File{Rules: map[string]RuleSetting{}} }

// customRules turns the config's custom rules and rejected words into rules.
func (f *File) customRules() ([]*rules.Rule, error) {
	var out []*rules.Rule
	for _, c := range f.Custom {
		r := &rules.Rule{ID: c.ID, Category: c.ID[:strings.IndexByte(c.ID, '/')], Severity: c.Severity, Doc: c.Message, Explanation: c.Explain}
		if r.Explanation == "" {
			r.Explanation = fmt.Sprintf("A custom %s rule from %s.", c.Type, f.Path)
		}
		switch c.Type {
		case "existence":
			var m *lex.Matcher
			if len(c.Tokens) > 0 {
				m = lex.NewMatcher(c.Tokens)
			}
			var re *regexp.Regexp
			if c.Pattern != "" {
				re = regexp.MustCompile(c.Pattern) // checked when the file was parsed
			}
			r.Run = func(p *rules.Pass) { runExistence(p, c, m, re) }
		case "substitution":
			keys := make([]string, 0, len(c.Swap))
			for k := range c.Swap {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			m := lex.NewMatcher(keys)
			r.Run = func(p *rules.Pass) { runSubstitution(p, c, keys, m) }
		}
		out = append(out, r)
	}
	if len(f.Reject) > 0 {
		c := Custom{ID: "custom/reject", Type: "existence", Message: "%q is on the rejected-words list", Severity: rules.Error, Tokens: f.Reject}
		m := lex.NewMatcher(c.Tokens)
		out = append(out, &rules.Rule{ID: c.ID, Category: "custom", Severity: rules.Error, Doc: "A word or phrase from the config's reject list",
			Explanation: "The words.reject list of " + f.Path + " names words that must never appear.",
			Run:         func(p *rules.Pass) { runExistence(p, c, m, nil) }})
	}
	return out, nil
}

func message(format string, args ...any) string {
	n := strings.Count(format, "%")
	if n == 0 {
		return format
	}
	return fmt.Sprintf(format, args[:min(n, len(args))]...)
}

// MaxPatternWork bounds a custom pattern's work on one file: the bytes of
// prose it reads times the instructions of its program, one step each at
// most (5 to 30 ns a step). Past it the pattern stops on that file with a
// notice naming the rule, so a costly pattern takes a few seconds a file at
// worst (a pattern of 5,000 instructions stops after 27 KB of prose; one
// of 20 reads 6.7 MB).
const MaxPatternWork = 1 << 27

// patternWork is MaxPatternWork, which tests lower.
var patternWork = MaxPatternWork

func runExistence(p *rules.Pass, c Custom, m *lex.Matcher, re *regexp.Regexp) {
	work := 0
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		if b.Kind == draft.FrontMatter && b.Field != "title" && b.Field != "description" {
			continue
		}
		if re != nil {
			if w := len(b.Text) * max(c.program, 1); work+w > patternWork {
				p.Notice(fmt.Sprintf("rule %s: its pattern stopped at line %d: %d instructions over this file's prose would pass the limit of %d steps a file (simplify the pattern, or use tokens)",
					c.ID, p.Doc.Position(b.Start).Line, c.program, patternWork))
				re = nil
			} else {
				work += w
			}
		}
		if m != nil {
			for _, x := range m.Find(lex.BlockNorm(p.Doc, i), len(b.Text)) {
				p.Report(rules.Finding{Offset: b.Src(x.Start), EndOffset: b.SrcEnd(x.End), Message: message(c.Message, b.Text[x.Start:x.End])})
			}
		}
		if re != nil {
			for _, loc := range re.FindAllStringIndex(b.Text, -1) {
				if loc[1] == loc[0] {
					continue
				}
				p.Report(rules.Finding{Offset: b.Src(loc[0]), EndOffset: b.SrcEnd(loc[1]), Message: message(c.Message, b.Text[loc[0]:loc[1]])})
			}
		}
	}
}

// matchCase gives right the capitalisation of wrong's first letter.
func matchCase(wrong, right string) string {
	w, _ := utf8.DecodeRuneInString(wrong)
	r, size := utf8.DecodeRuneInString(right)
	if unicode.IsUpper(w) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + right[size:]
	}
	return right
}

func runSubstitution(p *rules.Pass, c Custom, keys []string, m *lex.Matcher) {
	for i := range p.Doc.Blocks {
		b := &p.Doc.Blocks[i]
		if b.Kind == draft.FrontMatter {
			continue
		}
		for _, x := range m.Find(lex.BlockNorm(p.Doc, i), len(b.Text)) {
			wrong := b.Text[x.Start:x.End]
			right := matchCase(wrong, c.Swap[keys[x.Pattern]])
			s, e := b.Src(x.Start), b.SrcEnd(x.End)
			p.Report(rules.Finding{Offset: s, EndOffset: e, Message: message(c.Message, right, wrong),
				Fixes: []rules.Fix{{Description: fmt.Sprintf("replace %q with %q", wrong, right), Edits: []rules.Edit{{Offset: s, EndOffset: e, NewText: right}}}}})
		}
	}
}
