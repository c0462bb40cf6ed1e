package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/rules"
)

// Starter is the commented file draftlint init writes.
func Starter() string {
	var b strings.Builder
	b.WriteString(`# draftlint configuration. draftlint uses the nearest .draftlint.yml above each
# file it lints; --config FILE uses one file for all. Command-line flags win over
# this file, and this file wins over the defaults.

# rules: turn rules or whole categories off or on, change their severity
# (error, warning, info) and set their options. A rule ID wins over its category.
rules:
`)
	for _, c := range rules.Categories() {
		fmt.Fprintf(&b, "  # %s: on\n", c)
	}
	b.WriteString("  # Every rule, with its default severity:\n")
	for _, r := range rules.All() {
		if r.Off {
			fmt.Fprintf(&b, "  # %s: off   # %s when turned on\n", r.ID, r.Severity)
		} else {
			fmt.Fprintf(&b, "  # %s: %s\n", r.ID, r.Severity)
		}
		names := make([]string, 0, len(r.OptionDocs))
		for k := range r.OptionDocs {
			names = append(names, k)
		}
		sort.Strings(names)
		if len(names) > 0 && r.Category != "contact" || len(names) > 0 && r.ID == "contact/phone-country-mismatch" {
			fmt.Fprintf(&b, "  # %s:\n  #   options:\n", r.ID)
			for _, k := range names {
				fmt.Fprintf(&b, "  #     %s: …   # %s\n", k, r.OptionDocs[k])
			}
		}
	}
	b.WriteString(`  # Example: only warn about claims, and read national phone numbers as German.
  # claim: warning
  # contact:
  #   options:
  #     default_region: DE

# include / exclude: globs relative to this file's folder (doublestar syntax).
# include: ["posts/**/*.md"]
# exclude: ["drafts/archive/**", "**/CHANGELOG.md"]

# words: accept is never flagged (a short finding holding one is dropped);
# reject is always flagged (rule custom/reject).
# words:
#   accept: ["TK Maxx", "John Doe"]
#   reject: ["synergy", "best-in-class"]

# custom: rules written as data. existence flags tokens (phrases) or an RE2
# pattern; substitution flags wrong words and offers the right one as a fix.
# "%s" in a message is the matched text (for substitution: right, then wrong).
# custom:
#   - id: style/click-here
#     type: existence
#     tokens: ["click here"]
#     message: "Avoid %q: say where the link goes"
#     severity: warning
#   - id: style/house-spelling
#     type: substitution
#     swap: {"e-mail": "email", "web site": "website"}
#     message: "Use %q instead of %q"
`)
	return b.String()
}

// Describe writes the effective settings for a config (nil: defaults).
func Describe(f *File, s *rules.Settings) string {
	var b strings.Builder
	if f == nil || f.Path == "" {
		b.WriteString("# config: none (defaults)\n")
	} else {
		fmt.Fprintf(&b, "# config: %s\n", f.Path)
	}
	b.WriteString("rules:\n")
	on := map[string]*rules.Rule{}
	for _, r := range s.Rules {
		on[r.ID] = r
	}
	all := rules.All()
	for _, r := range s.Rules {
		if rules.Lookup(r.ID) == nil {
			all = append(all, r) // custom rules
		}
	}
	for _, r := range all {
		if on[r.ID] == nil {
			fmt.Fprintf(&b, "  %s: off\n", r.ID)
			continue
		}
		sev := r.Severity
		if v, ok := s.Severity[r.ID]; ok {
			sev = v
		}
		opts := s.Options[r.ID]
		if len(opts) == 0 {
			fmt.Fprintf(&b, "  %s: %s\n", r.ID, sev)
			continue
		}
		fmt.Fprintf(&b, "  %s:\n    severity: %s\n    options:\n", r.ID, sev)
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "      %s: %v\n", k, opts[k])
		}
	}
	if f != nil {
		list := func(name string, xs []string) {
			if len(xs) > 0 {
				fmt.Fprintf(&b, "%s: [%s]\n", name, quoteAll(xs))
			}
		}
		list("include", f.Include)
		list("exclude", f.Exclude)
		if len(f.Accept)+len(f.Reject) > 0 {
			b.WriteString("words:\n")
			if len(f.Accept) > 0 {
				fmt.Fprintf(&b, "  accept: [%s]\n", quoteAll(f.Accept))
			}
			if len(f.Reject) > 0 {
				fmt.Fprintf(&b, "  reject: [%s]\n", quoteAll(f.Reject))
			}
		}
	}
	return b.String()
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
