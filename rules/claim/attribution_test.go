package claim

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/draft"
)

// attributedIn lints text (plain text, paragraphs separated by blank
// lines, after a title) and returns each sentence with what attributes it.
func attributedIn(text string) map[string]string {
	d := draft.Parse("a.txt", []byte("Title\n\n"+text+"\n"), draft.Text)
	out := map[string]string{}
	for _, a := range Attributions(d) {
		out[string(d.Src[a.Start:a.End])] = a.Why
	}
	return out
}

// TestAttribution: each case is a short text; sentences marked with a
// leading "+" must be attributed (by themselves or by their neighbours),
// those marked "-" must not. The markers are removed before linting.
func TestAttribution(t *testing.T) {
	cases := []string{
		// false attributions that hid real claims
		"-The United States has the largest navy in the world.",
		"-Reports from the region are the worst in a decade.",
		"-It is the biggest gadget show on the planet, with 3,000 exhibitors.",
		"-The world's largest gadget show opens in Las Vegas on Thursday.",
		"-The so-called super-fund is the biggest in Europe.",
		"-International Paper is the largest maker of paper in the US.",
		"-Consumer Reports is the most trusted magazine in America.",
		"-The weather forecast is the most accurate ever.",
		"-Prices continued to fall for the third month in a row.",
		"-The firm added 500 jobs last year, the most in its history.",
		"-A company called Acme made the fastest chip in the world.",
		"-The festival, held every year since 1970, responded to the crisis by cutting prices.",
		// reporting verbs missed before
		"+Tourism will double by 2030, the minister said on Monday, saying the new airport would help.",
		"+The council issued a statement saying the bridge is the longest in Europe.",
		"+The mayor tweeted that crime had fallen by a third.",
		"+\"It is the best team in the league,\" he continued.",
		"+She was telling reporters that sales had doubled.",
		"+The prime minister declared the scheme the biggest success of the decade.",
		"+\"We won every game that year,\" she recalled.",
		"+\"Nobody has ever done this,\" the spokesman responded.",
		"+\"Prices will rise by a third,\" he replied.",
		"+The Bank of England forecast growth of 3% next year.",
		"+Said Ellis: \"This is the fastest car ever built.\"",
		"+Profits rose 40% last year, it said.",
		"+Sky has said it now has more than 8 million subscribers.",
		"+Nike has reported a record quarter, with sales up 12%.",
		"+Andrew Stoddart, chief scientist at the Cambridge firm 2d3, said the software was the first of its kind.",
		"+Maria Lopez, who has run the shelter for twenty years, told the BBC that demand had tripled.",
		"+One in five children lives in poverty, says a study.",
		"+Half of all trains were late in March, figures show.",
		"+The latest figures show that exports fell by 12%.",
		"+Unemployment has fallen by a third, according to the Office for National Statistics.",
		"+Its chief executive has previously said the company is the market leader.",
		"+The union welcomed the rise but has called for a £6 minimum wage, the highest in Europe.",
		"+He thinks the dominance of text search is the biggest problem online.",
		"+\"It is the best plan we have ever had,\" said former party adviser Jo Quinn.",
		"+Kelly responded, with a smile: \"Every voter knows that.\"",
		"+A reporter asked the minister whether prices would double.",
		"+The council sent a letter saying the bridge was the longest in Europe.",
		"+Police released a statement that said the road was the most dangerous in the county.",
		"+He is not saying which firms will lose the most.",
		"+The carmaker is expecting the biggest rise in profits in its history.",
		"+Time, the minister added, was on the side of the biggest firms.",
		"+He added, ''It is the worst crisis in our history.''",
		"+The mayor asked the council to double the budget for roads.",
		"+A video of the match shows the referee missed every foul.",
		"-Prices continued, with a brief pause, to rise to the highest level ever.",
		"+A company called Acme called for the biggest tax cut in history.",
		"-The company called in the biggest team of lawyers in the city.",
		// quotations take their speaker from the sentence next to them
		"+\"We carry 300,000 people a day,\" said Ulrike Brandt. +\"It is the busiest line in the country.\"",
		"+Mr Howard said: \"We will cut crime by half.\" +\"Nobody has ever tried this before.\"",
		"+\"It will be the biggest launch in our history. +Every shop will open at midnight,\" the firm's founder said.",
		"+\"The club has never been in better shape,\" the chairman said.\n\n+\"Every player is fit.\"",
		"+\"Every player is fit.\"\n\n+\"We are the strongest side in the league,\" said the coach.",
		"-The council has the most generous budget in the region. -\"Every school will get a new roof.\"",
		"-\"Every school will get a new roof.\" -The council has the most generous budget in the region.",
		"+Ms Hart said the plan was popular.\n\n+\"Every school will get a new roof.\"",
		// a study's findings go on in the sentences after it
		"+The survey found that 40% of adults never exercise. +More than 80% said they would like to.",
		"+A study by the University of Leeds found that most cyclists break the speed limit.\n\n+Nearly a third of them rode at over 30 mph.",
		"+The survey found that 40% of adults never exercise.\n\n+More than 80% said they would like to.\n\n-Gyms have never been so cheap.",
		"+Sales rose by 25% in the year to March. +The figures come from the Office for National Statistics.",
		"+Sales rose by 25% in the year to March. +That is according to the Office for National Statistics.",
		// a speaker does not cover the writer's next sentence
		"+The minister said the plan was popular. -It is the most expensive scheme ever attempted.",
		"-Crime fell by 20% last year. +The police said they were pleased.",
	}
	for _, c := range cases {
		want := map[string]bool{}
		var text strings.Builder
		// split at markers that start a sentence: "+" or "-" at the start or after a space or newline
		i := 0
		for i < len(c) {
			if (c[i] == '+' || c[i] == '-') && (i == 0 || c[i-1] == ' ' || c[i-1] == '\n') {
				mark := c[i]
				j := i + 1
				for j < len(c) && !((c[j] == '+' || c[j] == '-') && (c[j-1] == ' ' || c[j-1] == '\n')) {
					j++
				}
				s := c[i+1 : j]
				want[strings.TrimRight(s, " \n")] = mark == '+'
				text.WriteString(s)
				i = j
				continue
			}
			text.WriteByte(c[i])
			i++
		}
		got := attributedIn(text.String())
		for s, w := range want {
			why, ok := got[s]
			if !ok {
				t.Errorf("%q: sentence not found in %q", s, got)
				continue
			}
			if (why != "") != w {
				t.Errorf("%q: attributed %v (%q), want %v", s, why != "", why, w)
			}
		}
	}
}
