package all_test

import (
	"testing"

	"github.com/draftlint/draftlint/config"
	"github.com/draftlint/draftlint/rules"
	_ "github.com/draftlint/draftlint/rules/all"
)

// houseConfig adds a substitution rule with a fix ("web site" → "website")
// to the default rules.
const houseConfig = `custom:
  - id: style/house-spelling
    type: substitution
    swap: {"web site": "website"}
    message: "Use %q instead of %q"
`

func houseSettings(t testing.TB) *rules.Settings {
	t.Helper()
	f, err := config.Parse("house.yml", []byte(houseConfig))
	if err != nil {
		t.Fatal(err)
	}
	set, err := f.Settings(config.Flags{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// fixed lints src under name with every rule (and the house rule) and
// returns it with every offered fix applied.
func fixed(t testing.TB, set *rules.Settings, name, src string) (string, *rules.Result) {
	t.Helper()
	res := rules.Run(rules.Config{Workers: 1}, []rules.Source{{Path: name, Data: []byte(src), Settings: set}})
	var fs []rules.Finding
	for _, f := range res.Findings {
		if f.File == name {
			fs = append(fs, f)
		}
	}
	return string(rules.ApplyFixes([]byte(src), fs).Out), res
}

const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."

// TestFixKeepsMarkup: the defects of issue 22 item 8, each with the text
// --fix must leave. An edit never cuts through markup: it takes whole
// inline elements, keeps the delimiters of one whose other words stay, or
// is not offered.
func TestFixKeepsMarkup(t *testing.T) {
	set := houseSettings(t)
	tests := []struct{ name, in, want string }{
		{"filler sentence runs into emphasis with real words",
			"Intro text. Lorem ipsum dolor sit amet, *consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. Real words* here.\n",
			"Intro text. *Real words* here.\n"},
		{"filler sentence runs into a link's text",
			"Intro. Lorem ipsum dolor sit amet, [consectetur adipiscing elit, sed do eiusmod tempor. Real link](http://example.com/x) here.\n",
			"Intro. [Real link](http://example.com/x) here.\n"},
		{"a link whose text is a filler sentence: no fix, its URL stays",
			"Read more. [Lorem ipsum dolor sit amet, consectetur adipiscing elit.](https://example.com/a) Then real text.\n",
			"Read more. [Lorem ipsum dolor sit amet, consectetur adipiscing elit.](https://example.com/a) Then real text.\n"},
		{"strong filler sentence: no empty ****",
			"Intro. **Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.** More.\n",
			"Intro. More.\n"},
		{"HTML em filler sentence: both tags go",
			"Intro. <em>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</em> More.\n",
			"Intro. More.\n"},
		{"substitution across strong emphasis: no fix",
			"Our web **site** today.\n", "Our web **site** today.\n"},
		{"substitution across a link: no fix, the URL stays",
			"Our [web](http://x) site today.\n", "Our [web](http://x) site today.\n"},
		{"substitution across a comment: no fix, the comment stays",
			"Our web <!-- x --> site today.\n", "Our web <!-- x --> site today.\n"},
		{"filler sentence ending inside a link's text: no fix, the [ stays",
			"Real. Lorem ipsum [dolor sit amet, consectetur adipiscing elit.](http://example.com/x) More.\n",
			"Real. Lorem ipsum [dolor sit amet, consectetur adipiscing elit.](http://example.com/x) More.\n"},
		{"substitution inside emphasis still fixed",
			"Our **web site** today.\n", "Our **website** today.\n"},
		{"a filler paragraph still goes whole",
			"Real first paragraph.\n\n" + filler + "\n\nReal last paragraph.\n", "Real first paragraph.\n\nReal last paragraph.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := fixed(t, set, "draft.md", tt.in)
			if got != tt.want {
				t.Errorf("fixed:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestLoremFixKeepsRealWords: the defects of issue 22 item 7. The lorem
// finding covers the filler run alone, and its fix deletes it only when it
// is a whole unit (block, line, sentences); real words next to it stay.
func TestLoremFixKeepsRealWords(t *testing.T) {
	set := houseSettings(t)
	tests := []struct {
		name, file, in, want string
		span                 string // what the lorem finding covers
	}{
		{"a dateline on the line above in the same paragraph", "a.md",
			"Vienna, 3 March 2025, Anna Berger\n" + filler + "\n\nNext para.\n",
			"Vienna, 3 March 2025, Anna Berger\n\nNext para.\n", filler},
		{"a dateline on the line below", "a.md",
			filler + "\nVienna, 3 March 2025, Anna Berger\n",
			"Vienna, 3 March 2025, Anna Berger\n", filler},
		{"real words before the filler in its sentence: no fix", "a.md",
			"The mayor said on Monday that Wien Energie will lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\nNext.\n",
			"The mayor said on Monday that Wien Energie will lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\nNext.\n",
			"lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."},
		{"a budget line above", "a.md",
			"Budget: EUR 4.2 million for 2026\n" + filler + "\n",
			"Budget: EUR 4.2 million for 2026\n", filler},
		{"a budget line above, plain text", "a.txt",
			"Budget: EUR 4.2 million for 2026\n" + filler + "\n",
			"Budget: EUR 4.2 million for 2026\n", filler},
		{"real words after the filler in its sentence: no fix", "a.md",
			"Lorem ipsum dolor sit amet, consectetur adipiscing elit, said Anna Berger on Monday.\n",
			"Lorem ipsum dolor sit amet, consectetur adipiscing elit, said Anna Berger on Monday.\n",
			"Lorem ipsum dolor sit amet, consectetur adipiscing elit"},
		{"filler link text inside a real sentence: no fix", "a.md",
			"See [Lorem ipsum dolor sit amet consectetur](http://example.com/x) now.\n",
			"See [Lorem ipsum dolor sit amet consectetur](http://example.com/x) now.\n",
			"Lorem ipsum dolor sit amet consectetur"},
		{"filler in an HTML element inside a real sentence: no fix", "a.md",
			"Text <em>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</em> end.\n",
			"Text <em>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</em> end.\n",
			"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"},
		{"a whole filler sentence between real ones", "a.md",
			"The council met. " + filler + " The vote was close.\n",
			"The council met. The vote was close.\n", filler},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := fixed(t, set, tt.file, tt.in)
			if got != tt.want {
				t.Errorf("fixed:\n%q\nwant:\n%q", got, tt.want)
			}
			n := 0
			for _, f := range res.Findings {
				if f.Rule != "placeholder/lorem-ipsum" {
					continue
				}
				n++
				if s := tt.in[f.Offset:f.EndOffset]; s != tt.span {
					t.Errorf("finding covers %q, want %q", s, tt.span)
				}
			}
			if n != 1 {
				t.Errorf("%d lorem findings, want 1", n)
			}
		})
	}
}

// TestLoremFixFrontMatter: a front-matter value that is all filler is
// emptied (issue 17: a value replaced by an empty string), its key kept; a
// value that is not all filler, or not on one line, gets no fix.
func TestLoremFixFrontMatter(t *testing.T) {
	set := houseSettings(t)
	body := "\nReal text of the article.\n"
	tests := []struct{ name, in, want string }{
		{"plain value", "---\ntitle: Lorem ipsum dolor sit amet\n---\n", "---\ntitle: \"\"\n---\n"},
		{"quoted value", "---\ndescription: \"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\"\n---\n", "---\ndescription: \"\"\n---\n"},
		{"single-quoted value, nested key", "---\nseo:\n  description: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.'\n---\n", "---\nseo:\n  description: \"\"\n---\n"},
		{"block scalar: no fix", "---\nsummary: >\n  Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n---\n", "---\nsummary: >\n  Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n---\n"},
		{"real words in the value: no fix", "---\ndescription: Lorem ipsum dolor sit amet, said Anna Berger on Monday\n---\n", "---\ndescription: Lorem ipsum dolor sit amet, said Anna Berger on Monday\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := fixed(t, set, "post.md", tt.in+body)
			if got != tt.want+body {
				t.Errorf("fixed:\n%q\nwant:\n%q", got, tt.want+body)
			}
		})
	}
}

// TestFixDataAndTemplates: issue 17's broken files. A data file or a
// template read as plain text, or Markdown with template tags, gets no fix
// that swallows a key, a table header, a component or a template tag.
func TestFixDataAndTemplates(t *testing.T) {
	set := houseSettings(t)
	tests := []struct{ name, file, in string }{
		{"YAML data", "homepage.yml", "banner:\n  title: \"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\"\n  content: \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"\n  button:\n    label: \"Get started\"\n"},
		{"YAML list item", "home.yml", "about:\n  items:\n    - \"Lorem ipsum dolor sit amet, consectetur adipiscing elit. Ut enim ad minim veniam, quis nostrud exer\"\n"},
		{"TOML config", "hugo.toml", "baseURL = \"https://example.org/\"\n[params]\ndescription = \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\"\n[params.recent_posts]\ntitle = \"Lorem ipsum dolor sit amet consectetur\"\n"},
		{"Astro page", "page.astro", "<Layout title=\"About\">\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n</Layout>\n"},
		{"Liquid capture in Markdown", "post.md", "{% capture intro %}\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n{% endcapture %}\n"},
		{"Liquid tag after filler in Markdown", "post.md", "Real intro.\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. {% endcapture %}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := fixed(t, set, tt.file, tt.in)
			if got != tt.in {
				t.Errorf("fixed:\n%q\nwant it unchanged", got)
			}
			if len(res.Findings) == 0 {
				t.Error("the filler was not reported")
			}
		})
	}
}
