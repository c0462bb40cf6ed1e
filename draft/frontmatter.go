package draft

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// frontMatterEnd finds a front-matter block (YAML between "---" lines,
// TOML between "+++" lines, or a JSON object from a "{" line to a "}" line)
// at the start of src and returns the offset just after its closing line.
func frontMatterEnd(src []byte, start int) (int, bool) {
	rest := src[start:]
	var fence string
	switch {
	case len(rest) > 0 && rest[0] == '{':
		return jsonFrontMatter(src, start, nil)
	case bytes.HasPrefix(rest, []byte("---")):
		fence = "---"
	case bytes.HasPrefix(rest, []byte("+++")):
		fence = "+++"
	default:
		return 0, false
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || strings.TrimRight(string(rest[:nl]), " \t\r") != fence {
		return 0, false
	}
	off := nl + 1
	for off < len(rest) {
		e := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		next := len(rest)
		if e >= 0 {
			line = rest[off : off+e]
			next = off + e + 1
		}
		t := strings.TrimRight(string(line), " \t\r")
		if t == fence || (fence == "---" && t == "...") {
			return start + next, true
		}
		off = next
	}
	return 0, false
}

// proseKeys are front-matter fields whose string values are prose, whatever
// their length.
var proseKeys = setOf("title", "headline", "description", "summary", "subtitle", "excerpt", "dek", "lede", "lead",
	"teaser", "caption", "alt", "abstract", "content", "text", "body", "intro", "tagline", "subhead", "heading",
	"seo_title", "og_title", "og_description", "linktitle", "name_long", "quote")

// metaKeys are front-matter fields that are not prose but are published
// with the article (a byline, a credit, tags): a placeholder left there is
// seen by readers.
var metaKeys = setOf("author", "authors", "byline", "by", "credit", "credits", "photographer", "photo_credit",
	"source", "location", "dateline", "place", "city", "tags", "categories", "category", "keywords", "section")

// isMetaKey reports whether a key path has one of metaKeys in it
// ("author", "author.name", "seo.keywords").
func isMetaKey(key string) bool {
	for part := range strings.SplitSeq(strings.ToLower(key), ".") {
		if metaKeys[part] {
			return true
		}
	}
	return false
}

// nonProseParts mark keys whose values are identifiers, dates, paths or lists
// of keywords, never prose.
var nonProseParts = []string{"date", "url", "link", "image", "img", "thumb", "cover", "path", "file", "slug", "keyword",
	"tag", "categor", "layout", "template", "lang", "locale", "type", "kind", "alias", "permalink", "src", "icon",
	"author", "email", "phone", "weight", "draft", "uid", "uuid", "ms.", "topic", "service", "product", "toc", "redirect"}

func isProseKey(key string) int {
	k := strings.ToLower(key)
	last := k
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		last = k[i+1:]
	}
	if proseKeys[last] {
		return 1
	}
	if last == "id" {
		return -1
	}
	for _, p := range nonProseParts {
		if strings.Contains(k, p) {
			return -1
		}
	}
	return 0
}

func parseFrontMatter(d *Document, start, end int) {
	src := d.Src
	if bytes.HasPrefix(src[start:], []byte("+++")) {
		tomlFrontMatter(d, start, end)
		return
	}
	if src[start] == '{' {
		jsonFrontMatter(src, start, func(key string, s, e int) {
			if isProseKey(key) <= 0 {
				d.Meta = append(d.Meta, MetaValue{Key: key, Start: s, End: e})
				return
			}
			var bl builder
			bl.add(src, s, e)
			addFrontMatterBlock(d, &bl, key)
		})
		return
	}
	nl := bytes.IndexByte(src[start:], '\n')
	yStart := start + nl + 1
	// the closing fence line
	yEnd := end
	if yEnd > yStart {
		i := bytes.LastIndexByte(src[yStart:yEnd-1], '\n')
		if i >= 0 {
			yEnd = yStart + i + 1
		} else {
			yEnd = yStart
		}
	}
	if yEnd <= yStart {
		return
	}
	if flatFrontMatter(d, yStart, yEnd) {
		return
	}
	yamlFrontMatter(d, yStart, yEnd)
}

// yamlFrontMatter makes blocks of front matter's prose fields with yaml.v3.
func yamlFrontMatter(d *Document, yStart, yEnd int) {
	src := d.Src
	var root yaml.Node
	ls := lineStarts(src[yStart:yEnd])
	if err := yaml.Unmarshal(src[yStart:yEnd], &root); err != nil {
		d.FrontMatterErr = yamlSyntaxError(src, yStart, yEnd, ls, err)
		return
	}
	fm := &fmWalker{d: d, src: src, base: yStart, lines: ls, end: yEnd}
	if len(root.Content) == 1 {
		fm.walk(root.Content[0], "")
	}
}

// SyntaxError is front matter that cannot be read: Offset and EndOffset
// span the line the parser names.
type SyntaxError struct {
	Offset, EndOffset int
	Message           string
}

// yamlLine is yaml.v3's "yaml: line N: problem", N counted from the first
// line of the front matter's text; without "line N" the problem is on its
// first line (yaml.v3 leaves out line numbers it counts as 0).
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlSyntaxError turns yaml.v3's error for the front matter between
// yStart and yEnd (whose line starts, relative to yStart, are ls) into the
// line it names.
func yamlSyntaxError(src []byte, yStart, yEnd int, ls []int, err error) *SyntaxError {
	msg := err.Error()
	n := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if k, err := strconv.Atoi(m[1]); err == nil && k >= 1 {
			n = min(k, len(ls)) // past the end: the closing fence
		}
	}
	s, e := yStart+ls[n-1], yEnd
	if n < len(ls) {
		e = yStart + ls[n]
	}
	for e > s && (src[e-1] == '\n' || src[e-1] == '\r') {
		e--
	}
	return &SyntaxError{Offset: s, EndOffset: e, Message: msg}
}

// flatFrontMatter reads front matter that is only "key: value" lines, with
// plain or quoted single-line string values and no escapes, as yaml.v3
// would, but without building its tree: most drafts' front matter is like
// that. It reports false, having added nothing, when the front matter is
// anything else, which yamlFrontMatter then reads.
func flatFrontMatter(d *Document, yStart, yEnd int) bool {
	src := d.Src
	type field struct {
		key    string
		s, e   int // the prose value (s < 0: none)
		vs, ve int // the value as written
	}
	var fields [16]field
	fs := fields[:0]
	for off := yStart; off < yEnd; {
		e := off + bytes.IndexByte(src[off:yEnd], '\n')
		if e < off {
			e = yEnd
		}
		line := src[off:e]
		lineStart := off
		off = e + 1
		if len(line) == 0 || line[0] == '#' {
			if bytes.IndexByte(line, '\r') >= 0 {
				return false // yaml.v3 ends a comment at a lone CR, and reads on
			}
			continue // a blank line or a comment
		}
		// the key: a name at the start of the line, then ":" and a space
		k := 0
		for k < len(line) && (line[k] >= 'a' && line[k] <= 'z' || line[k] >= 'A' && line[k] <= 'Z' || line[k] == '_' ||
			k > 0 && (line[k] >= '0' && line[k] <= '9' || line[k] == '-')) {
			k++
		}
		if k == 0 || k >= len(line) || line[k] != ':' {
			return false
		}
		key := string(line[:k])
		if len(fs) == maxFlatFields {
			return false // looking for a key twice would take quadratic time
		}
		for _, f := range fs {
			if f.key == key {
				return false // yaml.v3 rejects a key defined twice
			}
		}
		v := k + 1
		if v < len(line) && line[v] != ' ' {
			return false
		}
		for v < len(line) && line[v] == ' ' {
			v++
		}
		end := len(line)
		for end > v && line[end-1] == ' ' {
			end--
		}
		val := line[v:end]
		if !plainPrintable(val) {
			return false
		}
		s, t := lineStart+v, lineStart+end
		vs, ve := s, t
		pk := isProseKey(key)
		switch {
		case len(val) == 0:
			fs = append(fs, field{key: key, s: -1}) // null
			continue
		case val[0] == '"':
			if len(val) < 2 || val[len(val)-1] != '"' || bytes.ContainsAny(val[1:len(val)-1], "\\\"") {
				return false
			}
			s, t = s+1, t-1
		case val[0] == '\'':
			if len(val) < 2 || val[len(val)-1] != '\'' || bytes.IndexByte(val[1:len(val)-1], '\'') >= 0 {
				return false
			}
			s, t = s+1, t-1
		case pk < 0:
			// never prose (a date, a slug, tags): only valid YAML matters,
			// and for a meta field that yaml.v3 reads it as strings
			if !plainValid(val) || isMetaKey(key) && !plainStrings(val) {
				return false
			}
			s = -1
		default:
			if !plainString(val) {
				return false
			}
		}
		fs = append(fs, field{key: key, s: s, e: t, vs: vs, ve: ve})
	}
	for _, f := range fs {
		if f.vs >= f.ve {
			continue // null
		}
		pk := isProseKey(f.key)
		if f.s < 0 || f.e <= f.s || pk < 0 || pk == 0 && !readsAsProse(string(src[f.s:f.e])) {
			// not prose: a meta field's value is kept, a plain one (maybe a
			// list) as written, a quoted one inside its quotes
			switch {
			case !isMetaKey(f.key):
			case f.s < 0:
				flatMeta(d, f.key, f.vs, f.ve)
			case f.e > f.s:
				d.Meta = append(d.Meta, MetaValue{Key: f.key, Start: f.s, End: f.e})
			}
			continue
		}
		var bl builder
		bl.add(src, f.s, f.e)
		addFrontMatterBlock(d, &bl, f.key)
	}
	return true
}

// maxFlatFields is the most fields flatFrontMatter reads; longer front
// matter goes to yaml.v3.
const maxFlatFields = 64

// flatMeta records the value of a meta field written as a plain scalar or
// a flow list of plain words (what plainValid lets through), item by item.
func flatMeta(d *Document, key string, s, e int) {
	src := d.Src
	if src[s] != '[' {
		d.Meta = append(d.Meta, MetaValue{Key: key, Start: s, End: e})
		return
	}
	for i := s + 1; i < e-1; {
		j := i + bytes.IndexByte(src[i:e-1], ',')
		if j < i {
			j = e - 1
		}
		is, ie := i, j
		for is < ie && src[is] == ' ' {
			is++
		}
		for ie > is && src[ie-1] == ' ' {
			ie--
		}
		if ie > is {
			d.Meta = append(d.Meta, MetaValue{Key: key, Start: is, End: ie})
		}
		i = j + 1
	}
}

// plainPrintable: no tab, no control character, nothing yaml.v3 does not
// print, and valid UTF-8.
func plainPrintable(v []byte) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(v[i:])
		if !(r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF || r >= 0x10000 && r <= 0x10FFFF) {
			return false // U+0085 is printable in YAML, but rare enough to leave to yaml.v3
		}
		i += w
	}
	return true
}

// plainString: a plain scalar that yaml.v3 reads as this very string: no
// indicator first, no ": " or " #" inside, and nothing it could take for a
// null, a boolean, a number or a date.
func plainString(v []byte) bool {
	switch v[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', '+', '.', '~',
		'0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return false
	}
	if bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || v[len(v)-1] == ':' {
		return false
	}
	switch strings.ToLower(string(v)) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return false
	}
	return true
}

// plainStrings: a plain scalar or a flow list (that plainValid lets
// through) whose every item yaml.v3 reads as a string.
func plainStrings(v []byte) bool {
	if v[0] != '[' {
		return plainString(v)
	}
	for _, item := range bytes.Split(v[1:len(v)-1], []byte(",")) {
		if !plainString(bytes.Trim(item, " ")) {
			return false
		}
	}
	return true
}

// plainValid: a plain scalar, of any type, or a flow list of plain words
// ("[news, dublin]"), that yaml.v3 reads without error on one line.
func plainValid(v []byte) bool {
	if v[0] == '[' {
		if v[len(v)-1] != ']' {
			return false
		}
		for _, item := range bytes.Split(v[1:len(v)-1], []byte(",")) {
			item = bytes.Trim(item, " ")
			if len(item) == 0 || !plainWordStart(item[0]) || bytes.ContainsAny(item, "[]{}\"'#:") {
				return false
			}
		}
		return true
	}
	if !plainWordStart(v[0]) || bytes.Contains(v, []byte(": ")) || v[len(v)-1] == ':' {
		return false
	}
	return true
}

func plainWordStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf || c == '/' || c == '.'
}

// tomlFrontMatter makes blocks of TOML front matter's prose fields that
// stand at the top level as one-line strings without escapes: title = "…"
// or title = '…' (a table header ends the top level). Other values are not
// read.
func tomlFrontMatter(d *Document, start, end int) {
	src := d.Src
	off := start + bytes.IndexByte(src[start:end], '\n') + 1
	for off > start && off < end {
		e := off + bytes.IndexByte(src[off:end], '\n')
		if e < off {
			e = end
		}
		line := src[off:e]
		lineStart := off
		off = e + 1
		t := bytes.TrimLeft(line, " \t")
		if len(t) > 0 && t[0] == '[' {
			return // [table] or [[array]]: the top level is over
		}
		k := 0
		for k < len(t) && (t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z' || t[k] == '_' || k > 0 && (t[k] >= '0' && t[k] <= '9' || t[k] == '-')) {
			k++
		}
		if k == 0 || isProseKey(string(t[:k])) <= 0 {
			continue
		}
		v := bytes.TrimLeft(t[k:], " \t")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t")
		if len(v) < 2 || v[0] != '"' && v[0] != '\'' || bytes.HasPrefix(v, []byte(`"""`)) || bytes.HasPrefix(v, []byte("'''")) {
			continue
		}
		q := v[0]
		closing := bytes.IndexByte(v[1:], q)
		if closing < 0 || q == '"' && bytes.IndexByte(v[1:closing+1], '\\') >= 0 {
			continue // unclosed, or with escapes: not read
		}
		rest := bytes.TrimSpace(v[closing+2:])
		if len(rest) > 0 && rest[0] != '#' {
			continue
		}
		s := lineStart + (len(line) - len(v)) + 1
		var bl builder
		bl.add(src, s, s+closing)
		addFrontMatterBlock(d, &bl, string(t[:k]))
	}
}

// jsonFrontMatter reads the JSON object that opens src at start on a line
// of its own ("{") and closes on a line of its own ("}"), as Hugo's JSON
// front matter, and returns the offset just after its closing line; src is
// not front matter (false) when the object is not valid JSON or either
// brace shares its line. Each top-level prose or meta field (author,
// byline, …) whose value is a string without escapes ("title": "…") is
// passed to field with the value's range inside its quotes; other values
// are not read.
func jsonFrontMatter(src []byte, start int, field func(key string, s, e int)) (int, bool) {
	nl := bytes.IndexByte(src[start:], '\n')
	if nl < 0 || len(bytes.TrimRight(src[start+1:start+nl], " \t\r")) > 0 {
		return 0, false
	}
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	depth := 0
	key := "" // at the top level: the key whose value comes next
	type value struct {
		key  string
		s, e int
	}
	var values []value
	keys := map[string]int{} // how often each top-level key is given
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		end := start + int(dec.InputOffset())
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
				key = ""
				continue
			}
			depth--
			if depth > 0 {
				continue
			}
			// the closing "}" alone on its line
			ls := bytes.LastIndexByte(src[:end-1], '\n') + 1
			if len(bytes.TrimLeft(src[ls:end-1], " \t")) > 0 {
				return 0, false
			}
			rest := src[end:]
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				rest = rest[:i+1]
			}
			if len(bytes.TrimSpace(rest)) > 0 {
				return 0, false
			}
			for _, v := range values {
				if keys[v.key] == 1 { // a repeated key's last value counts: none is read
					field(v.key, v.s, v.e)
				}
			}
			return end + len(rest), true
		case string:
			if depth != 1 {
				continue
			}
			if key == "" {
				key = v
				keys[key]++
				if key == "" {
					key = "\x00" // an empty key: its value is not read
				}
				continue
			}
			s := end - 1 - len(v)
			if field != nil && (isProseKey(key) > 0 || isMetaKey(key)) && s > start && src[s-1] == '"' &&
				string(src[s:end-1]) == v && bytes.IndexByte(src[s:end-1], '\\') < 0 {
				values = append(values, value{key, s, end - 1})
			}
			key = ""
		default:
			key = ""
		}
	}
}

// addFrontMatterBlock adds the block bl made of front-matter field path.
func addFrontMatterBlock(d *Document, bl *builder, path string) {
	b, ok := bl.block(FrontMatter)
	if !ok {
		return
	}
	b.Field = path
	if path == "title" && d.Title < 0 {
		b.IsTitle = true
		d.Title = len(d.Blocks)
	}
	d.Blocks = append(d.Blocks, b)
}

type fmWalker struct {
	d     *Document
	src   []byte
	base  int
	end   int
	lines []int
}

func (f *fmWalker) walk(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			f.walk(v, p)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			f.walk(c, path)
		}
	case yaml.ScalarNode:
		if n.Tag != "!!str" || n.Value == "" {
			return
		}
		pk := isProseKey(path)
		if pk < 0 || pk == 0 && !readsAsProse(n.Value) {
			if isMetaKey(path) {
				f.meta(n, path)
			}
			return
		}
		f.scalar(n, path)
	}
}

// readsAsProse: at least three words with letters, not a URL or path.
func readsAsProse(v string) bool {
	if strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") {
		return false
	}
	return len(strings.Fields(v)) >= 3 && strings.IndexFunc(v, func(r rune) bool { return r >= 'A' && r <= 'z' || r > 127 }) >= 0
}

// offset of a 1-based yaml line/column (columns in characters).
func (f *fmWalker) offset(line, col int) int {
	if line < 1 || line > len(f.lines) {
		return -1
	}
	off := f.base + f.lines[line-1]
	for c := 1; c < col && off < f.end; c++ {
		_, w := utf8.DecodeRune(f.src[off:])
		off += w
	}
	return off
}

// meta records a meta field's value when it stands in the source as it
// reads (a plain or quoted scalar with no escapes).
func (f *fmWalker) meta(n *yaml.Node, path string) {
	if n.Style != 0 && n.Style != yaml.DoubleQuotedStyle && n.Style != yaml.SingleQuotedStyle {
		return
	}
	off := f.offset(n.Line, n.Column)
	if off < 0 {
		return
	}
	if n.Style != 0 {
		off++
	}
	if e := off + len(n.Value); e <= f.end && string(f.src[off:e]) == n.Value {
		f.d.Meta = append(f.d.Meta, MetaValue{Key: path, Start: off, End: e})
	}
}

func (f *fmWalker) scalar(n *yaml.Node, path string) {
	off := f.offset(n.Line, n.Column)
	if off < 0 {
		return
	}
	var bl builder
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// content lines follow the indicator line, indented
		s := off
		for s < f.end && f.src[s] != '\n' {
			s++
		}
		s++
		indent := -1
		for s < f.end {
			e := s
			for e < f.end && f.src[e] != '\n' {
				e++
			}
			line := f.src[s:e]
			trimmed := bytes.TrimLeft(line, " ")
			ind := len(line) - len(trimmed)
			if len(bytes.TrimSpace(line)) > 0 {
				if indent < 0 {
					indent = ind
				}
				if ind < indent {
					break
				}
				ls, le := s+indent, e
				for le > ls && (f.src[le-1] == '\r' || f.src[le-1] == ' ') {
					le--
				}
				bl.add(f.src, ls, le)
				if e < f.end {
					bl.addAtomic(sepFor(n.Style), le, e+1)
				}
			} else if indent >= 0 {
				bl.addAtomic("\n", s, min(e+1, f.end))
			}
			s = e + 1
		}
	default:
		q := 0
		if n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle {
			q = 1
		}
		s := off + q
		v := []byte(n.Value)
		if s+len(v) <= f.end && bytes.Equal(f.src[s:s+len(v)], v) {
			bl.add(f.src, s, s+len(v))
		} else {
			// escapes or folding: map line by line where the words agree,
			// else the whole value to its source span
			e := f.scalarEnd(s, n.Style)
			bl.addAtomic(n.Value, s, e)
		}
	}
	addFrontMatterBlock(f.d, &bl, path)
}

func sepFor(s yaml.Style) string {
	if s == yaml.LiteralStyle {
		return "\n"
	}
	return " "
}

// scalarEnd finds where a quoted or plain scalar starting at s ends.
func (f *fmWalker) scalarEnd(s int, style yaml.Style) int {
	i := s
	switch style {
	case yaml.DoubleQuotedStyle:
		for i < f.end && f.src[i] != '"' {
			if f.src[i] == '\\' {
				i++
			}
			i++
		}
	case yaml.SingleQuotedStyle:
		for i < f.end {
			if f.src[i] == '\'' {
				if i+1 < f.end && f.src[i+1] == '\'' {
					i += 2
					continue
				}
				break
			}
			i++
		}
	default:
		for i < f.end && f.src[i] != '\n' {
			i++
		}
	}
	return min(i, f.end)
}
