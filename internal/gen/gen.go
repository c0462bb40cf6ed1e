// Package gen generates deterministic Markdown drafts for benchmarks: news-
// like prose with front matter, headings, lists and a few of every problem
// draftlint looks for.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	cities   = []string{"Berlin", "Vienna", "Madrid", "Dublin", "Rome", "Paris", "London", "Toronto", "Sydney", "Tokyo", "Zurich", "Amsterdam", "Brussels", "Munich", "Hamburg", "Lyon"}
	subjects = []string{"The council", "The city's transport agency", "A group of residents", "The regional government", "The company", "Local traders", "The university", "The port authority", "Health officials", "The school board"}
	verbs    = []string{"approved", "rejected", "delayed", "announced", "reviewed", "expanded", "questioned", "funded", "published", "debated"}
	objects  = []string{"a plan for new cycle lanes", "the budget for next year", "a study of air quality", "the tram extension", "a housing programme", "new opening hours for libraries", "a proposal to close the old bridge", "the report on flood defences", "a pilot scheme for electric buses", "changes to parking rules"}
	tails    = []string{"after a long debate", "on Tuesday evening", "despite objections from the opposition", "at its monthly meeting", "following a public consultation", "with a narrow majority", "ahead of the summer holidays", "in a short statement"}
	speakers = []string{"said Maria Keller, the council's spokeswoman", "said Tom Byrne, who chairs the committee", "according to a statement from the mayor's office", "said Ana López, a local shop owner", "the agency said in a report"}
	quotes   = []string{"We listened to everyone before we decided", "This will take time, but it is worth it", "Nobody expected the costs to rise so quickly", "We will publish the details next month"}
	claims   = []string{"It is the biggest project the city has ever seen.", "Every resident will benefit from the change.", "The plan will cut traffic in half by 2030.", "Experts say the scheme is the best in Europe.", "For the first time, more people cycle than drive."}
	heads    = []string{"What happens next", "The background", "Costs and funding", "Reactions", "A long debate", "Who benefits", "The timeline"}
	problems = []string{
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
		"The budget will rise by XX% next year, TK.",
		"Call us on +44 20 7946 0123 or write to press@example.com.",
		"[INSERT QUOTE FROM MAYOR]",
	}
)

// Draft returns the i-th draft of a corpus made from seed: about size bytes
// of Markdown.
func Draft(seed uint64, i int, size int) string {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	city := pick(cities)
	title := fmt.Sprintf("%s %s %s in %s", pick(subjects), pick(verbs), pick(objects), city)
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: 2026-%02d-%02d\ndescription: A report from %s on %s.\n---\n\n# %s\n\n", title, 1+r.IntN(12), 1+r.IntN(28), city, pick(objects), title)
	for b.Len() < size {
		switch r.IntN(10) {
		case 0:
			fmt.Fprintf(&b, "## %s\n\n", pick(heads))
		case 1:
			for k := 0; k < 3; k++ {
				fmt.Fprintf(&b, "- %s %s %s.\n", pick(subjects), pick(verbs), pick(objects))
			}
			b.WriteString("\n")
		case 2:
			fmt.Fprintf(&b, "\"%s,\" %s. %s\n\n", pick(quotes), pick(speakers), pick(claims))
		case 3:
			if r.IntN(8) == 0 {
				fmt.Fprintf(&b, "%s\n\n", pick(problems))
				continue
			}
			fallthrough
		default:
			n := 2 + r.IntN(4)
			for k := 0; k < n; k++ {
				fmt.Fprintf(&b, "%s %s %s %s. ", pick(subjects), pick(verbs), pick(objects), pick(tails))
			}
			fmt.Fprintf(&b, "About %d people attended, %s.\n\n", 20+r.IntN(400), pick(speakers))
		}
	}
	return b.String()
}

// Corpus returns n drafts of about size bytes each.
func Corpus(seed uint64, n, size int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = Draft(seed, i, size)
	}
	return out
}
