package claim

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/rules/lex"
)

// Routine facts are not claims: a reporter states them on their own
// authority (also: chart places, the day's biggest fall in a market
// report, what a rule or rate says, what a
// government or firm pledges at the event reported). dropRoutine marks the triggers of a sentence that a routine
// fact explains (they do not count towards its claim strength) and takes
// out those that misfire:
//   - a result or score in a sports report ("beat Leeds 3-1", "in the 89th
//     minute", "top of the table"); a share price or market move on the day
//     ("shares in X fell 6% to 113p", "the dollar hit a record low");
//   - times ("0900 GMT", "10:30"), odds ("5/1", "3-1 favourite"), ticket
//     prices and event logistics, a product's price and specifications
//     ("a 12-megapixel camera", "2GB of memory");
//   - changelog and how-to statements ("Reports can be scheduled every 15
//     minutes", "Always call 999 first"), the writer's own experience ("we
//     moved traffic in steps of 5, 25 and 100 percent"), appointments;
//   - a superlative found twice ("the biggest" as a phrase and as "the
//     …-est"), award categories and titles ("the best actress Oscar",
//     "Million Dollar Baby", "Most Wanted"), a large count that is not
//     money ("2.7 million units").
//
// A record or a first that is history ("their first title in 72 years")
// stays a claim everywhere. ts are the sentence's triggers (st the block's
// text up to the sentence's end, ws its words); it returns them, marked and
// filtered in place.
func dropRoutine(l *lists, st string, ws []lex.Word, ts []trigger) []trigger {
	if len(ts) == 0 || len(ws) == 0 {
		return ts
	}
	kinds := routineKinds(st, ws)
	// a superlative found as a phrase ("the biggest") and as "the …-est"
	// counts once
	var ranks map[int]bool
	out := ts[:0]
	for i, t := range ts {
		if t.feat == l.rank {
			if ranks == nil {
				ranks = map[int]bool{}
			}
			if ranks[t.start] {
				continue
			}
			ranks[t.start] = true
		}
		switch routineTrigger(l, st, ws, ts, i, kinds) {
		case misfire:
			continue
		case explained:
			t.routine = true
		}
		out = append(out, t)
	}
	return out
}

// what a trigger is
const (
	claimed   = iota // a claim feature
	explained        // a routine fact explains it
	misfire          // no claim feature at all
)

// the kinds of routine sentence
const (
	sports = 1 << iota
	market
	logistics
	howTo
	experience
	appointment
	betting
	chart
	ruling
	pledge
)

var (
	sportWords = cueSet("goal", "goals", "scored", "scoring", "striker", "match", "matches", "fixture", "league",
		"cup", "tournament", "championship", "championships", "semi-final", "quarter-final", "final", "finals", "race",
		"lap", "laps", "medal", "medals", "wicket", "wickets", "innings", "try", "tries", "penalty", "penalties",
		"half-time", "minute", "minutes", "season", "seed", "seeded", "set", "sets", "tie-break", "round", "game",
		"games", "victory", "defeat", "win", "won", "beat", "beaten", "drew", "draw", "lost", "points", "title",
		"marathon", "metres", "seconds", "qualified", "qualifier", "unbeaten", "squad", "side", "team", "club", "coach")
	resultWords = cueSet("beat", "beaten", "won", "win", "wins", "lost", "lose", "drew", "draw", "defeated",
		"thrashed", "edged", "scored", "finished", "clinched", "secured", "claimed", "qualified", "equalised", "led",
		"trailed", "victory", "defeat", "lead", "clocked", "ran", "posted")
	marketWords = cueSet("shares", "stock", "stocks", "index", "ftse", "dow", "nasdaq", "nikkei", "dax", "cac",
		"sensex", "dollar", "euro", "pound", "sterling", "yen", "yuan", "crude", "barrel", "gold", "bonds", "yields",
		"futures", "markets", "share", "brent", "peso", "rouble", "ruble", "won", "franc", "currency", "currencies")
	moveWords = cueSet("rose", "fell", "jumped", "dropped", "climbed", "slipped", "gained", "lost", "shed", "closed",
		"ended", "traded", "trading", "hit", "surged", "plunged", "slumped", "soared", "tumbled", "rallied", "edged",
		"firmed", "weakened", "strengthened", "up", "down", "higher", "lower", "opened", "rise", "fall", "rises",
		"falls", "sank", "dipped", "advanced", "retreated", "recovered", "touched", "reached", "valued", "priced")
	logisticsWords = cueSet("tickets", "ticket", "admission", "entry", "doors", "box", "venue", "festival",
		"concert", "gig", "gigs", "tour", "exhibition", "ceremony", "screening", "premiere", "runs", "held", "starts",
		"begins", "opens", "kicks", "sale", "priced", "retail", "retails", "rrp", "costs", "cost", "sells", "price")
	appointWords = cueSet("appointed", "appoints", "appointment", "named", "replace", "replaces", "replacing",
		"succeeds", "succeed", "successor", "resigned", "resigns", "quit", "quits", "stepped", "steps", "joins",
		"joined", "hired", "sacked", "promoted", "elected", "nominated")
	imperatives = lex.NewSet("click", "run", "set", "use", "install", "open", "select", "enter", "type", "add",
		"remove", "configure", "call", "press", "go", "choose", "make", "check", "always", "never", "do", "don't",
		"see", "visit", "download", "update", "upgrade", "restart", "save", "delete", "create", "edit", "note",
		"keep", "ensure", "try", "follow", "read", "contact", "email", "book", "register")
	// units of measure after a number make it a specification
	units = lex.NewSet("gb", "mb", "tb", "kb", "ghz", "mhz", "megapixel", "megapixels", "mp", "mm", "cm", "inch",
		"inches", "kg", "mah", "mbps", "kbps", "gbps", "pixels", "fps", "rpm", "bhp", "hp", "litre",
		"litres", "cc", "mph", "km", "kph", "watts", "volts", "hz", "bit", "bits", "bytes", "cores",
		"core", "gigabytes", "megabytes", "terabytes", "gigabyte", "megabyte", "dpi", "ppi", "nm", "miles",
		"metres", "meters", "feet", "ft", "ounces", "oz", "grams", "lb", "lbs", "seconds", "sec",
		"minutes", "hours", "hrs", "channels", "speakers", "tracks", "levels", "episodes", "pages")
	timeWords = lex.NewSet("gmt", "bst", "cet", "utc", "est", "pst", "et", "pt", "am", "pm", "a.m", "p.m", "o'clock",
		"hrs", "local")
	oddsWords  = cueSet("odds", "favourite", "favorite", "bookmakers", "bookies", "bet", "betting", "evens", "shot", "outsider")
	currencies = lex.NewSet("dollars", "euros", "pounds", "yen", "yuan", "rupees", "francs", "pesos", "roubles",
		"rubles", "krona", "kronor", "marks", "dinars", "rand", "baht", "won", "usd", "eur", "gbp")
	// award categories after "best" or "most": "the best actress Oscar"
	awardWords = lex.NewSet("actor", "actress", "picture", "film", "director", "supporting", "album", "song",
		"newcomer", "original", "screenplay", "documentary", "animated", "foreign", "score", "single", "video",
		"male", "female", "group", "band", "solo", "british", "international", "new", "live", "act", "artist",
		"comedy", "drama", "musical", "play", "production", "novel", "book", "game", "player", "young", "valuable",
		"improved", "urban", "rock", "pop", "dance", "r&b", "rap", "country", "collaboration", "adapted", "costume",
		"editing", "cinematography", "sound", "visual", "makeup", "television", "tv", "series", "programme",
		"breakthrough", "debut", "performance", "wanted", "popular")
	chartWords = cueSet("chart", "charts", "box-office", "bestseller", "bestsellers", "singles", "album", "albums",
		"billboard", "ratings", "viewers", "audience", "audiences")
	// what a rule, a law or a rate says: "adults must be paid at least
	// £5.05 an hour", "the rate is set at 4.75%"
	ruleWords = cueSet("must", "shall", "entitled", "eligible", "scheduled", "capped", "subject")
	// "due to attend" is a schedule, not a cause
	scheduled = lex.NewSet("attend", "be", "take", "open", "start", "begin", "meet", "arrive", "finish", "end",
		"launch", "go", "visit", "return", "appear", "speak", "announce", "publish", "face", "hold", "make", "report",
		"close", "debut", "play", "perform", "sign", "travel", "leave", "retire", "step", "join", "give", "deliver",
		"release", "hear", "stand", "come", "resume", "expire", "run", "vote", "testify", "complete", "fly", "air",
		"reopen", "unveil", "present", "decide", "rule", "sit", "receive", "get", "have", "become", "stay", "move")
	// what a government, firm or donor announces at the event reported
	pledgeWords = cueSet("pledged", "pledging", "pledges", "offered", "offering", "unveiled", "unveiling",
		"promised", "earmarked", "allocated", "announced", "announcing", "committed", "donated", "bid", "budgeted")
	rankingStanding = lex.NewSet("top", "topped", "first", "second", "third", "bottom", "leads", "leading", "place")
)

// cueWords are the words of the sets routineKinds reads, and routineCues
// their union: most words are in none, which one look-up tells.
var (
	cueWords    []string
	routineCues lex.Set
)

func cueSet(words ...string) lex.Set {
	cueWords = append(cueWords, words...)
	return lex.NewSet(words...)
}

func init() {
	routineCues = lex.NewSet(append(cueWords, "box", "oil", "gas", "petrol", "interest", "you", "can", "lets", "allows",
		"you'll", "you’ll", "now")...)
}

// routineKinds says which kinds of routine fact sentence st (words ws)
// reads as.
func routineKinds(st string, ws []lex.Word) int {
	k := 0
	sport, result, mkt, move, logi, appoint := false, false, false, false, false, false
	for i, w := range ws {
		lw := w.Lower
		if !routineCues.Has(lw) {
			if w.Text[0] >= '0' && w.Text[0] <= '9' && scoreAt(st, ws, i) {
				k |= sports
			}
			continue
		}
		if sportWords.Has(lw) {
			sport = true
		}
		if resultWords.Has(lw) {
			result = true
		}
		if marketWords.Has(lw) {
			mkt = true
		}
		if moveWords.Has(lw) {
			move = true
		}
		if logisticsWords.Has(lw) {
			logi = true
		}
		if appointWords.Has(lw) {
			appoint = true
		}
		if oddsWords.Has(lw) {
			k |= betting
		}
		if chartWords.Has(lw) || lw == "box" && i+1 < len(ws) && ws[i+1].Lower == "office" {
			k |= chart
		}
		if ruleWords.Has(lw) {
			k |= ruling
		}
		if pledgeWords.Has(lw) {
			k |= pledge
		}
		if (lw == "oil" || lw == "gas" || lw == "petrol") && i+1 < len(ws) && (ws[i+1].Lower == "prices" || ws[i+1].Lower == "price") {
			mkt = true
		}
		if lw == "interest" && i+1 < len(ws) && (ws[i+1].Lower == "rate" || ws[i+1].Lower == "rates") {
			k |= market // a central bank's rate on the day
		}
		if scoreAt(st, ws, i) {
			k |= sports
		}
		// how-to wording: "you can", "can be", "lets you", "allows you",
		// "you will", "you'll", "now supports", "is now available"
		nx := ""
		if i+1 < len(ws) {
			nx = ws[i+1].Lower
		}
		switch lw {
		case "you":
			if nx == "can" || nx == "will" {
				k |= howTo
			}
		case "can":
			if nx == "be" {
				k |= howTo
			}
		case "lets", "allows":
			if nx == "you" {
				k |= howTo
			}
		case "you'll", "you’ll":
			k |= howTo
		case "now":
			if nx == "supports" || nx == "available" && i > 0 && ws[i-1].Lower == "is" {
				k |= howTo
			}
		}
	}
	if sport && result {
		k |= sports
	}
	if mkt && move {
		k |= market
	}
	if logi {
		k |= logistics
	}
	if appoint {
		k |= appointment
	}
	first := ws[0].Lower
	if imperatives.Has(first) && (len(ws) < 2 || !lex.IsCapitalized(ws[0].Text) || ws[1].Lower != "the") {
		k |= howTo
	}
	// the writer's own experience: "We moved…", "Last year I ran…", "80%
	// of my costs are labour", "As an employee, I know…"
	for i := 0; i < len(ws) && i < 6; i++ {
		if lw := ws[i].Lower; lw == "i" || lw == "we" || lw == "my" || lw == "our" {
			if lw == "my" || lw == "our" || i+1 < len(ws) && !opinionVerbs.Has(ws[i+1].Lower) {
				k |= experience
			}
			break
		}
	}
	return k
}

var opinionVerbs = lex.NewSet("think", "believe", "feel", "are", "is", "were", "was", "have", "had", "would",
	"could", "must", "should", "need", "want", "hope", "expect")

// scoreAt: ws[i] is a score ("3-1", "6-4") or odds ("5/1", "11-4").
func scoreAt(st string, ws []lex.Word, i int) bool {
	w := ws[i]
	if i+1 >= len(ws) || ws[i+1].Start != w.End+1 || !isShortNumber(w.Text) || !isShortNumber(ws[i+1].Text) {
		return false
	}
	c := st[w.End]
	return c == '-' || c == '/'
}

func isShortNumber(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// wordAt is the index of the word of ws that starts at or after offset
// off (len(ws) if none).
func wordAt(ws []lex.Word, off int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].Start >= off })
}

// routineTrigger says whether ts[i] is explained by a routine fact or
// misfires.
func routineTrigger(l *lists, st string, ws []lex.Word, ts []trigger, i int, kinds int) int {
	t := ts[i]
	f := l.features[t.feat].id
	text := st[t.start:t.end]
	wi := wordAt(ws, t.start)
	// a capitalised feature inside a sentence is a name or a title ("Most
	// Wanted", "Million Dollar Baby", "The Greatest Showman")
	if wi > 0 && wi < len(ws) && f != "statistic" && f != "amount" {
		if r, _ := utf8.DecodeRuneInString(text); r >= 'A' && r <= 'Z' && !strings.HasPrefix(text, "I ") {
			return misfire
		}
	}
	// award categories: "the best actress Oscar", "most valuable player"
	if f == "ranking" {
		last := wordAt(ws, t.end)
		if lw := strings.ToLower(text); (strings.HasSuffix(lw, "best") || strings.HasSuffix(lw, "most")) && last < len(ws) && awardWords.Has(ws[last].Lower) {
			return misfire
		}
	}
	if f == "causal" && strings.EqualFold(text, "due to") {
		if n := wordAt(ws, t.end); n < len(ws) && scheduled.Has(ws[n].Lower) {
			return misfire
		}
	}
	if f == "statistic" && strings.HasPrefix(strings.ToLower(text), "over ") {
		// "over ten years": a duration, not a statistic
		if n := wordAt(ws, t.end); n < len(ws) && isUnitOfTime(ws[n].Text) {
			return misfire
		}
	}
	number := f == "number" || f == "statistic" || f == "amount"
	if number && wi < len(ws) {
		// times, odds and scores
		if scoreAt(st, ws, wi) || wi > 0 && scoreAt(st, ws, wi-1) {
			return explained
		}
		next := wordAt(ws, t.end)
		if next < len(ws) && timeWords.Has(ws[next].Lower) {
			return explained
		}
		if wi+1 < len(ws) && ws[wi+1].Start == ws[wi].End+1 && st[ws[wi].End] == ':' && isShortNumber(ws[wi+1].Text) ||
			wi > 0 && ws[wi].Start == ws[wi-1].End+1 && st[ws[wi-1].End] == ':' {
			return explained // 10:30
		}
		// a specification: a number and its unit ("12 megapixels",
		// "2GB"); a count that is not money ("2.7 million units")
		if next < len(ws) && units.Has(ws[next].Lower) && f != "statistic" || unitSuffix(ws[wi].Lower) {
			return explained
		}
	}
	switch {
	case kinds&sports != 0 && (number || f == "change" || f == "ranking" && standing(ws, wi) || f == "causal" && strings.HasPrefix(strings.ToLower(text), "lead")):
		// "reduces their lead to four points": a lead, not a cause
		return explained
	case kinds&market != 0 && (number || f == "change" || f == "ranking" || f == "first" && !strings.Contains(strings.ToLower(text), "first")):
		// a record high or low on the day is the day's news
		return explained
	case kinds&(appointment|betting|pledge) != 0 && (f == "number" || f == "amount"):
		return explained
	case kinds&(logistics|ruling) != 0 && (number || f == "prediction"):
		// an event's figures and what a rule says: "about 120,000 people
		// are expected", "entitled to 90% of their pay"
		return explained
	case kinds&chart != 0 && (number || f == "ranking" && standing(ws, wi) || strings.HasPrefix(strings.ToLower(text), "top")):
		return explained
	case kinds&howTo != 0 && (number || f == "absolute" || f == "prediction"):
		return explained
	case kinds&experience != 0 && (number || f == "change"):
		return explained
	}
	return claimed
}

// standing: a ranking that is a place in a table ("top of the league",
// "first place", "leads the table").
func standing(ws []lex.Word, wi int) bool {
	for k := wi; k < len(ws) && k < wi+3; k++ {
		if rankingStanding.Has(ws[k].Lower) {
			return true
		}
	}
	return false
}

// unitSuffix: a number with its unit in one word ("2GB", "12MP", "5mm").
func unitSuffix(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.') {
		i++
	}
	return i > 0 && i < len(w) && units.Has(w[i:])
}

// notOpinion: "I think about", "we think back": an opinion marker
// followed by what is thought about or felt (rest is the sentence after
// it) marks no opinion.
func notOpinion(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, w := range []string{"about ", "of ", "back ", "through "} {
		if hasPrefixFold(rest, w) {
			return true
		}
	}
	return false
}

// possessive: "its biggest", "Europe's largest" make a superlative like
// "the biggest".
func possessive(w string) bool {
	switch w {
	case "its", "their", "his", "her", "our", "my", "your":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}
