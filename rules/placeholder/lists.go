package placeholder

import (
	"strings"

	"github.com/draftlint/draftlint/rules/lex"
)

// sections parses a word-list file with [section] headers into its
// sections; lines are trimmed, # comments and blank lines dropped.
func sections(data string) map[string][]string {
	out := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			cur = line[1 : len(line)-1]
			continue
		}
		out[cur] = append(out[cur], line)
	}
	return out
}

func toSet(ws []string, fold bool) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		if fold {
			w = strings.ToLower(w)
		}
		m[w] = true
	}
	return m
}

// exactSet is a set whose words keep their case.
func exactSet(ws []string) lex.Set {
	var s lex.Set
	for _, w := range ws {
		s.AddExact(w)
	}
	return s
}
