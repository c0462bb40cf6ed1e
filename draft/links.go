package draft

import (
	"strings"
)

// bareTLDs are the top-level domains read as a website when a bare domain
// ("acme.de") stands in prose. TLDs that are also common file extensions
// (md, py, sh, rs, pl, ps, ts, js) are left out so file names are not read
// as websites.
var bareTLDs = setOf("com", "net", "org", "info", "biz", "io", "co", "app", "dev", "edu", "gov", "eu", "news", "media",
	"online", "site", "shop", "tech", "de", "at", "ch", "uk", "ie", "fr", "es", "it", "nl", "be", "us", "ca", "au", "jp",
	"lu", "dk", "se", "no", "fi", "pt", "gr", "cz", "sk", "hu", "ro", "bg", "hr", "si", "lt", "lv", "ee", "is", "mx", "br",
	"ar", "cl", "nz", "za", "cn", "hk", "tw", "kr", "sg", "ru", "ua", "tr", "il", "ae", "in", "test", "example", "invalid",
	"localhost")

func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
func isHostByte(c byte) bool   { return isAlnum(c) || c == '-' || c == '.' }
func isLocalByte(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// urlByte: may a URL go on with c? (white space, quotes and angle brackets
// end it)
func urlByte(c byte) bool {
	return c > ' ' && c != '"' && c != '<' && c != '>' && c != '`' && c != 0x7f
}

// extractLinks records URLs and email addresses in the block and masks URLs
// and emails in its Text with spaces (they are not prose). Bare domains stay
// in the prose but are recorded too.
func extractLinks(b *Block) {
	t := b.Text
	if strings.IndexByte(t, '.') < 0 {
		return
	}
	// the text already taken by a link (a bit per byte), so that a block
	// of many links is scanned in linear time; links with empty text take
	// the position they stand at
	var masks []Span // what this scan found, to blank out of the prose
	var taken []uint64
	var empties []int
	take := func(s, e int) {
		if taken == nil {
			taken = make([]uint64, len(t)/64+1)
		}
		for i := s; i < e; i++ {
			taken[i>>6] |= 1 << (i & 63)
		}
	}
	for _, l := range b.Links {
		if !l.Bare {
			if l.TextStart == l.TextEnd {
				empties = append(empties, l.TextStart)
			}
			take(max(0, l.TextStart), min(len(t), l.TextEnd))
		}
	}
	covered := func(s, e int) bool {
		for _, p := range empties {
			if s < p && p < e {
				return true
			}
		}
		if taken != nil {
			for i := s; i < e; i++ {
				if taken[i>>6]&(1<<(i&63)) != 0 {
					return true
				}
			}
		}
		return false
	}
	add := func(s, e int, email, bare bool) {
		if e <= s || covered(s, e) {
			return
		}
		b.Links = append(b.Links, Link{URL: t[s:e], Start: b.Src(s), End: b.SrcEnd(e), TextStart: s, TextEnd: e, Email: email, Bare: bare})
		if !bare {
			take(s, e)
			masks = append(masks, Span{s, e})
		}
	}
	// URLs with a scheme or www.
	// the next "://" and "www." at or after i, each searched for again only
	// once i has passed it (searching both from every URL made a block of
	// many URLs of one kind quadratic)
	nextScheme, nextWWW := -2, -2
	for i := 0; i < len(t); {
		if nextScheme != -1 && nextScheme < i {
			nextScheme = strings.Index(t[i:], "://")
			if nextScheme >= 0 {
				nextScheme += i
			}
		}
		if nextWWW != -1 && nextWWW < i {
			nextWWW = indexFoldWWW(t[i:])
			if nextWWW >= 0 {
				nextWWW += i
			}
		}
		k, w := -1, -1
		if nextScheme >= 0 {
			k = nextScheme - i
		}
		if nextWWW >= 0 {
			w = nextWWW - i
		}
		if k < 0 && w < 0 {
			break
		}
		var s, e int
		if k >= 0 && (w < 0 || k < w) {
			p := i + k
			s = p
			for s > 0 && (isAlnum(t[s-1]) || t[s-1] == '+' || t[s-1] == '.' || t[s-1] == '-') {
				s--
			}
			e = p + 3
			if s == p {
				i = e
				continue
			}
		} else {
			s = i + w
			e = s + 4
			if s > 0 && (isHostByte(t[s-1]) || t[s-1] == '/') {
				i = e
				continue
			}
		}
		for e < len(t) && urlByte(t[e]) && !strings.HasPrefix(t[e:], "“") && !strings.HasPrefix(t[e:], "”") {
			e++
		}
		e = trimURLEnd(t, s, e)
		add(s, e, false, false)
		i = max(e, s+1)
	}
	// email addresses
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '@')
		if k < 0 {
			break
		}
		at := i + k
		i = at + 1
		s := at
		for s > 0 && isLocalByte(t[s-1]) {
			s--
		}
		for s < at && !isAlnum(t[s]) {
			s++
		}
		e := at + 1
		for e < len(t) && isHostByte(t[e]) {
			e++
		}
		for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
			e--
		}
		if s == at || !validHost(t[at+1:e]) {
			continue
		}
		add(s, e, true, false)
	}
	// bare domains: lower-case labels ending in a known TLD
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			break
		}
		dot := i + k
		i = dot + 1
		if dot == 0 || dot+2 > len(t) || !isLowerAlnum(t[dot-1]) || !(t[dot+1] >= 'a' && t[dot+1] <= 'z') {
			continue
		}
		s := dot
		for s > 0 && (isLowerAlnum(t[s-1]) || t[s-1] == '-' || t[s-1] == '.') {
			s--
		}
		if s > 0 && (t[s-1] == '@' || t[s-1] == '/' || isAlnum(t[s-1]) || t[s-1] == '_') {
			i = skipHost(t, dot)
			continue
		}
		e := dot + 1
		for e < len(t) && (isLowerAlnum(t[e]) || t[e] == '-' || t[e] == '.') {
			e++
		}
		for e > dot && (t[e-1] == '.' || t[e-1] == '-') {
			e--
		}
		i = max(e, dot+1)
		if e < len(t) && (isAlnum(t[e]) || t[e] == '@' || t[e] == '_') {
			continue
		}
		host := t[s:e]
		if !validHost(host) || !bareTLDs[host[strings.LastIndexByte(host, '.')+1:]] {
			continue
		}
		add(s, e, false, true)
	}
	if len(masks) == 0 {
		return
	}
	buf := []byte(t)
	for _, m := range masks {
		for i := m.Start; i < m.End; i++ {
			buf[i] = ' '
		}
	}
	b.Text = string(buf)
}

func skipHost(t string, i int) int {
	for i < len(t) && isHostByte(t[i]) {
		i++
	}
	return i
}

// validHost: labels of letters, digits and hyphens, at least two, the last
// (the TLD) two or more letters.
func validHost(h string) bool {
	if h == "" || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return false
	}
	dot := strings.LastIndexByte(h, '.')
	if dot <= 0 {
		return false
	}
	tld := h[dot+1:]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		c := tld[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// indexFoldWWW is the index of the first "www." in s, in any case, or -1.
// It looks only before each full stop (found a word at a time by
// IndexByte): prose has a few a sentence.
func indexFoldWWW(s string) int {
	for from := 3; from < len(s); {
		k := strings.IndexByte(s[from:], '.')
		if k < 0 {
			return -1
		}
		p := from + k
		if s[p-3]|0x20 == 'w' && s[p-2]|0x20 == 'w' && s[p-1]|0x20 == 'w' {
			return p - 3
		}
		from = p + 1
	}
	return -1
}

func trimURLEnd(t string, s, e int) int {
	for e > s {
		c := t[e-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*', '_':
			e--
			continue
		case ')':
			if strings.Count(t[s:e], "(") < strings.Count(t[s:e], ")") {
				e--
				continue
			}
		case ']':
			if strings.Count(t[s:e], "[") < strings.Count(t[s:e], "]") {
				e--
				continue
			}
		}
		break
	}
	return e
}
