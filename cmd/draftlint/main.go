// Command draftlint lints article drafts for placeholder filler, duplicated
// headlines, inconsistent contact data and unsupported claims.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/report"
	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/all" // every rule family
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// version is set by the linker for releases; otherwise read from build info.
var version = ""

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a bad command line, config or unreadable path: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// run is the whole CLI; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := exitOK
	app := newApp(stdin, stdout, stderr, &code)
	err := app.Run(reorder(args, app))
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "draftlint: %s\n", ue.msg)
		} else {
			fmt.Fprintf(stderr, "draftlint: %s\n", err)
		}
		return exitUsage
	}
	return code
}

func lintFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.Names, ", ")},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report: auto (only on a terminal, and not when NO_COLOR is set), always, never"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info, never"},
		&cli.StringSliceFlag{Name: "enable", Usage: "run only these rules or categories (repeat or comma-separate)"},
		&cli.StringSliceFlag{Name: "disable", Usage: "do not run these rules or categories (repeat or comma-separate)"},
		&cli.StringSliceFlag{Name: "include", Usage: "lint only files matching these globs when walking folders (doublestar syntax, e.g. 'posts/**/*.md')"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "skip files and folders matching these globs"},
		&cli.BoolFlag{Name: "no-ignore", Usage: "do not honour .gitignore files when walking folders"},
		&cli.StringFlag{Name: "stdin-filename", Usage: "with '-': the name findings are reported under; its extension chooses the format (default: plain text)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only: no summary line and no notices about skipped files"},
		&cli.BoolFlag{Name: "compact", Usage: "text format: one line per finding, no excerpts"},
		&cli.Int64Flag{Name: "max-file-size", Value: rules.DefaultMaxFileSize, Usage: "skip files larger than this many bytes, with a notice"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files linted at once (default: one per CPU)"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to this file instead of standard output"},
		&cli.BoolFlag{Name: "diff", Usage: "print a unified diff of every available fix (for git apply or patch -p1) instead of the report; files are not changed"},
		&cli.BoolFlag{Name: "fix", Usage: "apply every available fix in place (atomically), then report what remains; with - the fixed text goes to standard output and the report to standard error"},
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, code *int) *cli.App {
	return &cli.App{
		Name:      "draftlint",
		Usage:     "lint article drafts for filler, duplicated headlines, contradictory contact data and unsupported claims",
		UsageText: "draftlint [flags] PATH...   (a PATH is a file, a folder, or - for standard input)\ndraftlint rules | explain RULE | version",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags:     lintFlags(),
		// errors are printed by run
		ExitErrHandler:       func(*cli.Context, error) {},
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v (see draftlint --help)", err)
		},
		Action: func(c *cli.Context) error {
			return lintAction(c, stdin, stdout, stderr, code)
		},
		Commands: []*cli.Command{
			{
				Name:  "rules",
				Usage: "list every rule with its default severity and what it finds",
				Action: func(c *cli.Context) error {
					return listRules(stdout)
				},
			},
			{
				Name:      "explain",
				Usage:     "explain a rule: what it finds, why, and how to mend it",
				ArgsUsage: "RULE",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("explain takes one rule ID (see draftlint rules)")
					}
					r := rules.Lookup(c.Args().First())
					if r == nil {
						return usagef("unknown rule %q (see draftlint rules)", c.Args().First())
					}
					fmt.Fprintf(stdout, "%s (%s, default severity %s)\n\n%s\n\n%s\n", r.ID, r.Category, r.Severity, r.Doc, r.Explanation)
					return nil
				},
			},
			{
				Name:  "version",
				Usage: "print the version",
				Action: func(c *cli.Context) error {
					fmt.Fprintf(stdout, "draftlint %s\n", versionString())
					return nil
				},
			},
		},
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func listRules(w io.Writer) error {
	all := rules.All()
	width := 0
	for _, r := range all {
		width = max(width, len(r.ID))
	}
	for _, r := range all {
		fmt.Fprintf(w, "%-*s  %-7s  %s\n", width, r.ID, r.Severity, r.Doc)
	}
	return nil
}

// selectRules applies --enable and --disable (rule IDs or categories).
func selectRules(enable, disable []string) ([]*rules.Rule, error) {
	all := rules.All()
	known := func(name string) bool {
		for _, r := range all {
			if r.ID == name || r.Category == name {
				return true
			}
		}
		return false
	}
	split := func(in []string) []string {
		var out []string
		for _, s := range in {
			for _, p := range strings.Split(s, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	en, dis := split(enable), split(disable)
	for _, n := range append(append([]string{}, en...), dis...) {
		if !known(n) {
			return nil, usagef("unknown rule or category %q (see draftlint rules)", n)
		}
	}
	match := func(r *rules.Rule, names []string) bool {
		for _, n := range names {
			if r.ID == n || r.Category == n {
				return true
			}
		}
		return false
	}
	var out []*rules.Rule
	for _, r := range all {
		if len(en) > 0 && !match(r, en) {
			continue
		}
		if match(r, dis) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

func useColor(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if _, ok := os.LookupEnv("NO_COLOR"); ok && os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		if os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := stdout.(*os.File)
		return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
	}
	return false, usagef("--color must be auto, always or never, not %q", mode)
}

// termWidth is the terminal's width (COLUMNS, else asked of the terminal),
// or 0 when standard output is not a terminal.
func termWidth(w io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 20 {
		return n
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
			return cols
		}
	}
	return 0
}

func failLevel(s string) (rules.Severity, error) {
	if s == "never" {
		return rules.Error + 1, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return 0, usagef("--fail-on must be error, warning, info or never, not %q", s)
	}
	return sev, nil
}

func lintAction(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer, code *int) error {
	start := time.Now()
	if c.NArg() == 0 {
		_ = cli.ShowAppHelp(c)
		return usagef("no PATH given: name the drafts or folders to lint, or - for standard input")
	}
	color, err := useColor(c.String("color"), stdout)
	if err != nil {
		return err
	}
	fail, err := failLevel(c.String("fail-on"))
	if err != nil {
		return err
	}
	fmtr, err := report.New(c.String("format"), report.Options{Color: color, Compact: c.Bool("compact"), Quiet: c.Bool("quiet"), Width: termWidth(stdout)})
	if err != nil {
		return usagef("--format: %v", err)
	}
	selected, err := selectRules(c.StringSlice("enable"), c.StringSlice("disable"))
	if err != nil {
		return err
	}
	w := &walker{include: c.StringSlice("include"), exclude: c.StringSlice("exclude"), noIgnore: c.Bool("no-ignore")}
	var srcs []rules.Source
	stdinUsed := false
	for _, p := range c.Args().Slice() {
		if p == "-" {
			if stdinUsed {
				continue
			}
			stdinUsed = true
			data, err := io.ReadAll(stdin)
			if err != nil {
				return usagef("cannot read standard input: %v", err)
			}
			name := c.String("stdin-filename")
			if name == "" {
				name = "<stdin>"
			}
			srcs = append(srcs, rules.Source{Path: name, Data: data, Format: draft.FormatFor(name), HasFormat: true})
			continue
		}
		w.walk(p)
	}
	for _, f := range w.files {
		srcs = append(srcs, rules.Source{Path: f})
	}
	cfg := rules.Config{Rules: selected, Workers: c.Int("jobs"), MaxFileSize: c.Int64("max-file-size")}
	res := rules.Run(cfg, srcs)

	failed := false
	for _, p := range w.problems {
		fmt.Fprintf(stderr, "draftlint: %s: %s\n", p.path, p.msg)
		failed = true
	}
	printNotices := func(ns []rules.Notice) {
		rules.SortNotices(ns)
		for _, n := range ns {
			if n.Error {
				failed = true
			} else if c.Bool("quiet") {
				continue
			}
			fmt.Fprintf(stderr, "draftlint: %s\n", n)
		}
	}
	printNotices(res.Notices)

	out := stdout
	if c.Bool("diff") {
		if err := writeDiffs(stdout, res); err != nil {
			return fmt.Errorf("writing the diff: %w", err)
		}
		*code = exitCode(res.Findings, fail, failed)
		return nil
	}
	if c.Bool("fix") {
		fixed, stdinFixed, err := applyFixes(res, srcs, stdout, stderr)
		if err != nil {
			failed = true
		}
		if stdinUsed {
			out = stderr // standard output carries the fixed text
		}
		if fixed > 0 {
			// lint again what was fixed: the remaining findings decide
			again := make([]rules.Source, len(srcs))
			copy(again, srcs)
			for i := range again {
				if again[i].Data != nil && stdinFixed != nil {
					again[i].Data = stdinFixed
				}
			}
			res = rules.Run(cfg, again)
		}
	}
	var names []string
	for _, s := range srcs {
		names = append(names, s.Path)
	}
	rep := &report.Report{Findings: res.Findings, Sources: res.Sources, Files: res.Files, FileNames: names, Rules: selected,
		Notices: res.Notices, Elapsed: time.Since(start), Version: versionString()}
	if o := c.String("output"); o != "" {
		f, err := os.Create(o)
		if err != nil {
			return usagef("--output: %v", err)
		}
		werr := fmtr.Format(f, rep)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("writing the report to %s: %w", o, werr)
		}
	} else if err := fmtr.Format(out, rep); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	*code = exitCode(res.Findings, fail, failed)
	return nil
}

func exitCode(fs []rules.Finding, fail rules.Severity, failed bool) int {
	if failed {
		return exitUsage
	}
	for _, f := range fs {
		if f.Severity >= fail {
			return exitFindings
		}
	}
	return exitOK
}

// reorder moves flags that follow paths in front of them, so that
// `draftlint draft.md --format json` works like `draftlint --format json
// draft.md`. Everything after "--" stays a path.
func reorder(args []string, app *cli.App) []string {
	if len(args) < 2 {
		return args
	}
	for _, cmd := range app.Commands {
		if args[1] == cmd.Name {
			return args
		}
	}
	takesValue := map[string]bool{}
	for _, f := range app.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, paths []string
	rest := args[1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			paths = append(paths, rest[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(rest) {
				flags = append(flags, rest[i+1])
				i++
			}
			continue
		}
		paths = append(paths, a)
	}
	out := append([]string{args[0]}, flags...)
	if len(paths) > 0 {
		out = append(out, "--")
		out = append(out, paths...)
	}
	return out
}
