package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/draftlint/draftlint/draft"
)

// Source is one draft to lint: a file on disk, or Data already read (stdin).
type Source struct {
	Path   string // the name findings are reported under
	Data   []byte // when non-nil, the content (Path is not read)
	Format draft.Format
	// HasFormat says Format was chosen explicitly (e.g. --stdin-filename).
	HasFormat bool
	// Settings, when set, replace the run's rules, severities and options
	// for this file (its nearest config file).
	Settings *Settings
}

// Settings are the rules that run on a file and how.
type Settings struct {
	Rules    []*Rule
	Severity map[string]Severity
	Options  map[string]Options
	// Accept lists words and phrases never flagged: a short finding whose
	// text holds one is dropped.
	Accept []string
}

// Config says which rules run and how.
type Config struct {
	Rules []*Rule
	// Options and Severity per rule ID override the defaults.
	Options  map[string]Options
	Severity map[string]Severity
	// Workers is the number of files linted at once (default: one per CPU).
	Workers int
	// MaxFileSize in bytes; larger files are skipped with a notice (0: 16 MiB).
	MaxFileSize int64
	// MaxLines: files with more lines are skipped with a notice (0: 100,000).
	// Parsing costs memory per line; no draft has this many.
	MaxLines int
	// Filter, when set, sees each document's findings (after they are
	// sorted) and returns the ones to keep: suppression comments.
	Filter func(d *draft.Document, fs []Finding) []Finding
	// KeepDocs keeps the parsed document of every file with findings.
	KeepDocs bool
	// ReportUnused reports suppression comments that suppress nothing.
	ReportUnused bool
	// DropSources frees each file's content once it is linted (reports
	// that show no excerpts and make no fixes do not need it); Sources is
	// then empty.
	DropSources bool
}

// Notice is a message about a file that could not be linted (or only
// partly). Error notices make the run exit 2.
type Notice struct {
	File    string
	Message string
	Error   bool
}

func (n Notice) String() string { return n.File + ": " + n.Message }

// Result is the outcome of a run.
type Result struct {
	Findings []Finding
	Files    int // files linted
	Notices  []Notice
	// Sources holds the content of each file that has findings, for
	// excerpts and fixes.
	Sources map[string][]byte
	Docs    map[string]*draft.Document
}

// MaxFindingsPerRule bounds the findings one rule reports in one file, so
// that a pathological draft (a million identical headings) cannot exhaust
// memory; the rest are counted in a notice.
const MaxFindingsPerRule = 1000

// DefaultMaxLines is the number of lines above which a file is skipped.
const DefaultMaxLines = 100_000

// DefaultMaxFileSize is the size above which a file is skipped.
const DefaultMaxFileSize = 16 << 20

type fileResult struct {
	findings []Finding
	facts    map[*Rule][]any
	notices  []Notice
	src      []byte
	doc      *draft.Document
	linted   bool
}

// Run lints every source and returns the sorted findings.
func Run(cfg Config, srcs []Source) *Result {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]fileResult, len(srcs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = lintOne(cfg, srcs[i])
			}
		}()
	}
	for i := range srcs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	res := &Result{Sources: map[string][]byte{}}
	if cfg.KeepDocs {
		res.Docs = map[string]*draft.Document{}
	}
	total := 0
	for i := range results {
		total += len(results[i].findings)
	}
	res.Findings = make([]Finding, 0, total)
	for i := range results {
		r := &results[i]
		res.Notices = append(res.Notices, r.notices...)
		if r.linted {
			res.Files++
		}
		res.Findings = append(res.Findings, r.findings...)
		if len(r.findings) > 0 && r.src != nil {
			res.Sources[srcs[i].Path] = r.src
			if cfg.KeepDocs {
				res.Docs[srcs[i].Path] = r.doc
			}
		}
		r.findings = nil // one copy of each finding, not two
	}
	// whole-set phase
	var index map[string]int
	for _, rule := range cfg.Rules {
		if rule.Finish == nil {
			continue
		}
		var facts []Fact
		for i := range results {
			for _, v := range results[i].facts[rule] {
				facts = append(facts, Fact{File: srcs[i].Path, Value: v})
			}
		}
		fp := &FinishPass{Rule: rule, Options: cfg.Options[rule.ID], Severity: severityOf(cfg, rule), Facts: facts}
		var got []Finding
		fp.report = func(f Finding) { got = append(got, f) }
		if err := safely(func() { rule.Finish(fp) }); err != nil {
			res.Notices = append(res.Notices, Notice{File: "(all files)", Message: fmt.Sprintf("rule %s failed and was skipped: %v", rule.ID, err)})
		}
		res.Findings = append(res.Findings, got...)
		for _, f := range got {
			if _, ok := res.Sources[f.File]; ok {
				continue
			}
			if index == nil {
				index = make(map[string]int, len(srcs))
				for i := range srcs {
					index[srcs[i].Path] = i
				}
			}
			if i, ok := index[f.File]; ok && results[i].src != nil {
				res.Sources[f.File] = results[i].src
				if cfg.KeepDocs {
					res.Docs[f.File] = results[i].doc
				}
			}
		}
	}
	SortFindings(res.Findings)
	return res
}

func severityOf(cfg Config, r *Rule) Severity {
	if s, ok := cfg.Severity[r.ID]; ok && s != 0 {
		return s
	}
	return r.Severity
}

func safely(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v\n%s", r, debug.Stack())
		}
	}()
	fn()
	return nil
}

// ReadSource reads a file for linting, refusing what is not a regular file
// or is too large.
func ReadSource(path string, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > maxSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d-byte limit (--max-file-size)", errTooLarge, st.Size(), maxSize)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	// read into a buffer of the size stat gave (one allocation), then
	// whatever the file grew by since, up to the limit
	data := make([]byte, st.Size(), st.Size()+1)
	n, err := io.ReadFull(f, data)
	data = data[:n]
	if err == nil {
		var probe [1]byte
		if k, _ := f.Read(probe[:]); k > 0 { // it grew
			var more []byte
			more, err = io.ReadAll(io.LimitReader(f, maxSize-int64(n)))
			data = append(append(data, probe[0]), more...)
		}
	} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = nil // the file shrank since stat: what is there is the draft
	}
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%w: grew past the %d-byte limit while being read", errTooLarge, maxSize)
	}
	return data, nil
}

var errTooLarge = errors.New("file too large")

func lintOne(cfg Config, s Source) (r fileResult) {
	data := s.Data
	if data == nil {
		var err error
		data, err = ReadSource(s.Path, cfg.MaxFileSize)
		if err != nil {
			msg := err.Error()
			var pe *fs.PathError
			if errors.As(err, &pe) {
				msg = pe.Err.Error()
			}
			isErr := !errors.Is(err, errTooLarge)
			if isErr {
				msg = "cannot read: " + msg
			} else {
				msg = "skipped: " + msg
			}
			r.notices = append(r.notices, Notice{File: s.Path, Message: msg, Error: isErr})
			return r
		}
	}
	maxLines := cfg.MaxLines
	if maxLines <= 0 {
		maxLines = DefaultMaxLines
	}
	if n := bytes.Count(data, []byte{'\n'}); n > maxLines {
		r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("skipped: %d lines, more than the %d-line limit (--max-lines)", n, maxLines)})
		return r
	}
	if isUTF16(data) {
		r.notices = append(r.notices, Notice{File: s.Path, Message: "skipped: UTF-16 text; save it as UTF-8 to lint it"})
		return r
	}
	if draft.IsBinary(data) {
		r.notices = append(r.notices, Notice{File: s.Path, Message: "skipped: binary file (NUL byte in its first 8 KB)"})
		return r
	}
	f := s.Format
	if !s.HasFormat {
		f = draft.FormatFor(s.Path)
	}
	var doc *draft.Document
	if err := safely(func() { doc = draft.Parse(s.Path, data, f) }); err != nil {
		r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("cannot parse: %v", err), Error: true})
		return r
	}
	r.src = data
	r.doc = doc
	r.linted = true
	set := Settings{Rules: cfg.Rules, Severity: cfg.Severity, Options: cfg.Options}
	if s.Settings != nil {
		set = *s.Settings
	}
	// one pass for the file, set up again for each rule
	var rule *Rule
	n, dropped := 0, 0
	p := &Pass{Doc: doc}
	p.report = func(f Finding) {
		if n >= MaxFindingsPerRule {
			dropped++
			return
		}
		n++
		r.findings = append(r.findings, f)
	}
	p.export = func(v any) {
		if r.facts == nil {
			r.facts = map[*Rule][]any{}
		}
		r.facts[rule] = append(r.facts[rule], v)
	}
	for _, rule = range set.Rules {
		if rule.Run == nil {
			continue
		}
		sev := rule.Severity
		if v, ok := set.Severity[rule.ID]; ok && v != 0 {
			sev = v
		}
		p.Rule, p.Options, p.Severity = rule, set.Options[rule.ID], sev
		n, dropped = 0, 0
		if err := safely(func() { rule.Run(p) }); err != nil {
			r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("rule %s failed and was skipped: %v", rule.ID, err)})
		}
		if dropped > 0 {
			r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("rule %s: %d more findings not shown (at most %d a rule a file)", rule.ID, dropped, MaxFindingsPerRule)})
		}
	}
	SortFindings(r.findings)
	r.findings = acceptFilter(doc, r.findings, set.Accept)
	r.findings = Suppress(doc, r.findings, cfg.ReportUnused)
	if cfg.Filter != nil {
		r.findings = cfg.Filter(doc, r.findings)
	}
	// kept until the end of the run: no spare capacity
	if cap(r.findings) > len(r.findings) {
		r.findings = append([]Finding(nil), r.findings...)
	}
	// only what the report needs outlives the lint: the parsed document and
	// its analyses are dropped unless asked for, and the source is kept
	// only when there are findings to show in it
	doc.ForgetMemo()
	if !cfg.KeepDocs {
		r.doc = nil
	}
	if len(r.findings) == 0 && len(r.facts) == 0 || cfg.DropSources {
		r.src = nil
	}
	return r
}

func isUTF16(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)
}

// SortNotices orders notices by file.
func SortNotices(ns []Notice) {
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].File < ns[j].File })
}
