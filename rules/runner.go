package rules

import (
	"cmp"
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
	// Workers is the number of files linted at once (default: one per CPU;
	// at most MaxWorkers).
	Workers int
	// MaxFileSize in bytes; larger files are skipped with a notice (0: 16 MiB).
	MaxFileSize int64
	// MaxLines: files with more lines are skipped with a notice (0: 100,000).
	// Parsing costs memory per line; no draft has this many.
	MaxLines int
	// KeepDocs keeps the parsed document of every file with findings.
	KeepDocs bool
	// ReportUnused reports suppression comments that suppress nothing.
	ReportUnused bool
	// MemoryBudget bounds the memory that the files being linted at once
	// take together, by an estimate from their size and lines: a file
	// waits for the others while its share is not free, and one whose
	// estimate is the whole budget is linted alone (0: 256 MiB).
	MemoryBudget int64
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
	// Skipped says the file was not linted on purpose (binary, UTF-16,
	// over --max-file-size or --max-lines); the caller decides whether
	// that fails the run (a file named explicitly) or is only noted.
	Skipped bool
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

// MaxWorkers bounds Config.Workers (--jobs): each worker holds a window of
// files ahead of the report, so a huge count would exhaust memory; no
// machine lints faster with more.
const MaxWorkers = 1024

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
	large    bool // its estimate was a quarter of the default budget or more
	// what the findings of rules that compare files still go through:
	// the file's suppression comments and the accepted words
	sup    *suppressions
	accept []string
}

// FileResult is one file's outcome, as Stream hands it on.
type FileResult struct {
	Path string
	// Findings are the file's, with those of rules that compare files,
	// sorted and filtered (suppression comments, accepted words).
	Findings []Finding
	Notices  []Notice
	// Source is the file's content when it has findings and
	// Config.DropSources is off; nil otherwise.
	Source []byte
	// Doc is the parsed document when Config.KeepDocs is on.
	Doc *draft.Document
	// Linted is false for a file that was skipped or could not be read.
	Linted bool
}

// Run lints every source and returns the sorted findings. It holds every
// finding until the end; Stream hands each file on as soon as it is done.
func Run(cfg Config, srcs []Source) *Result {
	res := &Result{Sources: map[string][]byte{}}
	if cfg.KeepDocs {
		res.Docs = map[string]*draft.Document{}
	}
	whole := Stream(cfg, srcs, func(r *FileResult) bool {
		res.Notices = append(res.Notices, r.Notices...)
		if r.Linted {
			res.Files++
		}
		res.Findings = append(res.Findings, r.Findings...)
		if len(r.Findings) > 0 && r.Source != nil {
			res.Sources[r.Path] = r.Source
			if cfg.KeepDocs {
				res.Docs[r.Path] = r.Doc
			}
		}
		return true
	})
	res.Notices = append(res.Notices, whole...)
	SortFindings(res.Findings)
	return res
}

// streamWindow is how many files, per worker, may be linted ahead of the
// next one to hand on: what a run holds at once, whatever its size.
const streamWindow = 16

// Stream lints every source, in path order, on Config.Workers goroutines
// and calls emit with each file's result in that order, on the calling
// goroutine, as soon as the file and every one before it are done. Files
// are linted at most a small window ahead of the one emit waits for, so
// the memory a run holds does not grow with the number of files. Rules
// that compare files (Rule.Across) see each file there, after every
// earlier one. When emit returns false (its report cannot be written, say)
// no further file is linted or handed on. Stream returns once its workers
// have stopped, with the notices that belong to no one file.
func Stream(cfg Config, srcs []Source, emit func(*FileResult) bool) []Notice {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, MaxWorkers, max(len(srcs), 1))
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return srcs[order[a]].Path < srcs[order[b]].Path })

	window := streamWindow * workers
	budget := newMemBudget(cfg.MemoryBudget)
	ring := make([]fileResult, window)
	ready := make([]bool, window)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	next, emitted := 0, 0
	var wg sync.WaitGroup
	// however Stream ends (emit said stop, or panicked), the workers take
	// no more files and are waited for
	defer func() {
		mu.Lock()
		next = len(order)
		cond.Broadcast()
		mu.Unlock()
		wg.Wait()
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for next < len(order) && next-emitted >= window {
					cond.Wait()
				}
				if next >= len(order) {
					mu.Unlock()
					return
				}
				k := next
				next++
				mu.Unlock()
				r := lintOne(cfg, srcs[order[k]], budget)
				if r.large {
					// a large file leaves much garbage: collect it before
					// the next one takes more (a collection costs what is
					// live, which is little now)
					runtime.GC()
				}
				mu.Lock()
				ring[k%window], ready[k%window] = r, true
				cond.Broadcast()
				mu.Unlock()
			}
		}()
	}

	// rules that compare files: one state per run
	type across struct {
		rule *Rule
		pass *AcrossPass
		fn   func(*AcrossPass)
	}
	var acrosses []across
	var notices []Notice
	for _, rule := range cfg.Rules {
		if rule.Across == nil {
			continue
		}
		a := across{rule: rule, pass: &AcrossPass{Rule: rule, Options: cfg.Options[rule.ID], Severity: severityOf(cfg, rule)}}
		if err := safely(func() { a.fn = rule.Across() }); err != nil {
			notices = append(notices, Notice{File: "(all files)", Message: fmt.Sprintf("rule %s failed and was skipped: %v", rule.ID, err)})
			continue
		}
		acrosses = append(acrosses, a)
	}

	for k := range order {
		mu.Lock()
		for !ready[k%window] {
			cond.Wait()
		}
		r := ring[k%window]
		ring[k%window], ready[k%window] = fileResult{}, false
		emitted++
		cond.Broadcast()
		mu.Unlock()

		s := &srcs[order[k]]
		fr := &FileResult{Path: s.Path, Findings: r.findings, Notices: r.notices, Source: r.src, Doc: r.doc, Linted: r.linted}
		n := len(fr.Findings)
		for i := range acrosses {
			a := &acrosses[i]
			if a.fn == nil {
				continue
			}
			p := a.pass
			p.File, p.Facts, p.found = s.Path, r.facts[a.rule], p.found[:0]
			err := safely(func() { a.fn(p) })
			if len(p.found) > 0 {
				found := acceptFilter(r.src, p.found, r.accept)
				vetAcross(*s, r.src, found)
				fr.Findings = append(fr.Findings, r.sup.filter(found)...)
			}
			if err != nil {
				notices = append(notices, Notice{File: "(all files)", Message: fmt.Sprintf("rule %s failed and was skipped: %v", a.rule.ID, err)})
				a.fn = nil
			}
		}
		if cfg.ReportUnused {
			// only now is it known which comments hid nothing
			fr.Findings = append(fr.Findings, r.sup.unused()...)
		}
		if len(fr.Findings) > n {
			SortFindings(fr.Findings)
		}
		if len(fr.Findings) == 0 || cfg.DropSources {
			fr.Source = nil
		}
		if !emit(fr) {
			break
		}
	}
	return notices
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
	f, err := openSource(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	// read into a buffer of the size stat gave and one byte more (one
	// allocation): a read of a regular file stops short only at its end, so
	// when the first read brings the size stat gave, the file is read
	// whole without asking again. A byte more means it grew since: read
	// the rest, up to the limit.
	size := int(st.Size())
	data := make([]byte, size+1)
	n := 0
	for n <= size {
		k, err := f.Read(data[n:])
		n += k
		if err == io.EOF || k == 0 && err == nil {
			break // it shrank since stat: what is there is the draft
		}
		if err != nil {
			return nil, err
		}
		if n == size {
			break
		}
	}
	data = data[:n]
	if n > size { // it grew
		more, err := io.ReadAll(io.LimitReader(f, maxSize-int64(n)+1))
		if err != nil {
			return nil, err
		}
		data = append(data, more...)
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%w: grew past the %d-byte limit while being read", errTooLarge, maxSize)
	}
	return data, nil
}

var errTooLarge = errors.New("file too large")

// memBudget is the memory that the files being linted at once may take
// together, by estimate: a file waits until its share is free, and a file
// whose estimate is the whole budget or more is linted alone.
type memBudget struct {
	mu         sync.Mutex
	cond       *sync.Cond
	free, size int64
}

func newMemBudget(size int64) *memBudget {
	if size <= 0 {
		size = DefaultMemoryBudget
	}
	b := &memBudget{free: size, size: size}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// take waits for n bytes of the budget (at most all of it) and returns the
// function that gives them back.
func (b *memBudget) take(n int64) func() {
	n = min(max(n, 0), b.size)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		b.free += n
		b.cond.Broadcast()
		b.mu.Unlock()
	}
}

// DefaultMemoryBudget is Config.MemoryBudget's default.
const DefaultMemoryBudget = 256 << 20

// Linting a file takes at most about costPerByte bytes of memory per byte
// and costPerLine per line (goldmark's tree and the document's blocks),
// markup-dense and word-dense drafts included: 15 MB of "*a* " peaks at
// 22 bytes a byte, of one-letter words at 39, and a line of a few
// characters costs about a kilobyte.
const (
	costPerByte = 48
	costPerLine = 1 << 10
)

func lintOne(cfg Config, s Source, budget *memBudget) (r fileResult) {
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
			r.notices = append(r.notices, Notice{File: s.Path, Message: msg, Error: isErr, Skipped: !isErr})
			return r
		}
	} else if maxSize := cmp.Or(max(cfg.MaxFileSize, 0), DefaultMaxFileSize); int64(len(data)) > maxSize {
		// standard input and staged files obey the limit as files on disk do
		r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("skipped: %v: %d bytes, more than the %d-byte limit (--max-file-size)", errTooLarge, len(data), maxSize), Skipped: true})
		return r
	}
	maxLines := cfg.MaxLines
	if maxLines <= 0 {
		maxLines = DefaultMaxLines
	}
	lines := draft.LineEnds(data)
	if lines > maxLines {
		r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("skipped: %d lines, more than the %d-line limit (--max-lines)", lines, maxLines), Skipped: true})
		return r
	}
	if isUTF16(data) {
		r.notices = append(r.notices, Notice{File: s.Path, Message: "skipped: UTF-16 text; save it as UTF-8 to lint it", Skipped: true})
		return r
	}
	if draft.IsBinary(data) {
		r.notices = append(r.notices, Notice{File: s.Path, Message: "skipped: binary file (NUL byte in its first 8 KB)", Skipped: true})
		return r
	}
	f := s.Format
	if !s.HasFormat {
		f = draft.FormatFor(s.Path)
	}
	// the other workers' files and this one stay within the budget
	cost := int64(len(data))*costPerByte + int64(lines)*costPerLine
	defer budget.take(cost)()
	r.large = cost >= DefaultMemoryBudget/4
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
	p.notice = func(msg string) {
		r.notices = append(r.notices, Notice{File: s.Path, Message: msg})
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
		sev, chosen := rule.Severity, false
		if v, ok := set.Severity[rule.ID]; ok && v != 0 {
			sev, chosen = v, true
		}
		p.Rule, p.Options, p.Severity, p.SeveritySet = rule, set.Options[rule.ID], sev, chosen
		n, dropped = 0, 0
		if err := safely(func() { rule.Run(p) }); err != nil {
			r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("rule %s failed and was skipped: %v", rule.ID, err)})
		}
		if dropped > 0 {
			r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("rule %s: %d more findings not shown (at most %d a rule a file)", rule.ID, dropped, MaxFindingsPerRule)})
		}
	}
	SortFindings(r.findings)
	r.findings = acceptFilter(data, r.findings, set.Accept)
	r.sup = parseSuppressions(doc)
	r.findings = r.sup.filter(r.findings)
	// no fix may break the file: each is checked against its markup
	if err := safely(func() { VetFixes(doc, r.findings) }); err != nil {
		for i := range r.findings {
			r.findings[i].Fixes = nil
		}
		r.notices = append(r.notices, Notice{File: s.Path, Message: fmt.Sprintf("fixes withheld: checking them failed: %v", err)})
	}
	r.accept = set.Accept
	// only what the report needs outlives the lint: the parsed document and
	// its analyses are dropped unless asked for, and the source is kept
	// only when there are findings to show in it
	doc.ForgetMemo()
	if !cfg.KeepDocs {
		r.doc = nil
	}
	// (a file with facts may get findings from rules that compare files,
	// whose accepted words are looked for in the source)
	if len(r.findings) == 0 && len(r.facts) == 0 || cfg.DropSources && (len(r.facts) == 0 || len(r.accept) == 0) {
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

// vetAcross checks the fixes of findings from a rule that compares files,
// as VetFixes does those of the others: the file is parsed again (its
// document is gone by then), or, when its content was dropped, the fixes
// are.
func vetAcross(s Source, src []byte, fs []Finding) {
	n := 0
	for i := range fs {
		n += len(fs[i].Fixes)
	}
	if n == 0 {
		return
	}
	if src == nil {
		for i := range fs {
			fs[i].Fixes = nil
		}
		return
	}
	f := s.Format
	if !s.HasFormat {
		f = draft.FormatFor(s.Path)
	}
	if err := safely(func() { VetFixes(draft.Parse(s.Path, src, f), fs) }); err != nil {
		for i := range fs {
			fs[i].Fixes = nil
		}
	}
}
