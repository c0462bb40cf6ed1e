package headline

import (
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/draftlint/draftlint/rules"
	"github.com/draftlint/draftlint/rules/placeholder"
)

var acrossRule = &rules.Rule{
	ID:       "headline/duplicate-across-files",
	Severity: rules.Warning,
	Doc:      "Two drafts in the linted set have the same or nearly the same title",
	Explanation: `Two articles with one headline confuse readers and search engines, and often
mean a draft was copied to start another. Titles are compared exactly (after
the same normalisation as headline/duplicate) and by content words (a word or
two may differ). The second and later files, in path order, are reported,
naming the first.

It scales to large repositories: exact titles are grouped by a hash, and near
duplicates are found with MinHash signatures of the titles' content words and
locality-sensitive hashing (bands of signature rows), so only titles that share
a band are compared; the work grows with the number of files, never with the
number of pairs.`,
}

func init() {
	acrossRule.Run = runAcross
	acrossRule.Across = across
}

// titleFact is what each file exports: its title and where it stands.
type titleFact struct {
	text    string
	key     string
	words   []string
	bloom   uint64            // one bit per word (see wordBloom)
	bands   *[lshBands]uint64 // LSH band keys of words' MinHash signature (nil: fewer than two words)
	finding rules.Finding     // positions of the title in its file
}

func runAcross(p *rules.Pass) {
	t := p.Doc.TitleBlock()
	if t == nil {
		return
	}
	key, code := textKey(t.Text)
	if key == "" || placeholder.Marked(p.Doc, p.Doc.Title) {
		return // a template's "Headline goes here" is placeholder/marker's finding
	}
	f := rules.Finding{File: p.Doc.Path, Offset: t.Start, EndOffset: t.End}
	rules.Locate(p.Doc, &f)
	var words []string
	if !code { // code is compared by its full text only
		words = contentWords(key)
		sort.Strings(words)
	}
	tf := titleFact{text: t.Text, key: key, words: words, bloom: wordBloom(words), finding: f}
	if len(words) >= 2 {
		// made here, file by file in parallel, not in the one-thread finish
		tf.bands = bandKeys(signature(words))
	}
	p.Export(tf)
}

// wordBloom sets one bit of 64 for each word. Titles that differ by at
// most one word (what nearSameSorted asks) have blooms that differ in at
// most one bit, so most titles that only share an LSH band are told apart
// without comparing their words.
func wordBloom(words []string) uint64 {
	var b uint64
	for _, w := range words {
		b |= 1 << (wordHash(w) & 63)
	}
	return b
}

// mayBeNear is the bloom test: false means nearSameSorted is false.
func mayBeNear(a, b uint64) bool {
	x := a ^ b
	return x&(x-1) == 0
}

// bandKeys hashes each band of a signature's rows to one bucket key.
func bandKeys(sig [sigLen]uint64) *[lshBands]uint64 {
	var keys [lshBands]uint64
	for b := range keys {
		h := uint64(b) * 0x100000001b3
		for r := 0; r < lshRows; r++ {
			h = (h ^ sig[b*lshRows+r]) * 0x100000001b3
		}
		keys[b] = h
	}
	return &keys
}

const (
	lshBands = 12
	lshRows  = 3
	sigLen   = lshBands * lshRows
)

// wordHash is FNV-1a: fixed, so the output is the same every run.
func wordHash(w string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(w))
	return h.Sum64()
}

// signature is the MinHash signature of a set of words: for each of sigLen
// hash functions, the least hash over the set.
func signature(words []string) [sigLen]uint64 {
	var sig [sigLen]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, w := range words {
		h := wordHash(w)
		for i := range sig {
			// derive sigLen hash functions from one by mixing in i
			x := h ^ (uint64(i+1) * 0x9e3779b97f4a7c15)
			x ^= x >> 33
			x *= 0xff51afd7ed558ccd
			x ^= x >> 33
			if x < sig[i] {
				sig[i] = x
			}
		}
	}
	return sig
}

// earlierTitle is what the rule keeps of a title it has seen: the first
// file with each title key.
type earlierTitle struct {
	text, file string
	line       int
	words      []string
	bloom      uint64
}

// across compares each file's title with the titles of the files before
// it (in path order), so that every file's findings are known once it and
// the files before it are linted. The first file with a title key is kept;
// a later file with the same key is reported, naming the first. A title
// whose key is new is looked up among the earlier kept titles by MinHash +
// LSH: a bucket keeps the first 64 titles that hash to it (a bucket this
// full holds only look-alikes already compared), and the earliest near
// title found is named.
func across() func(*rules.AcrossPass) {
	var firsts []earlierTitle
	firstByKey := map[string]int32{}
	buckets := map[uint64][]int32{}
	var seen []int32 // seen[j] == i+1: title j was compared with title i (pairs share several bands)
	return func(p *rules.AcrossPass) {
		for _, v := range p.Facts {
			f, ok := v.(titleFact)
			if !ok {
				continue
			}
			if j, ok := firstByKey[f.key]; ok {
				if firsts[j].file != p.File {
					report(p, f, firsts[j], "the same title as")
				}
				continue
			}
			i := int32(len(firsts))
			firstByKey[f.key] = i
			firsts = append(firsts, earlierTitle{text: f.text, file: p.File, line: f.finding.Line, words: f.words, bloom: f.bloom})
			seen = append(seen, 0)
			if f.bands == nil {
				continue
			}
			best := int32(-1)
			for _, h := range f.bands {
				for _, j := range buckets[h] {
					if best >= 0 && j >= best {
						break // buckets are in file order: only earlier titles can be named
					}
					if seen[j] == i+1 {
						continue
					}
					seen[j] = i + 1
					if mayBeNear(firsts[j].bloom, f.bloom) && nearSameSorted(firsts[j].words, f.words) && alignedNear(firsts[j].text, f.text) {
						best = j
						break
					}
				}
			}
			if best >= 0 {
				report(p, f, firsts[best], "nearly the same title as")
			}
			for _, h := range f.bands {
				if b := buckets[h]; len(b) < 64 && (len(b) == 0 || b[len(b)-1] != i) {
					buckets[h] = append(b, i)
				}
			}
		}
	}
}

func report(p *rules.AcrossPass, f titleFact, first earlierTitle, how string) {
	fd := f.finding
	fd.Message = fmt.Sprintf("%s %s (line %d): %q", how, first.file, first.line, clip(first.text, 60))
	fd.Explanation = fmt.Sprintf("%q here and %q in %s. Give each article its own headline, or remove the copy.",
		clip(f.text, 60), clip(first.text, 60), first.file)
	p.Report(fd)
}

// alignedNear confirms a pair of titles with the same words (or one more)
// as headline/near-duplicate reads them in order: "Convert from A to B" and
// "Convert from B to A", or "with" and "without", are different titles.
func alignedNear(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if ta == nil || tb == nil {
		return false
	}
	_, ok := nearHeadings(ta, tb, false)
	return ok
}

// nearSameSorted reports whether two different headings (their sorted
// content words) say the same thing: the same words (at least three), or
// one word added or dropped when the shorter has at least minNearWords. A
// number that differs (a version, a year) never makes a near-duplicate.
// It does not allocate.
func nearSameSorted(a, b []string) bool {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 || la-lb > 1 || lb-la > 1 {
		return false
	}
	onlyA, onlyB := 0, 0
	i, j := 0, 0
	for i < la && j < lb {
		switch {
		case a[i] == b[j]:
			i++
			j++
			continue
		case a[i] < b[j]:
			if hasDigit(a[i]) {
				return false
			}
			onlyA++
			i++
		default:
			if hasDigit(b[j]) {
				return false
			}
			onlyB++
			j++
		}
		if onlyA+onlyB > 1 {
			return false
		}
	}
	for ; i < la; i++ {
		if hasDigit(a[i]) {
			return false
		}
		onlyA++
	}
	for ; j < lb; j++ {
		if hasDigit(b[j]) {
			return false
		}
		onlyB++
	}
	switch onlyA + onlyB {
	case 0:
		return la >= 3
	case 1:
		return min(la, lb) >= minNearWords
	}
	return false
}
