package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/draftlint/draftlint/report"
	"github.com/draftlint/draftlint/rules"
)

// alsoFlag is --also FORMAT=FILE, repeatable. It is not a string slice
// flag, which would split a file name at its commas.
type alsoFlag struct{ specs []string }

func (a *alsoFlag) Set(v string) error {
	a.specs = append(a.specs, v)
	return nil
}

func (a *alsoFlag) String() string { return strings.Join(a.specs, " ") }

// alsoReport is one more report of the run, written to a file.
type alsoReport struct {
	file string
	fmtr report.Formatter
}

// alsoReports reads --also: each FORMAT=FILE names a known format and a
// file that is not one of the drafts to lint.
func alsoReports(c *cli.Context, srcs []rules.Source) ([]alsoReport, error) {
	a, _ := c.Generic("also").(*alsoFlag)
	if a == nil {
		return nil, nil
	}
	var out []alsoReport
	for _, spec := range a.specs {
		name, file, ok := strings.Cut(spec, "=")
		if !ok || file == "" || !slices.Contains(report.Names, name) {
			return nil, usagef("--also takes FORMAT=FILE with FORMAT one of %s, not %q", strings.Join(report.Names, ", "), spec)
		}
		if file == c.String("output") || slices.ContainsFunc(out, func(r alsoReport) bool { return r.file == file }) {
			return nil, usagef("--also %s: %s already takes a report", spec, file)
		}
		if err := checkOutput("--also", file, srcs, c.Bool("staged")); err != nil {
			return nil, err
		}
		f, err := report.New(name, report.Options{}) // a file: no colour, no terminal width
		if err != nil {
			return nil, usagef("--also: %v", err)
		}
		out = append(out, alsoReport{file: file, fmtr: f})
	}
	return out, nil
}

// writeAlso writes the --also reports.
func writeAlso(also []alsoReport, rep *report.Report) error {
	for _, a := range also {
		f, err := createOutput(a.file)
		if err != nil {
			return usagef("--also: %v", err)
		}
		werr := a.fmtr.Format(f, rep)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("writing the report to %s: %w", a.file, werr)
		}
	}
	return nil
}
