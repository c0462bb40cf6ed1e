// Command draftlint lints article drafts for placeholder filler, duplicated
// headlines, inconsistent contact data and unsupported claims.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/draftlint/draftlint/config"
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

func init() {
	// --version prints what the version command prints
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintf(c.App.Writer, "draftlint %s\n", c.App.Version) }
}

func main() {
	stop := profile()
	untune := tuneMemory()
	code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
	untune()
	stop()
	os.Exit(code)
}

// usageError is a bad command line, config or unreadable path: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// run is the whole CLI; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := exitOK
	app := newApp(stdin, stdout, stderr, &code)
	argv, pathsOnly := reorder(args, app)
	if pathsOnly {
		// "draftlint -- rules" lints a file named rules: after "--" no
		// word is a subcommand, nor help (the --help flag stays)
		app.Commands = nil
		app.HideHelp = true
	}
	err := app.Run(argv)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			warnf(stderr, "%s", ue.msg)
		} else {
			warnf(stderr, "%s", err)
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
		&cli.StringFlag{Name: "stdin-filename", DefaultText: "<stdin>, read as plain text", Usage: "with '-': the name findings are reported under; its extension chooses the format"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only: no summary line and no notices about skipped files"},
		&cli.BoolFlag{Name: "compact", Usage: "text format: one line per finding, no excerpts"},
		&cli.Int64Flag{Name: "max-file-size", Value: rules.DefaultMaxFileSize, Usage: "skip files larger than this many bytes, with a notice"},
		&cli.IntFlag{Name: "max-lines", Value: rules.DefaultMaxLines, Usage: "skip files with more lines than this, with a notice"},
		&cli.BoolFlag{Name: "skip-unreadable", Usage: "a file named on the command line that cannot be linted (binary, UTF-16, over --max-file-size or --max-lines) is skipped with a notice instead of failing the run (exit 2)"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, DefaultText: "one per CPU", Usage: "files linted at once, at most 1024"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to this file instead of standard output"},
		&cli.GenericFlag{Name: "also", Value: &alsoFlag{}, Usage: "also write the run's report in FORMAT to FILE, from the same run (FORMAT=FILE, repeatable): --format github --also sarif=draftlint.sarif"},
		&cli.BoolFlag{Name: "diff", Usage: "print a unified diff of every available fix (for git apply or patch -p1) instead of the report; files are not changed"},
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, DefaultText: "the nearest " + config.FileName + " above each file", Usage: "use this config file for every file"},
		&cli.BoolFlag{Name: "report-unused", Usage: "report suppression comments that suppress nothing (info)"},
		&cli.IntFlag{Name: "max-warnings", Value: -1, DefaultText: "no limit", Usage: "exit 1 when there are more than N warnings"},
		&cli.StringFlag{Name: "baseline", Usage: "report and fail only on findings not recorded in this baseline file (see draftlint baseline write)"},
		&cli.StringFlag{Name: "new-from-rev", Usage: "report only findings on lines changed since this git revision (e.g. origin/main)"},
		&cli.BoolFlag{Name: "staged", Usage: "lint the staged version of every staged file, read from the git index (what the pre-commit hook runs)"},
		&cli.BoolFlag{Name: "fix", Usage: "apply every available fix in place (atomically), then report what remains; with - the fixed text goes to standard output and the report to standard error"},
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, code *int) *cli.App {
	return &cli.App{
		Name:  "draftlint",
		Usage: "lint article drafts for filler, duplicated headlines, contradictory contact data and unsupported claims",
		UsageText: "draftlint [flags] PATH...   (a PATH is a file, a folder, or - for standard input)\n" +
			"draftlint --staged [flags]  (the staged version of staged drafts: the pre-commit hook)\n" +
			"draftlint rules | explain RULE|CATEGORY | init | config [PATH] | baseline write FILE PATH... | hook install|uninstall | version | completion SHELL | man | help [COMMAND]",
		Version:   versionString(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// --help is listed here: urfave/cli adds it only when there is no
		// help command, and there is one (our own)
		Flags: append(lintFlags(), cli.HelpFlag),
		// errors are printed by run
		ExitErrHandler:       func(*cli.Context, error) {},
		HideHelpCommand:      true, // our own help command below: urfave's would answer to "h" too
		EnableBashCompletion: true, // --generate-bash-completion, which the completion scripts call
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
				Usage:     "explain a rule, or every rule of a category: what it finds, why, and how to mend it",
				ArgsUsage: "RULE|CATEGORY",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("explain takes one rule ID or category (see draftlint rules)")
					}
					name := c.Args().First()
					var rs []*rules.Rule
					if r := rules.Lookup(name); r != nil {
						rs = append(rs, r)
					} else {
						for _, r := range rules.All() {
							if r.Category == name {
								rs = append(rs, r)
							}
						}
					}
					if len(rs) == 0 {
						return usagef("unknown rule or category %q (see draftlint rules)", name)
					}
					for i, r := range rs {
						if i > 0 {
							fmt.Fprintln(stdout)
						}
						fmt.Fprintf(stdout, "%s (%s, default severity %s)\n\n%s\n\n%s\n", r.ID, r.Category, r.Severity, r.Doc, r.Explanation)
						if len(r.OptionDocs) > 0 {
							fmt.Fprintf(stdout, "\nOptions (rules.%s.options in %s):\n", r.ID, config.FileName)
							for _, k := range slices.Sorted(maps.Keys(r.OptionDocs)) {
								fmt.Fprintf(stdout, "  %s: %s\n", k, r.OptionDocs[k])
							}
						}
					}
					return nil
				},
			},
			{
				Name:      "init",
				Usage:     "write a commented starter " + config.FileName + " in the current folder",
				ArgsUsage: " ",
				Action: func(c *cli.Context) error {
					err := writeNewFile(config.FileName, []byte(config.Starter()))
					if errors.Is(err, fs.ErrExist) {
						return usagef("%s already exists; remove it first to start over", config.FileName)
					}
					if err != nil {
						return usagef("cannot write %s: %v", config.FileName, err)
					}
					fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
					return nil
				},
			},
			{
				Name:      "config",
				Usage:     "print the effective configuration for a path (default: the current folder)",
				ArgsUsage: "[PATH]",
				Flags:     lintFlags(),
				Action: func(c *cli.Context) error {
					return printConfig(c, stdout)
				},
			},
			{
				Name:  "baseline",
				Usage: "record today's findings so that CI fails only on new ones (--baseline FILE)",
				Subcommands: []*cli.Command{{
					Name:      "write",
					Usage:     "lint PATHs and write their findings to FILE",
					ArgsUsage: "FILE PATH...",
					Flags:     lintFlags(),
					Action: func(c *cli.Context) error {
						if c.NArg() < 2 {
							return usagef("baseline write takes the baseline FILE and the PATHs to lint")
						}
						file := c.Args().First()
						sub := &argsContext{c, c.Args().Slice()[1:]}
						srcs, w, def, stdinUsed, err := collectArgs(sub, stdin)
						if err != nil {
							return err
						}
						if err := checkOutput("baseline write:", file, srcs, c.Bool("staged")); err != nil {
							return err
						}
						nt := newNotices(c, sub.paths, stderr, stdinUsed)
						if w.say(stderr, c.Bool("quiet")) {
							nt.failed = true
						}
						res := rules.Run(rules.Config{Rules: def.Rules, Severity: def.Severity, Options: def.Options,
							MaxFileSize: c.Int64("max-file-size"), MaxLines: c.Int("max-lines")}, srcs)
						// a file that could not be read, or a named one that
						// could not be linted, is missing from the baseline
						rules.SortNotices(res.Notices)
						for _, n := range res.Notices {
							nt.print(n)
						}
						n, err := writeBaseline(file, res)
						if err != nil {
							return usagef("cannot write %s: %v", file, err)
						}
						fmt.Fprintf(stdout, "wrote %d %s to %s\n", n, plural(n, "finding", "findings"), report.Sanitize(file))
						if nt.failed {
							*code = exitUsage
						}
						return nil
					},
				}},
			},
			{
				Name:  "hook",
				Usage: "manage the git pre-commit hook",
				Subcommands: []*cli.Command{{
					Name:  "install",
					Usage: "write .git/hooks/pre-commit, which lints the staged version of staged drafts",
					Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "replace an existing pre-commit hook that is not the one draftlint wrote, or a symbolic link there (the link itself, not what it points to)"}},
					Action: func(c *cli.Context) error {
						done, err := installHook(c.Bool("force"))
						if err != nil {
							return usagef("hook install: %v", err)
						}
						fmt.Fprintln(stdout, report.Sanitize(done))
						return nil
					},
				}, {
					Name:  "uninstall",
					Usage: "remove .git/hooks/pre-commit if it is the hook draftlint wrote (any other hook is left alone)",
					Action: func(c *cli.Context) error {
						done, err := uninstallHook()
						if err != nil {
							return usagef("hook uninstall: %v", err)
						}
						fmt.Fprintln(stdout, report.Sanitize(done))
						return nil
					},
				}},
			},
			{
				Name:      "help",
				Usage:     "show the help, or a command's help",
				ArgsUsage: "[COMMAND]",
				Action: func(c *cli.Context) error {
					if c.NArg() == 0 {
						return cli.ShowAppHelp(c)
					}
					parent := c.Lineage()[1]
					if parent.App.Command(c.Args().First()) == nil {
						return usagef("help: no command %q (see draftlint help)", c.Args().First())
					}
					return cli.ShowCommandHelp(parent, c.Args().First())
				},
			},
			{
				Name:      "completion",
				Usage:     "print a shell completion script: bash (zsh after bashcompinit) or fish",
				ArgsUsage: "bash|fish",
				Action: func(c *cli.Context) error {
					return printCompletion(c, stdout)
				},
			},
			{
				Name:  "man",
				Usage: "print the manual page (roff), e.g. draftlint man > draftlint.1",
				Action: func(c *cli.Context) error {
					page, err := c.App.ToManWithSection(1)
					if err != nil {
						return err
					}
					_, err = io.WriteString(stdout, page)
					return err
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

// devVersion is the version of this source tree, for a build that carries
// none: the release it leads to, "-dev".
const devVersion = "v0.1.0-dev"

// versionString is the version set at build time (-ldflags "-X
// main.version=…"), else the module's version (go install …@v1.2.3), else
// devVersion with the commit the build info names, if any.
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return devVersion
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v, dirty := devVersion, false
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			v += "+" + s.Value[:12]
		case s.Key == "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty && strings.Contains(v, "+") {
		v += ".dirty"
	}
	return v
}

func listRules(w io.Writer) error {
	all := rules.All()
	width := 0
	for _, r := range all {
		width = max(width, len(r.ID))
	}
	for _, r := range all {
		sev := r.Severity.String()
		if r.Off {
			sev = "off"
		}
		fmt.Fprintf(w, "%-*s  %-7s  %s\n", width, r.ID, sev, r.Doc)
	}
	return nil
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

// collect gathers the sources to lint with each file's settings (from its
// nearest config file) and the problems met on the way.
func collect(c *cli.Context, stdin io.Reader) (srcs []rules.Source, w *walker, def *rules.Settings, stdinUsed bool, err error) {
	return collectArgs(&argsContext{c, c.Args().Slice()}, stdin)
}

// argsContext is a command's flags with the paths to lint.
type argsContext struct {
	*cli.Context
	paths []string
}

func collectArgs(c *argsContext, stdin io.Reader) (srcs []rules.Source, w *walker, def *rules.Settings, stdinUsed bool, err error) {
	fl := config.Flags{Enable: c.StringSlice("enable"), Disable: c.StringSlice("disable")}
	cfgs, err := newConfigs(c.String("config"), fl)
	if err != nil {
		return nil, nil, nil, false, usageError{err.Error()}
	}
	wd, _ := os.Getwd()
	rootCfg, err := cfgs.forDir(wd)
	if err != nil {
		return nil, nil, nil, false, usageError{err.Error()}
	}
	def, err = cfgs.settingsFor(rootCfg)
	if err != nil {
		return nil, nil, nil, false, usageError{err.Error()}
	}
	if err := checkFlagValues(c.Context); err != nil {
		return nil, nil, nil, false, err
	}
	w = &walker{include: c.StringSlice("include"), exclude: c.StringSlice("exclude"), noIgnore: c.Bool("no-ignore")}
	if c.Bool("staged") {
		srcs, err = stagedSources(w)
		if err != nil {
			return nil, nil, nil, false, usageError{err.Error()}
		}
	}
	w.setRoots(c.paths)
	for _, p := range c.paths {
		if p == "-" {
			if stdinUsed {
				continue
			}
			stdinUsed = true
			data, err := io.ReadAll(stdin)
			if err != nil {
				return nil, nil, nil, false, usagef("cannot read standard input: %v", err)
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
	// each file's settings come from its nearest config
	kept := srcs[:0]
	for _, s := range srcs {
		dir := filepath.Dir(s.Path)
		if s.Data != nil && !c.Bool("staged") {
			dir = wd
		}
		f, err := cfgs.forDir(dir)
		if err != nil {
			return nil, nil, nil, false, usageError{err.Error()}
		}
		if s.Data == nil && !included(f, s.Path) {
			continue
		}
		set, err := cfgs.settingsFor(f)
		if err != nil {
			return nil, nil, nil, false, usageError{err.Error()}
		}
		s.Settings = set
		kept = append(kept, s)
	}
	return kept, w, def, stdinUsed, nil
}

// checkFlagValues refuses globs that cannot match and numbers out of range,
// which would otherwise lint nothing, or everything, without a word.
func checkFlagValues(c *cli.Context) error {
	for _, name := range []string{"include", "exclude"} {
		for _, g := range c.StringSlice(name) {
			if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
				return usagef("--%s: bad glob %q", name, g)
			}
		}
	}
	if j := c.Int("jobs"); j < 0 || j > rules.MaxWorkers {
		return usagef("--jobs must be from 0 (one per CPU) to %d, not %d", rules.MaxWorkers, j)
	}
	if c.Int64("max-file-size") < 1 {
		return usagef("--max-file-size must be 1 byte or more, not %d", c.Int64("max-file-size"))
	}
	if c.Int("max-lines") < 1 {
		return usagef("--max-lines must be 1 or more, not %d", c.Int("max-lines"))
	}
	if c.Int("max-warnings") < -1 {
		return usagef("--max-warnings must be 0 or more (-1: no limit), not %d", c.Int("max-warnings"))
	}
	return nil
}

func lintAction(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer, code *int) error {
	start := time.Now()
	if c.NArg() == 0 && !c.Bool("staged") {
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
	if c.Bool("fix") && c.Bool("diff") {
		return usagef("--fix and --diff do not go together")
	}
	if c.Bool("fix") && c.Bool("staged") && slices.Contains(c.Args().Slice(), "-") {
		return usagef("--staged --fix does not take - (standard input): its fixed text and the staged files' would be mixed up")
	}
	srcs, w, def, stdinUsed, err := collect(c, stdin)
	if err != nil {
		return err
	}
	if err := checkOutput("--output", c.String("output"), srcs, c.Bool("staged")); err != nil {
		return err
	}
	also, err := alsoReports(c, srcs)
	if err != nil {
		return err
	}
	selected := def.Rules
	cfg := rules.Config{Rules: selected, Severity: def.Severity, Options: def.Options, Workers: c.Int("jobs"),
		MaxFileSize: c.Int64("max-file-size"), MaxLines: c.Int("max-lines"), ReportUnused: c.Bool("report-unused")}
	switch c.String("format") {
	case "json", "sarif", "github", "checkstyle", "junit":
		// these show no excerpts: free each file once linted, unless a fix,
		// a diff or a baseline needs its text
		cfg.DropSources = !c.Bool("fix") && !c.Bool("diff") && c.String("baseline") == "" && len(also) == 0
	}
	nt := newNotices(c, c.Args().Slice(), stderr, stdinUsed)
	if w.say(stderr, c.Bool("quiet")) {
		nt.failed = true
	}
	if st, ok := fmtr.(report.Streamer); ok && !c.Bool("fix") && !c.Bool("diff") && c.String("baseline") == "" && len(also) == 0 {
		// each file's findings are written as soon as it and the files
		// before it are linted: memory stays flat however many files
		changed, err := changedSince(c, srcs)
		if err != nil {
			return err
		}
		return streamReport(c, st, streamRun{cfg: cfg, srcs: srcs, changed: changed, selected: selected, start: start,
			fail: fail, notices: nt}, stdout, stderr, code)
	}
	res := rules.Run(cfg, srcs)
	rules.SortNotices(res.Notices)
	for _, n := range res.Notices {
		nt.print(n)
	}
	failed := nt.failed
	// --fix and --diff mend only what the report shows
	if err := gate(c, res, srcs); err != nil {
		return err
	}

	out := stdout
	if c.Bool("diff") {
		if err := writeDiffs(stdout, res); err != nil {
			return fmt.Errorf("writing the diff: %w", err)
		}
		var o outcome
		o.add(res.Findings, fail)
		*code = o.code(failed)
		return nil
	}
	if c.Bool("fix") {
		fixed, stdinFixed, err := applyFixes(res, srcs, c.Bool("staged"), w.inside, stdout, stderr)
		if err != nil {
			failed = true
		}
		if stdinUsed {
			out = stderr // standard output carries the fixed text
		}
		if fixed > 0 {
			// lint again what was fixed: the remaining findings decide.
			// Staged sources stay the staged versions (the index is not
			// written), so what the fixes mended in the working tree still
			// stops the commit until it is staged
			again := make([]rules.Source, len(srcs))
			copy(again, srcs)
			for i := range again {
				if again[i].Data != nil && stdinFixed != nil && !c.Bool("staged") {
					again[i].Data = stdinFixed
				}
			}
			res = rules.Run(cfg, again)
			if err := gate(c, res, srcs); err != nil {
				return err
			}
		}
	}
	var names []string
	for _, s := range srcs {
		names = append(names, s.Path)
	}
	rep := &report.Report{Findings: res.Findings, Sources: res.Sources, Files: res.Files, FileNames: names, Rules: selected,
		Notices: res.Notices, Elapsed: time.Since(start), Version: versionString(), FailOn: fail}
	rw, done, err := reportWriter(c, out)
	if err != nil {
		return err
	}
	if err := done(fmtr.Format(rw, rep)); err != nil {
		return err
	}
	if err := writeAlso(also, rep); err != nil {
		return err
	}
	var o outcome
	o.add(res.Findings, fail)
	*code = o.code(failed)
	checkMaxWarnings(c, o.warns, stderr, code)
	return nil
}

// gate keeps of res's findings those the CI gates let through: with
// --new-from-rev only those on lines changed since the revision, with
// --baseline only those it does not record. It runs before --fix and
// --diff, which mend only what the report shows, and again on what is left
// after a fix (the lines changed are asked of git again).
func gate(c *cli.Context, res *rules.Result, srcs []rules.Source) error {
	changed, err := changedSince(c, srcs)
	if err != nil {
		return err
	}
	if changed != nil {
		res.Findings = onlyNew(res.Findings, changed)
	}
	if b := c.String("baseline"); b != "" {
		res.Findings, err = applyBaseline(b, res.Findings, res.Sources)
		if err != nil {
			return usageError{err.Error()}
		}
	}
	return nil
}

// changedSince is --new-from-rev's changed lines of the files to lint (nil
// without the flag).
func changedSince(c *cli.Context, srcs []rules.Source) (map[string]map[int]bool, error) {
	rev := c.String("new-from-rev")
	if rev == "" {
		return nil, nil
	}
	var files []string
	for _, s := range srcs {
		if s.Data == nil || c.Bool("staged") {
			files = append(files, s.Path)
		}
	}
	changed, err := changedLines(rev, files)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return changed, nil
}

// outcome is what the reported findings say about the exit code.
type outcome struct {
	gate  bool // a finding at or above --fail-on
	warns int
}

func (o *outcome) add(fs []rules.Finding, fail rules.Severity) {
	for i := range fs {
		if fs[i].Severity >= fail {
			o.gate = true
		}
		if fs[i].Severity == rules.Warning {
			o.warns++
		}
	}
}

// code is the exit code; failed says a path or a file could not be read.
func (o outcome) code(failed bool) int {
	switch {
	case failed:
		return exitUsage
	case o.gate:
		return exitFindings
	}
	return exitOK
}

// reportWriter is where the report goes: --output's file, or out. done
// closes the file and says what went wrong writing, naming where.
func reportWriter(c *cli.Context, out io.Writer) (io.Writer, func(error) error, error) {
	o := c.String("output")
	if o == "" {
		return out, func(err error) error {
			if err != nil {
				return fmt.Errorf("writing the report: %w", err)
			}
			return nil
		}, nil
	}
	f, err := createOutput(o)
	if err != nil {
		return nil, nil, usagef("--output: %v", err)
	}
	return f, func(werr error) error {
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("writing the report to %s: %w", o, werr)
		}
		return nil
	}, nil
}

// checkMaxWarnings fails a run that passed but has more warnings than
// --max-warnings allows.
func checkMaxWarnings(c *cli.Context, warns int, stderr io.Writer, code *int) {
	if max := c.Int("max-warnings"); max >= 0 && *code == exitOK && warns > max {
		warnf(stderr, "%d %s, more than --max-warnings %d", warns, plural(warns, "warning", "warnings"), max)
		*code = exitFindings
	}
}

// streamRun is what streamReport needs of lintAction.
type streamRun struct {
	cfg      rules.Config
	srcs     []rules.Source
	changed  map[string]map[int]bool // --new-from-rev's changed lines, when given
	selected []*rules.Rule
	start    time.Time
	fail     rules.Severity
	notices  *notices
}

// streamReport lints and writes the report file by file: each file's
// notices go to stderr and its findings to the report as soon as it and
// every file before it are done, and nothing of it is kept.
func streamReport(c *cli.Context, st report.Streamer, sr streamRun, out, stderr io.Writer, code *int) error {
	rw, done, err := reportWriter(c, out)
	if err != nil {
		return err
	}
	rep := &report.Report{Rules: sr.selected, Version: versionString()} // FileNames: only JUnit, which does not stream
	// rules beyond the selected ones that may report: those of folders'
	// own configs, and unused suppressions (SARIF lists rules first)
	more := map[string]bool{}
	seen := map[*rules.Settings]bool{} // files of one config share their settings
	for _, s := range sr.srcs {
		if s.Settings != nil && !seen[s.Settings] {
			seen[s.Settings] = true
			for _, ru := range s.Settings.Rules {
				more[ru.ID] = true
			}
		}
	}
	if sr.cfg.ReportUnused {
		more[rules.UnusedSuppression] = true
	}
	for id := range more {
		rep.MoreRules = append(rep.MoreRules, id)
	}
	fw, err := st.Begin(rw, rep)
	if err != nil {
		return done(err)
	}
	// on a terminal each file shows as soon as it is done; elsewhere the
	// report is written in large blocks
	f, isFile := rw.(*os.File)
	live := isFile && c.String("output") == "" && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
	var o outcome
	var werr error
	notice := sr.notices.print
	whole := rules.Stream(sr.cfg, sr.srcs, func(r *rules.FileResult) bool {
		for _, n := range r.Notices {
			notice(n)
		}
		if r.Linted {
			rep.Files++
		}
		fs := r.Findings
		if sr.changed != nil {
			fs = onlyNew(fs, sr.changed)
		}
		o.add(fs, sr.fail)
		if len(fs) > 0 {
			werr = fw.File(fs, r.Source)
			if werr == nil && live {
				werr = fw.Flush()
			}
		}
		return werr == nil // a report that cannot be written ends the run
	})
	rules.SortNotices(whole)
	for _, n := range whole {
		notice(n)
	}
	rep.Elapsed = time.Since(sr.start)
	if werr == nil {
		werr = fw.End(rep)
	}
	if err := done(werr); err != nil {
		return err
	}
	*code = o.code(sr.notices.failed)
	checkMaxWarnings(c, o.warns, stderr, code)
	return nil
}

// warnf prints a message on standard error after "draftlint: ". What it
// quotes (file names, a draft's text, errors) is untrusted: it is
// sanitised for the terminal, on one line.
func warnf(w io.Writer, format string, a ...any) {
	fmt.Fprintf(w, "draftlint: %s\n", report.Sanitize(fmt.Sprintf(format, a...)))
}

// notices prints the run's notices on standard error and remembers whether
// one fails the run.
type notices struct {
	stderr         io.Writer
	quiet          bool          // -q: only the notices that fail the run
	skipUnreadable bool          // --skip-unreadable
	named          []os.FileInfo // the files named on the command line
	stdinName      string        // standard input's name, when it is read
	failed         bool
}

// newNotices is the notice printer of a run that lints paths.
func newNotices(c *cli.Context, paths []string, stderr io.Writer, stdinUsed bool) *notices {
	nt := &notices{stderr: stderr, quiet: c.Bool("quiet"), skipUnreadable: c.Bool("skip-unreadable")}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			nt.named = append(nt.named, st)
		}
	}
	if stdinUsed {
		nt.stdinName = c.String("stdin-filename")
		if nt.stdinName == "" {
			nt.stdinName = "<stdin>"
		}
	}
	return nt
}

// print writes one notice. A file named on the command line (or standard
// input) that is skipped, as binary, UTF-16 or too large, fails the run
// unless --skip-unreadable says to skip it: the user asked for that file
// and it was not linted. Files found by walking a folder are only noted.
func (nt *notices) print(n rules.Notice) {
	if n.Skipped && !nt.skipUnreadable && nt.isNamed(n.File) {
		n.Error = true
		n.Message = "cannot lint: " + strings.TrimPrefix(n.Message, "skipped: ") + " (named on the command line; --skip-unreadable skips such files)"
	}
	if n.Error {
		nt.failed = true
	} else if nt.quiet {
		return
	}
	warnf(nt.stderr, "%s", n)
}

// isNamed says the file was named on the command line, however it is
// spelt (the first spelling of a file is the one reported).
func (nt *notices) isNamed(file string) bool {
	if nt.stdinName != "" && file == nt.stdinName {
		return true
	}
	if len(nt.named) == 0 {
		return false
	}
	st, err := os.Stat(file)
	if err != nil {
		return false
	}
	for _, n := range nt.named {
		if os.SameFile(n, st) {
			return true
		}
	}
	return false
}

// reorder moves flags that follow paths in front of them, so that
// `draftlint draft.md --format json` works like `draftlint --format json
// draft.md`. Everything after "--" stays a path: pathsOnly says the first
// path came after an explicit "--", so it must not be taken for a
// subcommand.
func reorder(args []string, app *cli.App) (out []string, pathsOnly bool) {
	if len(args) < 2 {
		return args, false
	}
	for _, cmd := range app.Commands {
		if args[1] == cmd.Name {
			return args, false
		}
	}
	if args[1] == "--generate-bash-completion" {
		return args, false
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
			pathsOnly = len(paths) == 0 && i+1 < len(rest)
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
	out = append([]string{args[0]}, flags...)
	if len(paths) > 0 {
		out = append(out, "--")
		out = append(out, paths...)
	}
	return out, pathsOnly
}
