// Package config reads .draftlint.yml files: which rules run and how,
// include and exclude globs, accepted and rejected words, and custom rules
// written as data. Config never runs code. Every mistake is reported with
// the file, the line and the key.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/draftlint/draftlint/rules"
)

// FileName is the config file draftlint looks for.
const FileName = ".draftlint.yml"

// MaxPatternLength bounds a custom rule's regular expression.
const MaxPatternLength = 1000

// MaxPatternProgram bounds the size of a custom rule's compiled regular
// expression, in RE2 instructions: matching costs up to one step per
// instruction per byte of prose, and a counted repeat (`(\w+ ){1,1000}`)
// makes thousands of them from a short pattern. A style rule takes tens.
const MaxPatternProgram = 5000

// MaxCustomRules bounds the custom rules of one config file: each runs
// over every block of every file.
const MaxCustomRules = 200

// RuleSetting is what the config says of one rule or category.
type RuleSetting struct {
	Off      bool
	On       bool
	Severity rules.Severity
	Options  rules.Options
	line     int
}

// Custom is a rule written as data.
type Custom struct {
	ID       string
	Type     string // existence | substitution
	Message  string
	Severity rules.Severity
	Tokens   []string
	Pattern  string
	Swap     map[string]string
	Explain  string
	line     int
	// program is the size of Pattern's compiled program (instructions)
	program int
}

// File is one parsed config file.
type File struct {
	Path    string
	Dir     string
	Rules   map[string]RuleSetting // by rule ID or category
	order   []string
	Include []string
	Exclude []string
	Accept  []string
	Reject  []string
	Custom  []Custom
}

// Error is a config mistake: file, line and what is wrong.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

func errAt(path string, n *yaml.Node, format string, a ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)}
}

// Find returns the nearest config file at or above dir, or "".
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and checks a config file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read: " + errText(err)}
	}
	return Parse(path, data)
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse checks config text; path names it in errors and anchors its globs.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path, Dir: filepath.Dir(path), Rules: map[string]RuleSetting{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &Error{Path: path, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return f, nil // empty file
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, errAt(path, doc, "the config must be a mapping of keys (rules, include, exclude, words, custom)")
	}
	// custom rules first, so that rules may name them
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "custom" && doc.Content[i+1].Tag != "!!null" {
			if err := f.parseCustom(doc.Content[i+1]); err != nil {
				return nil, err
			}
		}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && k.Value != "" {
			switch k.Value {
			case "rules", "include", "exclude", "words", "custom":
				continue // a key with everything under it commented out
			}
		}
		var err error
		switch k.Value {
		case "custom":
			continue
		case "rules":
			err = f.parseRules(v)
		case "include":
			f.Include, err = stringList(path, k.Value, v)
			if err == nil {
				err = checkGlobs(path, v, f.Include)
			}
		case "exclude":
			f.Exclude, err = stringList(path, k.Value, v)
			if err == nil {
				err = checkGlobs(path, v, f.Exclude)
			}
		case "words":
			err = f.parseWords(v)
		default:
			err = errAt(path, k, "unknown key %q (known: rules, include, exclude, words, custom)", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

func stringList(path, key string, v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, errAt(path, c, "%s: each entry must be a string", key)
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, errAt(path, v, "%s must be a string or a list of strings", key)
}

func checkGlobs(path string, v *yaml.Node, globs []string) error {
	for _, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return errAt(path, v, "bad glob %q", g)
		}
	}
	return nil
}

// known reports whether name is a rule ID or a category.
func known(name string) bool {
	if rules.Lookup(name) != nil {
		return true
	}
	for _, c := range rules.Categories() {
		if c == name {
			return true
		}
	}
	return false
}

func (f *File) parseRules(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return errAt(f.Path, v, "rules must be a mapping of rule IDs or categories to settings")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		name := k.Value
		if !known(name) && !f.customID(name) {
			return errAt(f.Path, k, "unknown rule or category %q in rules (see draftlint rules)", name)
		}
		rs := RuleSetting{line: k.Line}
		switch val.Kind {
		case yaml.ScalarNode:
			if err := rs.setLevel(f.Path, val); err != nil {
				return err
			}
		case yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				sk, sv := val.Content[j], val.Content[j+1]
				switch sk.Value {
				case "severity", "level":
					if err := rs.setLevel(f.Path, sv); err != nil {
						return err
					}
				case "enabled":
					var on bool
					if err := sv.Decode(&on); err != nil {
						return errAt(f.Path, sv, "rules.%s.enabled must be true or false", name)
					}
					rs.Off, rs.On = !on, on
				case "options":
					opts, err := f.parseOptions(name, sv)
					if err != nil {
						return err
					}
					rs.Options = opts
				default:
					return errAt(f.Path, sk, "unknown key %q under rules.%s (known: severity, enabled, options)", sk.Value, name)
				}
			}
		default:
			return errAt(f.Path, val, "rules.%s must be off, on, error, warning, info or a mapping", name)
		}
		f.Rules[name] = rs
		f.order = append(f.order, name)
	}
	return nil
}

func (rs *RuleSetting) setLevel(path string, v *yaml.Node) error {
	switch strings.ToLower(v.Value) {
	case "off", "false", "disable", "disabled":
		rs.Off = true
	case "on", "true", "enable", "enabled":
		rs.On = true
	default:
		sev, err := rules.ParseSeverity(v.Value)
		if err != nil {
			return errAt(path, v, "bad setting %q: want off, on, error, warning or info", v.Value)
		}
		rs.Severity, rs.On = sev, true
	}
	return nil
}

// optionsOf lists the options the rules under name (an ID or a category) read.
func optionsOf(name string) map[string]string {
	out := map[string]string{}
	for _, r := range rules.All() {
		if r.ID == name || r.Category == name {
			for k, v := range r.OptionDocs {
				out[k] = v
			}
		}
	}
	return out
}

// checkOption checks a value of option key against every rule under name
// (an ID or a category) that reads it.
func checkOption(name, key string, v any) error {
	for _, r := range rules.All() {
		if r.ID != name && r.Category != name {
			continue
		}
		if check := r.OptionChecks[key]; check != nil {
			if err := check(v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *File) parseOptions(name string, v *yaml.Node) (rules.Options, error) {
	if v.Kind != yaml.MappingNode {
		return nil, errAt(f.Path, v, "rules.%s.options must be a mapping", name)
	}
	allowed := optionsOf(name)
	opts := rules.Options{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if _, ok := allowed[k.Value]; !ok {
			var names []string
			for n := range allowed {
				names = append(names, n)
			}
			sort.Strings(names)
			known := "it has none"
			if len(names) > 0 {
				known = "known: " + strings.Join(names, ", ")
			}
			return nil, errAt(f.Path, k, "unknown option %q for %s (%s)", k.Value, name, known)
		}
		var x any
		if err := val.Decode(&x); err != nil {
			return nil, errAt(f.Path, val, "bad value for option %s: %v", k.Value, err)
		}
		if err := checkOption(name, k.Value, x); err != nil {
			return nil, errAt(f.Path, val, "bad value for option %s of %s: %v", k.Value, name, err)
		}
		opts[k.Value] = x
	}
	return opts, nil
}

func (f *File) parseWords(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return errAt(f.Path, v, "words must be a mapping with accept and reject lists")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		list, err := stringList(f.Path, "words."+k.Value, val)
		if err != nil {
			return err
		}
		switch k.Value {
		case "accept":
			f.Accept = append(f.Accept, list...)
		case "reject":
			f.Reject = append(f.Reject, list...)
		default:
			return errAt(f.Path, k, "unknown key %q under words (known: accept, reject)", k.Value)
		}
	}
	return nil
}

// programSize is the number of instructions of pattern's compiled program
// (a pattern regexp compiles).
func programSize(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return 0
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0
	}
	return len(prog.Inst)
}

var customIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$`)

func (f *File) customID(id string) bool {
	for _, c := range f.Custom {
		if c.ID == id {
			return true
		}
	}
	return false
}

func (f *File) parseCustom(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return errAt(f.Path, v, "custom must be a list of rules")
	}
	if len(v.Content) > MaxCustomRules {
		return errAt(f.Path, v, "%d custom rules; the limit is %d", len(v.Content), MaxCustomRules)
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return errAt(f.Path, item, "each custom rule must be a mapping")
		}
		c := Custom{line: item.Line, Severity: rules.Warning}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, val := item.Content[i], item.Content[i+1]
			var err error
			switch k.Value {
			case "id":
				c.ID = val.Value
			case "type", "extends":
				c.Type = val.Value
			case "message":
				c.Message = val.Value
			case "explanation":
				c.Explain = val.Value
			case "severity", "level":
				c.Severity, err = rules.ParseSeverity(val.Value)
				if err != nil {
					return errAt(f.Path, val, "custom %s: %v", c.ID, err)
				}
			case "tokens":
				c.Tokens, err = stringList(f.Path, "tokens", val)
			case "pattern":
				c.Pattern = val.Value
				if len(c.Pattern) > MaxPatternLength {
					return errAt(f.Path, val, "custom %s: pattern is %d characters; the limit is %d", c.ID, len(c.Pattern), MaxPatternLength)
				}
				if _, rerr := regexp.Compile(c.Pattern); rerr != nil {
					return errAt(f.Path, val, "custom %s: bad regular expression (RE2 syntax): %v", c.ID, rerr)
				}
				c.program = programSize(c.Pattern)
				if c.program > MaxPatternProgram {
					return errAt(f.Path, val, "custom %s: pattern compiles to %d instructions; the limit is %d (a large counted repeat such as {1,1000} costs that many times its part: bound it, or use tokens)", c.ID, c.program, MaxPatternProgram)
				}
			case "swap":
				if val.Kind != yaml.MappingNode {
					return errAt(f.Path, val, "custom %s: swap must be a mapping of wrong: right", c.ID)
				}
				c.Swap = map[string]string{}
				for j := 0; j+1 < len(val.Content); j += 2 {
					c.Swap[val.Content[j].Value] = val.Content[j+1].Value
				}
			default:
				err = errAt(f.Path, k, "unknown key %q in a custom rule (known: id, type, message, explanation, severity, tokens, pattern, swap)", k.Value)
			}
			if err != nil {
				return err
			}
		}
		switch {
		case c.ID == "":
			return errAt(f.Path, item, "a custom rule needs an id (custom/name)")
		case !customIDRe.MatchString(c.ID):
			return errAt(f.Path, item, "custom rule id %q must look like category/name in lower case", c.ID)
		case rules.Lookup(c.ID) != nil || f.customID(c.ID):
			return errAt(f.Path, item, "custom rule id %q is already taken", c.ID)
		}
		switch c.Type {
		case "existence":
			if len(c.Tokens) == 0 && c.Pattern == "" {
				return errAt(f.Path, item, "custom %s: an existence rule needs tokens or a pattern", c.ID)
			}
		case "substitution":
			if len(c.Swap) == 0 {
				return errAt(f.Path, item, "custom %s: a substitution rule needs swap", c.ID)
			}
		default:
			return errAt(f.Path, item, "custom %s: type must be existence or substitution, not %q", c.ID, c.Type)
		}
		if c.Message == "" {
			return errAt(f.Path, item, "custom %s: a message is required", c.ID)
		}
		f.Custom = append(f.Custom, c)
	}
	return nil
}
