// Command polnear measures how well the claim family tells attributed
// sentences on PolNeAR (Political News Attribution Relations corpus,
// github.com/networkdynamics/PolNeAR), read from a local copy:
//
//	go run ./internal/eval/polnear [-v] [-splits train,dev] PATH/TO/PolNeAR
//
// Every sentence of the articles' prose (as draftlint splits it) is
// scored. A sentence is a positive when it overlaps the cue or the content
// of an attribution whose cue holds a reporting verb (the verbs of speech
// listed below, in any form: "said", "told", "according to" is not one);
// a negative when it overlaps no attribution at all (source, cue or
// content); any other sentence (attributed by a cue that is not a
// reporting verb: "believes", "wants", "according to") is left out. The
// claim family's reading counts as attributed when claim.Attributions
// gives a reason (a named source, read by itself or in context); figures
// are also given counting vague attributions ("officials said", which the
// claim rules read as attributions naming nobody) as read. Precision is the share of negatives and positives it
// reads as attributed that are positives; recall the share of positives it
// reads as attributed. Each article is read with its first annotation
// file (by name) when several annotators annotated it. No data is kept.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/draft"
	"github.com/draftlint/draftlint/rules/claim"
)

// speech verbs (stems and forms): a cue holding one is a reporting-verb
// attribution.
var speech = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`say says said saying tell tells told telling write writes wrote written writing
		add adds added adding ask asks asked asking report reports reported reporting announce announces announced
		announcing note notes noted noting state states stated stating explain explains explained explaining
		claim claims claimed claiming argue argues argued arguing insist insists insisted insisting warn warns warned
		warning tweet tweets tweeted tweeting declare declares declared declaring recall recalls recalled recalling
		respond responds responded responding reply replies replied replying continue continues continued
		acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting confirm confirms
		confirmed confirming deny denies denied denying suggest suggests suggested suggesting predict predicts
		predicted predicting estimate estimates estimated forecast forecasts reveal reveals revealed conclude
		concludes concluded find finds found show shows showed shown comment comments commented remark remarks
		remarked testify testifies testified stress stresses stressed emphasize emphasizes emphasized emphasise
		emphasised mention mentions mentioned allege alleges alleged complain complains complained`) {
		speech[w] = true
	}
}

type span struct{ start, end int } // bytes

type relation struct {
	cue, content, all []span
	reporting         bool
}

func main() {
	verbose := flag.Bool("v", false, "list the sentences read wrongly")
	splits := flag.String("splits", "train,dev", "the splits to read (test is kept back)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: polnear [-v] [-splits train,dev] PATH/TO/PolNeAR")
		os.Exit(2)
	}
	root := flag.Arg(0)
	var tp, fp, fn, tn, ignored, articles int
	var vtp, vfp int           // sentences read as vaguely attributed
	why := map[string][2]int{} // reason → [right, wrong]
	for _, split := range strings.Split(*splits, ",") {
		texts, err := filepath.Glob(filepath.Join(root, "data", split, "text", "*.txt"))
		if err != nil || len(texts) == 0 {
			fmt.Fprintf(os.Stderr, "polnear: no articles in %s\n", filepath.Join(root, "data", split, "text"))
			os.Exit(2)
		}
		for _, tf := range texts {
			name := strings.TrimSuffix(filepath.Base(tf), ".txt")
			anns, _ := filepath.Glob(filepath.Join(root, "data", split, "attributions", name+"_*.ann"))
			if len(anns) == 0 {
				continue
			}
			sort.Strings(anns)
			src, err := os.ReadFile(tf)
			if err != nil {
				fmt.Fprintln(os.Stderr, "polnear:", err)
				os.Exit(1)
			}
			rels, err := readAnn(anns[0], src)
			if err != nil {
				fmt.Fprintf(os.Stderr, "polnear: %s: %v\n", anns[0], err)
				os.Exit(1)
			}
			articles++
			d := draft.Parse(tf, src, draft.Text)
			for _, a := range claim.Attributions(d) {
				s := span{a.Start, a.End}
				pos, any := false, false
				for _, r := range rels {
					if overlaps(s, r.all) {
						any = true
					}
					if r.reporting && (overlaps(s, r.cue) || overlaps(s, r.content)) {
						pos = true
					}
				}
				got := a.Why != ""
				line := strings.Join(strings.Fields(string(src[a.Start:a.End])), " ")
				switch {
				case pos && got:
					tp++
					w := why[reason(a.Why)]
					w[0]++
					why[reason(a.Why)] = w
				case pos && a.Vague != "":
					fn++
					vtp++
				case pos:
					fn++
					if *verbose {
						fmt.Println("FN", line)
					}
				case any:
					ignored++
				case a.Vague != "":
					tn++
					vfp++
				case got:
					fp++
					w := why[reason(a.Why)]
					w[1]++
					why[reason(a.Why)] = w
					if *verbose {
						fmt.Printf("FP [%s] %s\n", a.Why, line)
					}
				default:
					tn++
				}
			}
		}
	}
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	fmt.Printf("%d articles (%s): tp=%d fp=%d fn=%d tn=%d left out=%d\n", articles, *splits, tp, fp, fn, tn, ignored)
	var reasons []string
	for k := range why {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		fmt.Printf("  %-48s right %5d wrong %4d\n", k, why[k][0], why[k][1])
	}
	fmt.Printf("named or vague: precision=%.3f recall=%.3f (vague: %d right, %d wrong)\n",
		float64(tp+vtp)/float64(max(1, tp+fp+vtp+vfp)), float64(tp+vtp)/float64(max(1, tp+fn)), vtp, vfp)
	fmt.Printf("attribution precision=%.3f recall=%.3f\n", p, r)
}

// reason groups the reasons a sentence is attributed: the verb itself is
// left out ("said", "told" → "a reporting verb").
func reason(why string) string {
	switch {
	case strings.HasPrefix(why, "a ") || strings.HasPrefix(why, "the findings"):
		return why
	case strings.HasPrefix(why, "according to"):
		return "according to …"
	case strings.Contains(why, " "):
		return "a named source (… report, study by …)"
	}
	return "a reporting verb"
}

func overlaps(s span, ss []span) bool {
	for _, o := range ss {
		if o.start < s.end && o.end > s.start {
			return true
		}
	}
	return false
}

// readAnn reads a brat standoff file: text-bound annotations (T) of type
// Source, Cue or Content with character offsets, grouped by events (E).
func readAnn(path string, src []byte) ([]relation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	// character offset → byte offset
	byteAt := make([]int, 0, len(src)+1)
	for i := range string(src) {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(src))
	type tb struct {
		kind  string
		spans []span
		text  string
	}
	tbs := map[string]tb{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		switch cols[0][0] {
		case 'T':
			kind, offs, _ := strings.Cut(cols[1], " ")
			var ss []span
			for _, part := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(part, " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
					return nil, fmt.Errorf("line %d: bad offsets %q", n, offs)
				}
				ss = append(ss, span{byteAt[s], byteAt[e]})
			}
			text := ""
			if len(cols) > 2 {
				text = cols[2]
			}
			if got := string(src[ss[0].start:ss[0].end]); len(ss) == 1 && text != "" && got != text && utf8.ValidString(got) {
				return nil, fmt.Errorf("line %d: offsets %q hold %q, not %q", n, offs, got, text)
			}
			tbs[cols[0]] = tb{kind, ss, text}
		case 'E':
			events = append(events, strings.Fields(cols[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []relation
	for _, ev := range events {
		var r relation
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			t, found := tbs[id]
			if !ok || !found {
				continue
			}
			switch role {
			case "Cue":
				r.cue = append(r.cue, t.spans...)
				for _, w := range strings.Fields(strings.ToLower(t.text)) {
					if speech[strings.Trim(w, ".,:;\"'“”")] {
						r.reporting = true
					}
				}
			case "Content":
				r.content = append(r.content, t.spans...)
			}
			if role != "Attribution" {
				r.all = append(r.all, t.spans...)
			}
		}
		out = append(out, r)
	}
	return out, nil
}
