package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/draftlint/draftlint/rules"
)

// GitHub writes GitHub Actions workflow commands, one per finding:
// ::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE
// (col and endColumn only when the finding is on one line).
type GitHub struct{}

func ghEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghEscapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Format implements Formatter.
func (g GitHub) Format(w io.Writer, r *Report) error { return formatStream(g, w, r) }

// Begin implements Streamer.
func (GitHub) Begin(w io.Writer, _ *Report) (FileWriter, error) {
	return &ghWriter{bw: newBuffered(w)}, nil
}

type ghWriter struct{ bw *bufio.Writer }

func (g *ghWriter) File(fs []rules.Finding, _ []byte) error {
	for _, f := range fs {
		level := "error"
		switch f.Severity {
		case rules.Warning:
			level = "warning"
		case rules.Info:
			level = "notice"
		}
		// the runner takes col and endColumn only on a one-line range
		// (it drops them on one of several lines)
		pos := fmt.Sprintf("line=%d,endLine=%d", f.Line, f.EndLine)
		if f.EndLine <= f.Line {
			pos = fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", f.Line, f.Column, f.Line, f.EndColumn)
		}
		if _, err := fmt.Fprintf(g.bw, "::%s file=%s,%s,title=%s::%s\n", level,
			ghEscapeProp(Sanitize(f.File)), pos, ghEscapeProp(Sanitize(f.Rule)), ghEscapeData(SanitizeLines(f.Message))); err != nil {
			return err
		}
	}
	return nil
}

func (g *ghWriter) Flush() error { return g.bw.Flush() }

func (g *ghWriter) End(*Report) error { return g.bw.Flush() }

// Checkstyle writes Checkstyle XML, which many CI systems read.
type Checkstyle struct{}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

type csFile struct {
	XMLName xml.Name  `xml:"file"`
	Name    string    `xml:"name,attr"`
	Errors  []csError `xml:"error"`
}

// Format implements Formatter.
func (cs Checkstyle) Format(w io.Writer, r *Report) error { return formatStream(cs, w, r) }

// Begin implements Streamer: each file's element is encoded on its own,
// indented as it would be inside the root.
func (Checkstyle) Begin(w io.Writer, _ *Report) (FileWriter, error) {
	bw := newBuffered(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<checkstyle version="4.3">`)
	c := &csWriter{bw: bw}
	c.enc = xml.NewEncoder(&c.elem)
	c.enc.Indent("  ", "  ")
	return c, nil
}

type csWriter struct {
	bw    *bufio.Writer
	elem  bytes.Buffer // one file's element, before escapeXML
	enc   *xml.Encoder
	files int
}

func (c *csWriter) File(fs []rules.Finding, _ []byte) error {
	if len(fs) == 0 {
		return nil
	}
	cf := csFile{Name: fs[0].File}
	for _, f := range fs {
		cf.Errors = append(cf.Errors, csError{Line: f.Line, Column: f.Column, Severity: f.Severity.String(),
			Message: f.Message, Source: "draftlint." + f.Rule})
	}
	if c.files == 0 {
		c.bw.WriteByte('\n') // the encoder starts each later element on a new line itself
	}
	c.files++
	c.elem.Reset()
	if err := c.enc.Encode(cf); err != nil {
		return err
	}
	if err := c.enc.Flush(); err != nil {
		return err
	}
	_, err := c.bw.Write(escapeXML(c.elem.Bytes()))
	return err
}

func (c *csWriter) Flush() error { return c.bw.Flush() }

func (c *csWriter) End(*Report) error {
	if c.files > 0 {
		c.bw.WriteByte('\n')
	}
	c.bw.WriteString("</checkstyle>\n")
	return c.bw.Flush()
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(escapeXML(b.Bytes()))
	return err
}

// JUnit writes JUnit XML: one test case per linted file, failing when the
// file has findings that fail the run (Report.FailOn); its other findings
// are the test case's system-out.
type JUnit struct{}

type juFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type juCase struct {
	Name      string     `xml:"name,attr"`
	Classname string     `xml:"classname,attr"`
	File      string     `xml:"file,attr"`
	Failure   *juFailure `xml:"failure,omitempty"`
	SystemOut string     `xml:"system-out,omitempty"`
}

type juSuite struct {
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Time     string   `xml:"time,attr"`
	Cases    []juCase `xml:"testcase"`
}

type juRoot struct {
	XMLName xml.Name  `xml:"testsuites"`
	Suites  []juSuite `xml:"testsuite"`
}

// Format implements Formatter.
func (JUnit) Format(w io.Writer, r *Report) error {
	byFile := map[string][]rules.Finding{}
	for _, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	names := append([]string(nil), r.FileNames...)
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	for _, f := range r.Findings {
		if !seen[f.File] {
			seen[f.File] = true
			names = append(names, f.File)
		}
	}
	failOn := r.FailOn
	if failOn == 0 {
		failOn = rules.Error
	}
	suite := juSuite{Name: "draftlint", Time: fmt.Sprintf("%.3f", r.Elapsed.Seconds())}
	for _, n := range names {
		c := juCase{Name: n, Classname: "draftlint", File: n}
		var failing, other strings.Builder
		nfail := 0
		for _, f := range byFile[n] {
			b := &other
			if f.Severity >= failOn {
				b = &failing
				nfail++
			}
			fmt.Fprintf(b, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Line, f.Column, f.Severity, f.Message, f.Rule)
		}
		if nfail > 0 {
			c.Failure = &juFailure{Message: fmt.Sprintf("%d %s", nfail, plural(nfail, "finding")), Type: "draftlint", Text: failing.String()}
			suite.Failures++
		}
		c.SystemOut = other.String()
		suite.Cases = append(suite.Cases, c)
	}
	suite.Tests = len(suite.Cases)
	return writeXML(w, juRoot{Suites: []juSuite{suite}})
}

// RDJSONL writes reviewdog's diagnostic format, one JSON object a line.
// Columns are counted in UTF-8 bytes, as reviewdog expects.
type RDJSONL struct{}

type rdPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPos `json:"start"`
	End   rdPos `json:"end"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdDiag struct {
	Message  string `json:"message"`
	Location struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Source   struct {
		Name string `json:"name"`
	} `json:"source"`
	Code struct {
		Value string `json:"value"`
	} `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

// bytePos turns an offset into a 1-based line and byte column.
func bytePos(src []byte, off int) rdPos {
	off = min(max(off, 0), len(src))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line++
			start = i + 1
		}
	}
	return rdPos{Line: line, Column: off - start + 1}
}

// Format implements Formatter.
func (rd RDJSONL) Format(w io.Writer, r *Report) error { return formatStream(rd, w, r) }

// Begin implements Streamer.
func (RDJSONL) Begin(w io.Writer, _ *Report) (FileWriter, error) {
	rw := &rdWriter{bw: newBuffered(w)}
	rw.enc = json.NewEncoder(&rw.line)
	rw.enc.SetEscapeHTML(false)
	return rw, nil
}

type rdWriter struct {
	bw   *bufio.Writer
	line bytes.Buffer // one diagnostic, before escapeJSON
	enc  *json.Encoder
}

func (rw *rdWriter) File(fs []rules.Finding, src []byte) error {
	for _, f := range fs {
		var d rdDiag
		d.Message = f.Message
		d.Location.Path = f.File
		if src != nil {
			d.Location.Range = rdRange{Start: bytePos(src, f.Offset), End: bytePos(src, f.EndOffset)}
		} else {
			d.Location.Range = rdRange{Start: rdPos{f.Line, f.Column}, End: rdPos{f.EndLine, f.EndColumn}}
		}
		d.Severity = strings.ToUpper(f.Severity.String())
		d.Source.Name = "draftlint"
		d.Code.Value = f.Rule
		if len(f.Fixes) > 0 && src != nil {
			for _, e := range f.Fixes[0].Edits {
				d.Suggestions = append(d.Suggestions, rdSuggestion{Range: rdRange{Start: bytePos(src, e.Offset), End: bytePos(src, e.EndOffset)}, Text: e.NewText})
			}
		}
		rw.line.Reset()
		if err := rw.enc.Encode(d); err != nil {
			return err
		}
		if _, err := rw.bw.Write(escapeJSON(rw.line.Bytes())); err != nil {
			return err
		}
	}
	return nil
}

func (rw *rdWriter) Flush() error { return rw.bw.Flush() }

func (rw *rdWriter) End(*Report) error { return rw.bw.Flush() }
