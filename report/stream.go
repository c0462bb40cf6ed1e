package report

import (
	"bufio"
	"io"

	"github.com/draftlint/draftlint/rules"
)

// Streamer is a Formatter that can also write a report file by file while
// the run goes on, so that no file's findings or text outlive its turn:
// Begin writes what comes first and returns the writer that takes each
// file's findings, files in path order. Format writes the same bytes.
type Streamer interface {
	Formatter
	Begin(w io.Writer, r *Report) (FileWriter, error)
}

// FileWriter takes a report one file at a time.
type FileWriter interface {
	// File writes one file's findings (sorted, all of that file's) and
	// may show its source (nil when not kept).
	File(fs []rules.Finding, src []byte) error
	// Flush writes out what is buffered (a terminal shows each file as
	// soon as it is done).
	Flush() error
	// End writes what follows the last file and flushes; it reads Files
	// and Elapsed from r (not its findings).
	End(r *Report) error
}

// formatStream is Format for a Streamer.
func formatStream(s Streamer, w io.Writer, r *Report) error {
	fw, err := s.Begin(w, r)
	if err != nil {
		return err
	}
	return formatFiles(fw, r)
}

// formatFiles hands fw the report's findings file by file, then ends it.
func formatFiles(fw FileWriter, r *Report) error {
	fs := r.Findings
	for len(fs) > 0 {
		n := 1
		for n < len(fs) && fs[n].File == fs[0].File {
			n++
		}
		if err := fw.File(fs[:n], r.Sources[fs[0].File]); err != nil {
			return err
		}
		fs = fs[n:]
	}
	return fw.End(r)
}

// tally counts findings by severity as they pass.
type tally struct{ errs, warns, infos int }

func (t *tally) add(fs []rules.Finding) {
	for i := range fs {
		switch fs[i].Severity {
		case rules.Error:
			t.errs++
		case rules.Warning:
			t.warns++
		case rules.Info:
			t.infos++
		}
	}
}

// newBuffered wraps w for a streamed report; End flushes it.
func newBuffered(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
