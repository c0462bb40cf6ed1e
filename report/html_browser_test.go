package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds Debian's chromium (installed by .ci/run).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; .ci/run installs it")
	}
	t.Skip("chromium not installed (apt-get install chromium); CI runs this test")
	return ""
}

func headless(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
	}
	return out.Bytes()
}

// TestHTMLInBrowser loads the report in headless Chromium: the highlights
// and counts are in the page, the filter script runs, and a screenshot is
// taken into the test's temporary folder.
func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, render(t, "html", Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page
	dom := string(headless(t, bin, "--dump-dom", url))
	marks := regexp.MustCompile(`<mark class="sev-(\w+) cat-(\w+)[^"]*"`).FindAllStringSubmatch(dom, -1)
	if len(marks) != 4 {
		t.Errorf("%d highlights in the rendered page, want 4", len(marks))
	}
	for _, want := range []string{`id="count-error">2<`, `id="count-warning">1<`, `id="count-info">1<`, `id="count-files">3<`,
		`data-category="placeholder"><td>placeholder</td><td class="n">2<`, `data-category="claim"><td>claim</td><td class="n">1<`} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %s", want)
		}
	}
	if strings.Contains(dom, `class="finding off"`) {
		t.Error("findings hidden with no filter set")
	}
	// the filter script: #hide=placeholder hides that category's highlights
	// and list entries once the page has run its script
	dom = string(headless(t, bin, "--dump-dom", url+"#hide=placeholder,info"))
	if n := strings.Count(dom, `class="finding off"`); n != 3 {
		t.Errorf("%d findings hidden by #hide=placeholder,info, want 3", n)
	}
	if !strings.Contains(dom, `class="sev-warning cat-claim"`) || strings.Count(dom, " off\" data-findings") != 3 {
		t.Errorf("highlights not filtered as expected:\n%s", dom)
	}
	shot := filepath.Join(dir, "report.png")
	headless(t, bin, "--screenshot="+shot, "--window-size=1280,1400", url)
	if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
		t.Errorf("screenshot missing or empty: %v", err)
	}
	if os.Getenv("DRAFTLINT_KEEP_SCREENSHOT") != "" {
		data, _ := os.ReadFile(shot)
		_ = os.WriteFile(os.Getenv("DRAFTLINT_KEEP_SCREENSHOT"), data, 0o644)
	}
}
