package report

import (
	"io"
	"sort"

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

// Format implements Formatter.
func (SARIF) Format(w io.Writer, r *Report) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("draftlint", projectURI)
	if r.Version != "" {
		run.Tool.Driver.WithVersion(r.Version)
	}
	run.WithColumnKind("unicodeCodePoints")
	// every rule that ran, and any rule a finding names
	meta := map[string]*rules.Rule{}
	for _, ru := range r.Rules {
		meta[ru.ID] = ru
	}
	ids := map[string]bool{}
	for _, ru := range r.Rules {
		ids[ru.ID] = true
	}
	for _, f := range r.Findings {
		ids[f.Rule] = true
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		rd := run.AddRule(id)
		if ru := meta[id]; ru != nil {
			rd.WithShortDescription(sarif.NewMultiformatMessageString(ru.Doc)).
				WithFullDescription(sarif.NewMultiformatMessageString(ru.Doc)).
				WithHelp(sarif.NewMultiformatMessageString(ru.Explanation)).
				WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(ru.Severity))).
				WithProperties(sarif.Properties{"category": ru.Category})
		}
	}
	for _, f := range r.Findings {
		res := run.CreateResultForRule(f.Rule).WithLevel(sarifLevel(f.Severity))
		msg := f.Message
		res.WithMessage(sarif.NewTextMessage(msg))
		region := sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Column).WithEndLine(f.EndLine).
			WithEndColumn(f.EndColumn).WithByteOffset(f.Offset).WithByteLength(f.EndOffset - f.Offset)
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.File)).WithRegion(region)))
		for _, fx := range f.Fixes {
			change := sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(f.File))
			for _, e := range fx.Edits {
				change.WithReplacement(sarif.NewReplacement(sarif.NewRegion().WithByteOffset(e.Offset).WithByteLength(e.EndOffset - e.Offset)).
					WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
			}
			res.AddFix(sarif.NewFix().WithDescriptionText(fx.Description).WithArtifactChanges([]*sarif.ArtifactChange{change}))
		}
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
}
