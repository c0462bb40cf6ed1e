package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/draftlint/draftlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is a fixed report: two files, findings of every severity, a fix,
// multi-byte text and characters that need escaping in XML, JSON and HTML.
func fixture() *Report {
	a := []byte("# Größe <TK>\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\nCall (+44) 871.075.0336 & \"now\".\n")
	b := []byte("Plain title\n\nNearly every city has one, experts say.\n")
	return &Report{
		Sources:   map[string][]byte{"docs/a.md": a, "b.txt": b},
		Files:     3,
		FileNames: []string{"b.txt", "clean.md", "docs/a.md"},
		Version:   "v1.0.0-test",
		Rules: []*rules.Rule{
			{ID: "placeholder/lorem-ipsum", Category: "placeholder", Severity: rules.Error, Doc: "Filler text", Explanation: "Lorem ipsum is filler."},
			{ID: "placeholder/marker", Category: "placeholder", Severity: rules.Error, Doc: "Editorial marker", Explanation: "TK marks a gap."},
			{ID: "contact/format", Category: "contact", Severity: rules.Info, Doc: "Unusual notation", Explanation: "Use E.123."},
			{ID: "claim/weasel-attribution", Category: "claim", Severity: rules.Warning, Doc: "Vague attribution", Explanation: "Name the source."},
		},
		Findings: []rules.Finding{
			{File: "b.txt", Line: 3, Column: 28, EndLine: 3, EndColumn: 39, Offset: 40, EndOffset: 51, Rule: "claim/weasel-attribution",
				Category: "claim", Severity: rules.Warning, Message: `vague attribution "experts say" names no source`, Explanation: "Name the source."},
			{File: "docs/a.md", Line: 1, Column: 10, EndLine: 1, EndColumn: 12, Offset: 11, EndOffset: 13, Rule: "placeholder/marker",
				Category: "placeholder", Severity: rules.Error, Message: `editorial marker "TK" left in the draft`},
			{File: "docs/a.md", Line: 3, Column: 1, EndLine: 3, EndColumn: 57, Offset: 16, EndOffset: 72, Rule: "placeholder/lorem-ipsum",
				Category: "placeholder", Severity: rules.Error, Message: "lorem ipsum filler (8 words)", Explanation: "8 of its 8 words are filler.",
				Fixes: []rules.Fix{{Description: "delete the filler", Edits: []rules.Edit{{Offset: 16, EndOffset: 73}}}}},
			{File: "docs/a.md", Line: 4, Column: 6, EndLine: 4, EndColumn: 24, Offset: 78, EndOffset: 96, Rule: "contact/format",
				Category: "contact", Severity: rules.Info, Message: `phone "(+44) 871.075.0336" is written in an unusual notation`,
				Fixes: []rules.Fix{{Description: "write the number as +44 871 075 0336", Edits: []rules.Edit{{Offset: 78, EndOffset: 96, NewText: "+44 871 075 0336"}}}}},
		},
	}
}

func TestFixtureOffsets(t *testing.T) {
	r := fixture()
	want := map[string]string{"placeholder/marker": "TK", "contact/format": "(+44) 871.075.0336", "claim/weasel-attribution": "experts say"}
	for _, f := range r.Findings {
		if w, ok := want[f.Rule]; ok && string(r.Sources[f.File][f.Offset:f.EndOffset]) != w {
			t.Fatalf("fixture offsets of %s point at %q", f.Rule, r.Sources[f.File][f.Offset:f.EndOffset])
		}
	}
}

func render(t *testing.T, name string, o Options) []byte {
	t.Helper()
	f, err := New(name, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		golden, format string
		o              Options
	}{
		{"text.golden", "text", Options{Width: 80}},
		{"text-color.golden", "text", Options{Width: 80, Color: true}},
		{"text-compact.golden", "text", Options{Compact: true}},
		{"json.golden", "json", Options{}},
		{"sarif.golden", "sarif", Options{}},
		{"github.golden", "github", Options{}},
		{"checkstyle.golden", "checkstyle", Options{}},
		{"junit.golden", "junit", Options{}},
		{"rdjsonl.golden", "rdjsonl", Options{}},
		{"html.golden", "html", Options{}},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			got := render(t, c.format, c.o)
			path := filepath.Join("testdata", "golden", c.golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff\ngot:\n%s", c.golden, got)
			}
		})
	}
}

// sarifSchema is the SARIF 2.1.0 schema, its formats (uri,
// uri-reference, date-time) checked.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("testdata/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifSchema(t)
	out := render(t, "sarif", Options{})
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}
	// and one with no findings at all
	empty := fixture()
	empty.Findings = nil
	var buf bytes.Buffer
	if err := (SARIF{}).Format(&buf, empty); err != nil {
		t.Fatal(err)
	}
	inst, _ = jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("empty SARIF log is not valid: %v", err)
	}
	// a finding of a rule the report does not describe (a folder's own
	// config enabled it): the rule is listed with a short description
	other := fixture()
	other.Findings = append(other.Findings, rules.Finding{File: "b.txt", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, EndOffset: 1,
		Rule: "custom/house-style", Severity: rules.Warning, Message: "m"})
	buf.Reset()
	if err := (SARIF{}).Format(&buf, other); err != nil {
		t.Fatal(err)
	}
	inst, _ = jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF log with an undescribed rule is not valid: %v", err)
	}
}

// GitHub's runner drops col and endColumn from a range over several lines:
// such a finding is sent with its lines only.
func TestGitHubMultiLineRange(t *testing.T) {
	cases := []struct {
		f    rules.Finding
		want string
	}{
		{rules.Finding{File: "a.md", Line: 3, Column: 5, EndLine: 4, EndColumn: 2, Rule: "placeholder/marker", Severity: rules.Error, Message: "m"},
			"::error file=a.md,line=3,endLine=4,title=placeholder/marker::m\n"},
		{rules.Finding{File: "a.md", Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Rule: "placeholder/marker", Severity: rules.Warning, Message: "m"},
			"::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=placeholder/marker::m\n"},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := (GitHub{}).Format(&buf, &Report{Findings: []rules.Finding{c.f}}); err != nil {
			t.Fatal(err)
		}
		if buf.String() != c.want {
			t.Errorf("got  %q\nwant %q", buf.String(), c.want)
		}
	}
}

// A file's SARIF URI is a valid URI reference that gives back its path:
// relative ones percent-encoded and based on %SRCROOT%, absolute ones file
// URIs; "c:d,e.md" must not read as a URI with the scheme "c".
func TestSARIFURIs(t *testing.T) {
	sch := sarifSchema(t)
	names := []struct{ path, uri string }{
		{"My draft.md", "My%20draft.md"},
		{"Zürich.md", "Z%C3%BCrich.md"},
		{"odd, name: 100%.md", "odd%2C%20name%3A%20100%25.md"},
		{"c:d,e.md", "c%3Ad%2Ce.md"},
		{"posts/#1 [draft]?.md", "posts/%231%20%5Bdraft%5D%3F.md"},
		{"../up/a.md", "../up/a.md"},
		{"/srv/news/a b.md", "file:///srv/news/a%20b.md"},
	}
	r := &Report{Version: "v1"}
	for _, n := range names {
		r.Findings = append(r.Findings, rules.Finding{File: n.path, Line: 1, Column: 1, EndLine: 1, EndColumn: 3, Offset: 0, EndOffset: 2,
			Rule: "placeholder/marker", Severity: rules.Error, Message: "m",
			Fixes: []rules.Fix{{Description: "d", Edits: []rules.Edit{{Offset: 0, EndOffset: 2}}}}})
	}
	var buf bytes.Buffer
	if err := (SARIF{}).Format(&buf, r); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []struct {
					ArtifactChanges []struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	for i, res := range log.Runs[0].Results {
		n := names[i]
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		fix := res.Fixes[0].ArtifactChanges[0].ArtifactLocation
		if loc != fix {
			t.Errorf("%q: the fix's location %+v differs from the result's %+v", n.path, fix, loc)
		}
		if loc.URI != n.uri {
			t.Errorf("%q: uri %q, want %q", n.path, loc.URI, n.uri)
		}
		u, err := url.Parse(loc.URI)
		if err != nil {
			t.Errorf("%q: %v", n.path, err)
			continue
		}
		abs := strings.HasPrefix(n.path, "/")
		if abs && (u.Scheme != "file" || loc.URIBaseID != "") || !abs && (u.Scheme != "" || loc.URIBaseID != "%SRCROOT%") {
			t.Errorf("%q: scheme %q, uriBaseId %q", n.path, u.Scheme, loc.URIBaseID)
		}
		if u.Path != n.path {
			t.Errorf("%q: uri %q gives back the path %q", n.path, loc.URI, u.Path)
		}
	}
}

func TestXMLIsWellFormed(t *testing.T) {
	for _, name := range []string{"checkstyle", "junit"} {
		dec := xml.NewDecoder(bytes.NewReader(render(t, name, Options{})))
		n := 0
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed XML: %v", name, err)
			}
			n++
		}
		if n < 5 {
			t.Errorf("%s: only %d tokens", name, n)
		}
	}
	// junit: one test case per linted file, failures for files with
	// findings at or above the default --fail-on (error)
	out := string(render(t, "junit", Options{}))
	if strings.Count(out, "<testcase ") != 3 || !strings.Contains(out, `failures="1"`) {
		t.Errorf("junit cases wrong:\n%s", out)
	}
}

// JUnit follows --fail-on: a test case fails for the findings that fail the
// run; the file's other findings are its system-out. Each case names its file.
func TestJUnitFollowsFailOn(t *testing.T) {
	type jcase struct {
		Name    string `xml:"name,attr"`
		File    string `xml:"file,attr"`
		Failure *struct {
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
		SystemOut string `xml:"system-out"`
	}
	type jroot struct {
		Suites []struct {
			Failures int     `xml:"failures,attr"`
			Cases    []jcase `xml:"testcase"`
		} `xml:"testsuite"`
	}
	cases := []struct {
		failOn rules.Severity
		failed map[string]string // file → failure message
	}{
		{rules.Error, map[string]string{"docs/a.md": "2 findings"}},
		{rules.Warning, map[string]string{"b.txt": "1 finding", "docs/a.md": "2 findings"}},
		{rules.Info, map[string]string{"b.txt": "1 finding", "docs/a.md": "3 findings"}},
		{rules.Error + 1, map[string]string{}}, // --fail-on never
	}
	for _, c := range cases {
		r := fixture()
		r.FailOn = c.failOn
		var buf bytes.Buffer
		if err := (JUnit{}).Format(&buf, r); err != nil {
			t.Fatal(err)
		}
		var root jroot
		if err := xml.Unmarshal(buf.Bytes(), &root); err != nil {
			t.Fatal(err)
		}
		s := root.Suites[0]
		if s.Failures != len(c.failed) {
			t.Errorf("fail-on %v: %d failures, want %d\n%s", c.failOn, s.Failures, len(c.failed), buf.String())
		}
		for _, tc := range s.Cases {
			if tc.File != tc.Name {
				t.Errorf("fail-on %v: case %s has file %q", c.failOn, tc.Name, tc.File)
			}
			want, fails := c.failed[tc.Name]
			if fails != (tc.Failure != nil) || fails && tc.Failure.Message != want {
				t.Errorf("fail-on %v: case %s failure %+v, want %q", c.failOn, tc.Name, tc.Failure, want)
			}
			// every finding is shown once, as a failure or as output
			n := strings.Count(tc.SystemOut, "\n")
			if tc.Failure != nil {
				n += strings.Count(tc.Failure.Text, "\n")
			}
			if want := map[string]int{"b.txt": 1, "docs/a.md": 3}[tc.Name]; n != want {
				t.Errorf("fail-on %v: case %s shows %d findings, want %d", c.failOn, tc.Name, n, want)
			}
		}
	}
}

func TestJSONAndRDJSONLParse(t *testing.T) {
	var v map[string]any
	if err := json.Unmarshal(render(t, "json", Options{}), &v); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(render(t, "rdjsonl", Options{}))), "\n") {
		var d map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("rdjsonl line %q: %v", line, err)
		}
	}
	// rdjsonl columns are bytes: "experts say" starts at byte column 28 on
	// an ASCII line, the marker after "# Größe <" (two 2-byte letters) at 12
	out := string(render(t, "rdjsonl", Options{}))
	if !strings.Contains(out, `"start":{"line":1,"column":12}`) {
		t.Errorf("rdjsonl byte columns wrong:\n%s", out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := fixture()
	r.Findings[0].Message = "50% off,\nnew: line"
	var buf bytes.Buffer
	if err := (GitHub{}).Format(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "::50%25 off,%0Anew: line\n") {
		t.Errorf("message not escaped: %s", buf.String())
	}
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk"
	var buf bytes.Buffer
	if err := UnifiedDiff(&buf, "x.txt", []byte(old), []byte(new)); err != nil {
		t.Fatal(err)
	}
	want := "--- a/x.txt\n+++ b/x.txt\n@@ -1,6 +1,6 @@\n a\n b\n-c\n+C\n d\n e\n f\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n\\ No newline at end of file\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestQuotePath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a/plain name.md", "a/plain name.md"}, // spaces are not quoted
		{"a/x\ty.md", `"a/x\ty.md"`},
		{"a/x\ny.md", `"a/x\ny.md"`},
		{`a/say "hi".md`, `"a/say \"hi\".md"`},
		{`a/back\slash.md`, `"a/back\\slash.md"`},
		{"a/caf\xe9.md", `"a/caf\351.md"`},       // not UTF-8
		{"a/café.md", `"a/caf\303\251.md"`},      // UTF-8, as git's core.quotePath
		{"a/bell\a\x1b.md", `"a/bell\a\033.md"`}, // escape as octal
		{"a/del\x7f.md", `"a/del\177.md"`},
	} {
		if got := QuotePath(c.in); got != c.want {
			t.Errorf("QuotePath(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	for _, c := range []struct{ in, want, lines string }{
		{"plain/name.md", "plain/name.md", "plain/name.md"},
		{"Größe “quoted” 😀", "Größe “quoted” 😀", "Größe “quoted” 😀"},
		{"a\x1b]0;title\x07b", `a\x1b]0;title\x07b`, `a\x1b]0;title\x07b`},
		{"x\ty\r\nz", `x\ty\r\nz`, "x\\ty\nz"},
		{"del\x7f c1\u009b bidi\u202e\u2066", `del\x7f c1\u009b bidi\u202e\u2066`, `del\x7f c1\u009b bidi\u202e\u2066`},
		{"bad\xff\xc3", `bad\xff\xc3`, `bad\xff\xc3`},
		{"lone\rcr", `lone\rcr`, `lone\rcr`},
	} {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := SanitizeLines(c.in); got != c.lines {
			t.Errorf("SanitizeLines(%q) = %q, want %q", c.in, got, c.lines)
		}
	}
}
