package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/rules"
)

// HTML writes one self-contained page: each draft with its findings
// highlighted in place by severity, a side list of findings by rule, counts
// per category and severity, and filter buttons. No external assets.
type HTML struct{}

type htmlFinding struct {
	N                                  int
	Sev, Cat, Rule, Message, Expl, Loc string
}

type htmlFile struct {
	Path string
	Body template.HTML
	N    int
}

type htmlRule struct {
	ID       string
	Findings []htmlFinding
}

type htmlCount struct {
	Name string
	N    int
}

type htmlPage struct {
	Files                []htmlFile
	Rules                []htmlRule
	Categories           []htmlCount
	Errors, Warns, Infos int
	FilesLinted          int
	Version              string
	Clean                bool
}

// Format implements Formatter.
func (HTML) Format(w io.Writer, r *Report) error {
	page := htmlPage{FilesLinted: r.Files, Version: r.Version}
	page.Errors, page.Warns, page.Infos = r.Counts()
	page.Clean = len(r.Findings) == 0
	byRule := map[string]*htmlRule{}
	cats := map[string]int{}
	byFile := map[string][]int{}
	var order []string
	hfs := make([]htmlFinding, len(r.Findings))
	for i, f := range r.Findings {
		hf := htmlFinding{N: i + 1, Sev: f.Severity.String(), Cat: f.Category, Rule: f.Rule, Message: f.Message,
			Expl: f.Explanation, Loc: fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)}
		hfs[i] = hf
		if byRule[f.Rule] == nil {
			byRule[f.Rule] = &htmlRule{ID: f.Rule}
		}
		byRule[f.Rule].Findings = append(byRule[f.Rule].Findings, hf)
		cats[f.Category]++
		if _, ok := byFile[f.File]; !ok {
			order = append(order, f.File)
		}
		byFile[f.File] = append(byFile[f.File], i)
	}
	for _, id := range sortedKeys(byRule) {
		page.Rules = append(page.Rules, *byRule[id])
	}
	for _, c := range sortedKeys(cats) {
		page.Categories = append(page.Categories, htmlCount{c, cats[c]})
	}
	for _, file := range order {
		page.Files = append(page.Files, htmlFile{Path: file, N: len(byFile[file]),
			Body: renderSource(r.Sources[file], r.Findings, byFile[file])})
	}
	return pageTmpl.Execute(w, page)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var sevRank = map[rules.Severity]int{rules.Error: 3, rules.Warning: 2, rules.Info: 1}

// renderSource escapes a draft's text and wraps every finding's span in a
// <mark>; where spans overlap, a segment carries every finding covering it
// and takes the colour of the most severe.
func renderSource(src []byte, all []rules.Finding, idx []int) template.HTML {
	if src == nil {
		return template.HTML("<em>(source not available)</em>")
	}
	masked := make([]rules.Finding, len(idx))
	for k, i := range idx {
		masked[k] = all[i]
	}
	src = Redact(src, masked)
	bounds := map[int]bool{0: true, len(src): true}
	for _, i := range idx {
		f := all[i]
		bounds[min(max(f.Offset, 0), len(src))] = true
		bounds[min(max(f.EndOffset, 0), len(src))] = true
	}
	cuts := make([]int, 0, len(bounds))
	for b := range bounds {
		cuts = append(cuts, b)
	}
	sort.Ints(cuts)
	var b strings.Builder
	starts := map[int][]int{}
	for _, i := range idx {
		starts[all[i].Offset] = append(starts[all[i].Offset], i)
	}
	for k := 0; k+1 < len(cuts); k++ {
		s, e := cuts[k], cuts[k+1]
		for _, i := range starts[s] {
			fmt.Fprintf(&b, `<a class="anchor" id="f%d"></a>`, i+1)
		}
		var cover []int
		for _, i := range idx {
			f := all[i]
			if f.Offset <= s && e <= f.EndOffset && f.EndOffset > f.Offset {
				cover = append(cover, i)
			}
		}
		text := template.HTMLEscapeString(strings.ToValidUTF8(string(src[s:e]), "\uFFFD"))
		if len(cover) == 0 {
			b.WriteString(text)
			continue
		}
		top := cover[0]
		var ns, titles []string
		for _, i := range cover {
			if sevRank[all[i].Severity] > sevRank[all[top].Severity] {
				top = i
			}
			ns = append(ns, fmt.Sprint(i+1))
			titles = append(titles, all[i].Message+" ["+all[i].Rule+"]")
		}
		fmt.Fprintf(&b, `<mark class="sev-%s cat-%s" data-findings="%s" title="%s">%s</mark>`, all[top].Severity,
			template.HTMLEscapeString(all[top].Category), strings.Join(ns, " "), template.HTMLEscapeString(strings.Join(titles, "\n")), text)
	}
	// zero-length findings (an insertion point) still get an anchor
	for _, i := range starts[len(src)] {
		fmt.Fprintf(&b, `<a class="anchor" id="f%d"></a>`, i+1)
	}
	return template.HTML(b.String()) //nolint:gosec // every piece of text above is escaped
}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>draftlint report</title>
<style>
:root { --err: #d1242f; --warn: #bf8700; --info: #0969da; --bg: #fff; --fg: #1f2328; --muted: #656d76; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 16px 24px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
h1 { margin: 0 0 8px; font-size: 22px; }
.counts > span { display: inline-block; margin-right: 16px; font-weight: 600; }
.counts .error { color: var(--err); } .counts .warning { color: var(--warn); } .counts .info { color: var(--info); }
#categories { border-collapse: collapse; margin: 8px 0; }
#categories td { padding: 2px 12px 2px 0; }
#filters button { margin: 4px 4px 0 0; padding: 3px 10px; border: 1px solid #d0d7de; border-radius: 12px; background: #fff; cursor: pointer; }
#filters button.on { background: #ddf4ff; border-color: #54aeff; }
.layout { display: flex; align-items: flex-start; }
aside { width: 34%; max-width: 460px; padding: 16px 24px; border-right: 1px solid #d0d7de; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
aside h2, main h2 { font-size: 16px; margin: 8px 0; }
aside ol { padding-left: 20px; margin: 4px 0 12px; }
aside li { margin: 2px 0; }
aside li .loc { color: var(--muted); font-size: 13px; }
main { flex: 1; padding: 16px 24px; min-width: 0; }
pre.draft { white-space: pre-wrap; word-wrap: break-word; font: 14px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 12px; border-radius: 6px; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.sev-error { background: #ffcecb; box-shadow: inset 0 -2px var(--err); }
mark.sev-warning { background: #fff1b8; box-shadow: inset 0 -2px var(--warn); }
mark.sev-info { background: #ddf4ff; box-shadow: inset 0 -2px var(--info); }
mark.off { background: none; box-shadow: none; }
li.off { display: none; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.info { color: var(--info); }
.expl { color: var(--muted); font-size: 13px; }
</style>
</head>
<body>
<header>
<h1>draftlint report</h1>
<div class="counts"><span class="error"><span id="count-error">{{.Errors}}</span> errors</span><span class="warning"><span id="count-warning">{{.Warns}}</span> warnings</span><span class="info"><span id="count-info">{{.Infos}}</span> info</span><span><span id="count-files">{{.FilesLinted}}</span> files linted</span></div>
<table id="categories">{{range .Categories}}<tr data-category="{{.Name}}"><td>{{.Name}}</td><td class="n">{{.N}}</td></tr>{{end}}</table>
<div id="filters">
<button class="on" data-sev="error">errors</button><button class="on" data-sev="warning">warnings</button><button class="on" data-sev="info">info</button>
{{range .Categories}}<button class="on" data-cat="{{.Name}}">{{.Name}}</button>{{end}}
</div>
</header>
{{if .Clean}}<main><p id="clean">No findings.</p></main>{{else}}
<div class="layout">
<aside id="by-rule">
<h2>Findings by rule</h2>
{{range .Rules}}<details open><summary><code>{{.ID}}</code> ({{len .Findings}})</summary><ol>
{{range .Findings}}<li class="finding" data-n="{{.N}}" data-sev="{{.Sev}}" data-cat="{{.Cat}}"><span class="sev {{.Sev}}">{{.Sev}}</span> <a href="#f{{.N}}">{{.Message}}</a><br><span class="loc">{{.Loc}}</span>{{if .Expl}}<br><span class="expl">{{.Expl}}</span>{{end}}</li>
{{end}}</ol></details>
{{end}}</aside>
<main>
{{range .Files}}<section class="file"><h2>{{.Path}} ({{.N}})</h2><pre class="draft">{{.Body}}</pre></section>
{{end}}</main>
</div>{{end}}
<script>
(function () {
  var off = { sev: {}, cat: {} };
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var shown = {};
  function apply() {
    items.forEach(function (li) {
      var hide = off.sev[li.dataset.sev] || off.cat[li.dataset.cat];
      li.classList.toggle("off", !!hide);
      shown[li.dataset.n] = !hide;
    });
    document.querySelectorAll("mark").forEach(function (m) {
      var any = m.dataset.findings.split(" ").some(function (n) { return shown[n]; });
      m.classList.toggle("off", !any);
    });
    document.querySelectorAll("#filters button").forEach(function (b) {
      var kind = b.dataset.sev ? "sev" : "cat";
      b.classList.toggle("on", !off[kind][b.dataset[kind]]);
    });
  }
  document.querySelectorAll("#filters button").forEach(function (b) {
    b.addEventListener("click", function () {
      var kind = b.dataset.sev ? "sev" : "cat";
      var v = b.dataset[kind];
      off[kind][v] = !off[kind][v];
      apply();
    });
  });
  // #hide=warning,claim starts with those severities or categories hidden
  var m = /hide=([^&]*)/.exec(location.hash);
  if (m) {
    m[1].split(",").forEach(function (v) {
      if (["error", "warning", "info"].indexOf(v) >= 0) { off.sev[v] = true; } else if (v) { off.cat[v] = true; }
    });
  }
  apply();
})();
</script>
</body>
</html>
`))
