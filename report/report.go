// Package report turns findings into output: text for people, JSON and
// other formats for machines. It knows no rule.
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/draftlint/draftlint/rules"
)

// Report is everything a formatter may show.
type Report struct {
	Findings []rules.Finding
	// Sources holds the bytes of files with findings (for excerpts, diffs).
	Sources map[string][]byte
	Files   int
	// FileNames are the files linted, in order (JUnit lists each).
	FileNames []string
	// Rules describes the rules that ran (SARIF lists them).
	Rules []*rules.Rule
	// MoreRules are IDs of rules other than Rules whose findings a
	// streamed report may hold (per-folder configs, unused suppressions):
	// SARIF lists its rules before any result.
	MoreRules []string
	Notices   []rules.Notice
	Elapsed   time.Duration
	// Version of draftlint, for tool metadata.
	Version string
	// FailOn is the lowest severity that fails the run (--fail-on; 0 means
	// error, the default): JUnit fails a file's test case only for those.
	FailOn rules.Severity
}

// Counts returns the number of findings per severity.
func (r *Report) Counts() (errs, warns, infos int) {
	var t tally
	t.add(r.Findings)
	return t.errs, t.warns, t.infos
}

// Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// Names lists the formats New knows.
var Names = []string{"text", "json", "sarif", "github", "checkstyle", "junit", "rdjsonl", "html"}

// Options tune the formatters that have settings.
type Options struct {
	Color   bool
	Compact bool
	Width   int  // wrap width for text; 0 for 100
	Quiet   bool // text: no summary line
}

// New returns the formatter for a format name.
func New(name string, o Options) (Formatter, error) {
	switch name {
	case "text", "":
		return &Text{Options: o}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{}, nil
	case "github":
		return GitHub{}, nil
	case "checkstyle":
		return Checkstyle{}, nil
	case "junit":
		return JUnit{}, nil
	case "rdjsonl":
		return RDJSONL{}, nil
	case "html":
		return HTML{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %v)", name, Names)
}

// JSON writes the stable machine-readable contract:
// {"findings":[…],"summary":{"files","error","warning","info"}}.
type JSON struct{}

type jsonSummary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Format implements Formatter.
func (j JSON) Format(w io.Writer, r *Report) error { return formatStream(j, w, r) }

// Begin implements Streamer. Findings are written one at a time, so a large
// report is never held in memory.
func (JSON) Begin(w io.Writer, _ *Report) (FileWriter, error) {
	bw := newBuffered(w)
	bw.WriteString("{\n  \"findings\": [")
	return &jsonWriter{bw: bw}, nil
}

type jsonWriter struct {
	bw *bufio.Writer
	b  []byte
	n  int
	tally
}

func (j *jsonWriter) File(fs []rules.Finding, _ []byte) error {
	j.add(fs)
	for i := range fs {
		b := j.b[:0]
		if j.n == 0 {
			b = append(b, "\n    "...)
		} else {
			b = append(b, ",\n    "...)
		}
		j.n++
		b = appendFinding(b, &fs[i], "    ")
		j.b = b
		if _, err := j.bw.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonWriter) Flush() error { return j.bw.Flush() }

func (j *jsonWriter) End(r *Report) error {
	bw := j.bw
	if j.n > 0 {
		bw.WriteString("\n  ")
	}
	sum, err := marshalIndent(jsonSummary{Files: r.Files, Error: j.errs, Warning: j.warns, Info: j.infos}, "  ")
	if err != nil {
		return err
	}
	bw.WriteString("],\n  \"summary\": ")
	bw.Write(sum)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// marshalIndent is json.MarshalIndent without HTML escaping.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Redact returns src with every finding's Masked text in place of the
// bytes it covers (src itself when no finding has one), so that a report
// quoting the draft does not print a secret or a personal number again.
func Redact(src []byte, fs []rules.Finding) []byte {
	var out []byte
	for _, f := range fs {
		if f.Masked == "" || f.Offset < 0 || f.EndOffset > len(src) || f.EndOffset-f.Offset != len(f.Masked) {
			continue
		}
		if out == nil {
			out = append([]byte(nil), src...)
		}
		copy(out[f.Offset:], f.Masked)
	}
	if out == nil {
		return src
	}
	return out
}
