package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/draftlint/draftlint/rules"
)

// SARIF writes a SARIF 2.1.0 log with rule metadata, help text and fixes.
// Columns are counted in Unicode code points (columnKind
// "unicodeCodePoints"); regions also carry byte offsets and lengths.
type SARIF struct{}

const projectURI = "https://github.com/draftlint/draftlint"

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// Format implements Formatter. The rules listed are every rule that ran
// and any rule a finding names.
func (SARIF) Format(w io.Writer, r *Report) error {
	ids := map[string]bool{}
	for _, f := range r.Findings {
		ids[f.Rule] = true
	}
	fw, err := sarifBegin(w, r, ids)
	if err != nil {
		return err
	}
	return formatFiles(fw, r)
}

// Begin implements Streamer. The rules come before the results in SARIF,
// so the rules listed are every rule that ran and those of r.MoreRules.
func (SARIF) Begin(w io.Writer, r *Report) (FileWriter, error) {
	ids := map[string]bool{}
	for _, id := range r.MoreRules {
		ids[id] = true
	}
	fw, err := sarifBegin(w, r, ids)
	if err != nil {
		return nil, err
	}
	return fw, nil
}

// sarifResults is where the results array stands in go-sarif's indented
// log (json.MarshalIndent with two spaces): the run's field, its elements
// and its closing bracket.
const (
	sarifResults   = "\n      \"results\": []"
	sarifElemLead  = "        "
	sarifCloseLead = "      "
)

// sarifWriter writes the log go-sarif would write, with the results
// encoded one at a time into the gap left for them.
type sarifWriter struct {
	bw   *bufio.Writer
	run  *sarif.Run
	tail []byte // what follows the results array
	n    int
}

func sarifBegin(w io.Writer, r *Report, more map[string]bool) (*sarifWriter, error) {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	run := sarif.NewRunWithInformationURI("draftlint", projectURI)
	if r.Version != "" {
		run.Tool.Driver.WithVersion(r.Version)
	}
	run.WithColumnKind("unicodeCodePoints")
	meta := map[string]*rules.Rule{}
	for _, ru := range r.Rules {
		meta[ru.ID] = ru
		more[ru.ID] = true
	}
	sorted := make([]string, 0, len(more))
	for id := range more {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		rd := run.AddRule(id)
		ru := meta[id]
		if ru == nil {
			ru = rules.Lookup(id) // a rule of a folder's own config
		}
		if ru == nil {
			// go-sarif writes a missing short description as null,
			// which the schema refuses
			rd.WithShortDescription(sarif.NewMultiformatMessageString(id))
		} else {
			rd.WithShortDescription(sarif.NewMultiformatMessageString(ru.Doc)).
				WithFullDescription(sarif.NewMultiformatMessageString(ru.Doc)).
				WithHelp(sarif.NewMultiformatMessageString(ru.Explanation)).
				WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(ru.Severity))).
				WithProperties(sarif.Properties{"category": ru.Category})
		}
	}
	log.AddRun(run)
	var env bytes.Buffer
	if err := log.PrettyWrite(&env); err != nil {
		return nil, err
	}
	i := bytes.Index(env.Bytes(), []byte(sarifResults))
	if i < 0 {
		return nil, errors.New("sarif: the log has no results array where expected")
	}
	cut := i + len(sarifResults) - 1 // just before the "]"
	bw := newBuffered(w)
	bw.Write(env.Bytes()[:cut])
	return &sarifWriter{bw: bw, run: run, tail: env.Bytes()[cut+1:]}, nil
}

func (sw *sarifWriter) File(fs []rules.Finding, _ []byte) error {
	for _, f := range fs {
		res := sarif.NewRuleResult(f.Rule).WithLevel(sarifLevel(f.Severity))
		res.WithRuleIndex(ruleIndex(sw.run, f.Rule))
		res.WithMessage(sarif.NewTextMessage(f.Message))
		region := sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Column).WithEndLine(f.EndLine).
			WithEndColumn(f.EndColumn).WithByteOffset(f.Offset).WithByteLength(f.EndOffset - f.Offset)
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(artifactLocation(f.File)).WithRegion(region)))
		for _, fx := range f.Fixes {
			change := sarif.NewArtifactChange(artifactLocation(f.File))
			for _, e := range fx.Edits {
				change.WithReplacement(sarif.NewReplacement(sarif.NewRegion().WithByteOffset(e.Offset).WithByteLength(e.EndOffset - e.Offset)).
					WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
			}
			res.AddFix(sarif.NewFix().WithDescriptionText(fx.Description).WithArtifactChanges([]*sarif.ArtifactChange{change}))
		}
		b, err := json.MarshalIndent(res, sarifElemLead, "  ")
		if err != nil {
			return err
		}
		if sw.n == 0 {
			sw.bw.WriteString("\n" + sarifElemLead)
		} else {
			sw.bw.WriteString(",\n" + sarifElemLead)
		}
		sw.n++
		if _, err := sw.bw.Write(escapeJSON(b)); err != nil {
			return err
		}
	}
	return nil
}

// srcRoot is the base of relative artifact URIs: the folder draftlint ran
// in (GitHub code scanning reads it as the repository's root).
const srcRoot = "%SRCROOT%"

// artifactLocation is a file's location as a URI reference: a relative
// path is percent-encoded and based on srcRoot, an absolute one is a file
// URI. Every byte but an unreserved character and the slash is encoded,
// so a space, a comma, a % or a non-ASCII letter makes a valid URI, and
// "c:d.md" does not read as a URI with the scheme "c".
func artifactLocation(path string) *sarif.ArtifactLocation {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → /C:/x
		}
		return sarif.NewSimpleArtifactLocation("file://" + uriEscape(p, true))
	}
	return sarif.NewSimpleArtifactLocation(uriEscape(p, false)).WithUriBaseId(srcRoot)
}

// uriEscape percent-encodes all but unreserved characters and slashes
// (and, in a file URI's path, a drive letter's colon).
func uriEscape(p string, abs bool) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/',
			c == ':' && abs && i == 2 && p[0] == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// ruleIndex is the rule's place in the run's rules (-1 when not listed).
func ruleIndex(run *sarif.Run, id string) int {
	rs := run.Tool.Driver.Rules
	k := sort.Search(len(rs), func(i int) bool { return rs[i].ID >= id })
	if k < len(rs) && rs[k].ID == id {
		return k
	}
	return -1
}

func (sw *sarifWriter) Flush() error { return sw.bw.Flush() }

func (sw *sarifWriter) End(*Report) error {
	if sw.n > 0 {
		sw.bw.WriteString("\n" + sarifCloseLead)
	}
	sw.bw.WriteByte(']')
	sw.bw.Write(sw.tail)
	return sw.bw.Flush()
}
