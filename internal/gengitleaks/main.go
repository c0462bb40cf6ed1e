// Command gengitleaks turns gitleaks' rule set (config/gitleaks.toml, MIT,
// https://github.com/gitleaks/gitleaks) into the JSON data that
// moderation/secret embeds: each rule's id, description, regular expression,
// keywords, entropy threshold, secret group and allow lists, and the global
// allow list. Rules that apply only to some file names (path) are left out:
// a draft is never a .tf, .php or nuget.config file.
//
// Run from the repository root with a local copy of gitleaks, then commit the
// output and say the commit in the README's credits:
//
//	go run ./internal/gengitleaks -commit $(git -C GITLEAKS rev-parse HEAD) \
//	    GITLEAKS/config/gitleaks.toml > rules/moderation/data/gitleaks.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"

	"github.com/BurntSushi/toml"
)

type allowlist struct {
	Description string   `toml:"description" json:"-"`
	Condition   string   `toml:"condition" json:"condition,omitempty"`
	RegexTarget string   `toml:"regexTarget" json:"regexTarget,omitempty"`
	Regexes     []string `toml:"regexes" json:"regexes,omitempty"`
	Stopwords   []string `toml:"stopwords" json:"stopwords,omitempty"`
	Paths       []string `toml:"paths" json:"-"`
}

type rule struct {
	ID          string      `toml:"id" json:"id"`
	Description string      `toml:"description" json:"description"`
	Regex       string      `toml:"regex" json:"regex"`
	Path        string      `toml:"path" json:"-"`
	SecretGroup int         `toml:"secretGroup" json:"secretGroup,omitempty"`
	Entropy     float64     `toml:"entropy" json:"entropy,omitempty"`
	Keywords    []string    `toml:"keywords" json:"keywords"`
	Allowlists  []allowlist `toml:"allowlists" json:"allowlists,omitempty"`
}

type config struct {
	Allowlist allowlist `toml:"allowlist"`
	Rules     []rule    `toml:"rules"`
}

// Data is what the JSON file holds.
type Data struct {
	Source    string    `json:"source"`
	Commit    string    `json:"commit"`
	License   string    `json:"license"`
	Allowlist allowlist `json:"allowlist"`
	Rules     []rule    `json:"rules"`
}

func main() {
	commit := flag.String("commit", "", "the gitleaks commit the file comes from")
	flag.Parse()
	if flag.NArg() != 1 || *commit == "" {
		fmt.Fprintln(os.Stderr, "usage: gengitleaks -commit SHA PATH/TO/gitleaks.toml")
		os.Exit(2)
	}
	var c config
	if _, err := toml.DecodeFile(flag.Arg(0), &c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := Data{Source: "https://github.com/gitleaks/gitleaks config/gitleaks.toml", Commit: *commit, License: "MIT (Copyright (c) 2019 Zachary Rice)",
		Allowlist: allowlist{Regexes: c.Allowlist.Regexes, Stopwords: c.Allowlist.Stopwords}}
	for _, r := range c.Rules {
		if r.Path != "" || r.Regex == "" {
			continue
		}
		for _, re := range append([]string{r.Regex}, allRegexes(r.Allowlists)...) {
			if _, err := regexp.Compile(re); err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", r.ID, err)
				os.Exit(1)
			}
		}
		out.Rules = append(out.Rules, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func allRegexes(as []allowlist) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Regexes...)
	}
	return out
}
