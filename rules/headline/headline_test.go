package headline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/headline"
	"github.com/draftlint/draftlint/rules/rulestest"
)

func TestHeadlineFixtures(t *testing.T) {
	rulestest.Run(t, "testdata", "headline/duplicate", "headline/title-repeated", "headline/near-duplicate")
}

func TestOptions(t *testing.T) {
	src := "# Log\n\n## v2\n\n### Fixed\n\n## v1\n\n### Fixed\n\n### Fixed\n"
	run := func(opts rules.Options) []string {
		res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/duplicate"), Options: map[string]rules.Options{"headline/duplicate": opts}},
			[]rules.Source{{Path: "c.md", Data: []byte(src)}})
		var lines []string
		for _, f := range res.Findings {
			lines = append(lines, fmt.Sprint(f.Line))
		}
		return lines
	}
	// default: short headings repeat freely under other parents; siblings do not
	if got := strings.Join(run(nil), ","); got != "11" {
		t.Errorf("default: findings on lines %s, want 11", got)
	}
	// short_words 0: every repeat counts
	if got := strings.Join(run(rules.Options{"short_words": 0}), ","); got != "9,11" {
		t.Errorf("short_words 0: lines %s, want 9,11", got)
	}
	// siblings_only: long headings under other parents are not compared
	long := "# A\n\n## Part one\n\n### The long heading that repeats\n\n## Part two\n\n### The long heading that repeats\n"
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/duplicate"), Options: map[string]rules.Options{"headline/duplicate": {"siblings_only": true}}},
		[]rules.Source{{Path: "l.md", Data: []byte(long)}})
	if len(res.Findings) != 0 {
		t.Errorf("siblings_only: %d findings", len(res.Findings))
	}
	// unset, siblings_only is true on a documentation page (here: one with
	// a fenced code block) and false on an article
	for _, c := range []struct {
		src  string
		want int
	}{{long, 1}, {long + "\n```go\nx := 1\n```\n", 0}, {"---\nms.topic: article\n---\n" + long, 0}} {
		res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/duplicate")}, []rules.Source{{Path: "l.md", Data: []byte(c.src)}})
		if len(res.Findings) != c.want {
			t.Errorf("default siblings_only: %d findings, want %d in\n%s", len(res.Findings), c.want, c.src)
		}
	}
}

func TestAcrossFiles(t *testing.T) {
	srcs := []rules.Source{
		{Path: "a.md", Data: []byte("---\ntitle: Vienna bets on trams\n---\n\nText.\n")},
		{Path: "b.md", Data: []byte("# Vienna Bets on Trams!\n\nText.\n")},
		{Path: "c.txt", Data: []byte("Vienna bets on trams\n\nText here.\n")},
		{Path: "d.md", Data: []byte("# Madrid bets on buses\n")},
		{Path: "e.html", Data: []byte("<title>City council approves the new budget for schools</title>")},
		{Path: "f.md", Data: []byte("# City council approves new budgets for schools\n")},
		{Path: "g.md", Data: []byte("# Dublin opens a new library\n")},
		// a template's title left in two drafts: placeholder/marker reports each
		{Path: "h.md", Data: []byte("---\ntitle: Headline goes here\n---\n\nText.\n")},
		{Path: "i.md", Data: []byte("# Headline goes here\n\nText.\n")},
		// titles of code differ by their symbols
		{Path: "j.md", Data: []byte("---\ntitle: \"operator :\"\n---\n")},
		{Path: "k.md", Data: []byte("---\ntitle: \"operator ;\"\n---\n")},
		{Path: "l.md", Data: []byte("# .DATA\n")},
		{Path: "m.md", Data: []byte("# .DATA?\n")},
		// the same words in another order, or with and without: different titles
		{Path: "n.md", Data: []byte("# Moving savings from the branch to the app\n")},
		{Path: "o.md", Data: []byte("# Moving savings from the app to the branch\n")},
		{Path: "p.md", Data: []byte("# Working from home with small children\n")},
		{Path: "q.md", Data: []byte("# Working from home without small children\n")},
	}
	res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/duplicate-across-files")}, srcs)
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", f.File, f.Line, f.Column, f.Message))
	}
	want := []string{
		`b.md:1:3 the same title as a.md (line 2): "Vienna bets on trams"`,
		`c.txt:1:1 the same title as a.md (line 2): "Vienna bets on trams"`,
		`f.md:1:3 nearly the same title as e.html (line 1): "City council approves the new budget for schools"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A file saved with lone-CR line ends has its headings seen one by one: a
// repeated one is reported at its line and column (CRLF and LF agree).
func TestDuplicateWithCRLineEnds(t *testing.T) {
	for _, nl := range []string{"\r", "\r\n", "\n"} {
		src := strings.ReplaceAll("# Trams\n\nText.\n\n## The budget\n\nMore.\n\n## The budget\n", "\n", nl)
		res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/duplicate")}, []rules.Source{{Path: "cr.md", Data: []byte(src)}})
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%d:%d-%d:%d @%d", f.Line, f.Column, f.EndLine, f.EndColumn, f.Offset))
		}
		want := fmt.Sprintf("9:4-9:14 @%d", strings.Index(src, "## The budget"+nl+nl+"More.")+len("## The budget"+nl+nl+"More."+nl+nl+"## "))
		if strings.Join(got, ",") != want {
			t.Errorf("%q: findings %q, want %q", nl, got, want)
		}
	}
}

// A first heading that repeats an article's front-matter title is one
// finding whose fix deletes the heading's whole lines and nothing else.
func TestTitleAsFirstHeadingFix(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"atx", "---\ntitle: Night buses return to the old town\n---\n\n# Night buses return to the old town\n\nThe first bus left at midnight.\n",
			"---\ntitle: Night buses return to the old town\n---\n\n\nThe first bus left at midnight.\n"},
		{"closed atx, emphasis", "---\ntitle: \"Night buses return: the old town\"\n---\n# *Night buses return: the old town* ##\nThe first bus left at midnight.\n",
			"---\ntitle: \"Night buses return: the old town\"\n---\nThe first bus left at midnight.\n"},
		{"setext", "---\ntitle: Night buses return to the old town\n---\n\nNight buses return to the old town\n==================================\n\nThe first bus left at midnight.\n",
			"---\ntitle: Night buses return to the old town\n---\n\n\nThe first bus left at midnight.\n"},
		{"crlf", "---\r\ntitle: Night buses return to the old town\r\n---\r\n\r\n# Night buses return to the old town\r\n\r\nText here.\r\n",
			"---\r\ntitle: Night buses return to the old town\r\n---\r\n\r\n\r\nText here.\r\n"},
		// JSON front matter (Hugo's), the body from the line after its "}"
		{"json", "{\n  \"title\": \"Night buses return to the old town\",\n  \"draft\": false\n}\n\n# Night buses return to the old town\n\nThe first bus left at midnight.\n",
			"{\n  \"title\": \"Night buses return to the old town\",\n  \"draft\": false\n}\n\n\nThe first bus left at midnight.\n"},
		// a shortcode line is not JSON front matter: the heading is the title
		{"shortcode", "{{< figure src=\"bus.png\" >}}\n\n# Night buses return to the old town\n\nThe first bus left at midnight.\n", ""},
		// documentation pages and HTML: the H1 is the page title
		{"docs", "---\ntitle: Night buses return to the old town\nms.topic: article\n---\n\n# Night buses return to the old town\n\nText.\n", ""},
		{"html", "<html><head><title>Night buses return to the old town</title></head><body><h1>Night buses return to the old town</h1><p>Text.</p></body></html>", ""},
		// another first heading: nothing
		{"other", "---\ntitle: Night buses return to the old town\n---\n\n# The old town at night\n\nText.\n", ""},
	} {
		path := "post.md"
		if c.name == "html" {
			path = "post.html"
		}
		res := rules.Run(rules.Config{Rules: rulestest.Select(t, "headline/title-repeated", "headline/duplicate", "headline/near-duplicate")},
			[]rules.Source{{Path: path, Data: []byte(c.src)}})
		if c.want == "" {
			if len(res.Findings) != 0 {
				t.Errorf("%s: %d findings, want none: %s", c.name, len(res.Findings), res.Findings[0].Message)
			}
			continue
		}
		if len(res.Findings) != 1 || len(res.Findings[0].Fixes) != 1 {
			t.Errorf("%s: %d findings (%v), want one with a fix", c.name, len(res.Findings), res.Findings)
			continue
		}
		if got := string(rules.ApplyFixes([]byte(c.src), res.Findings).Out); got != c.want {
			t.Errorf("%s: fixed to\n%q\nwant\n%q", c.name, got, c.want)
		}
	}
}
