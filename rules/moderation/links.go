package moderation

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/draftlint/draftlint/draft"
)

// tokenParams are query parameters that carry a credential; password
// parameters count whatever their value looks like, the others only when
// the value is long and random enough to be a token.
var (
	passwordParams = map[string]bool{"password": true, "passwd": true, "pwd": true, "pass": true}
	tokenParams    = map[string]bool{"access_token": true, "accesstoken": true, "token": true, "auth": true, "auth_token": true, "authtoken": true,
		"api_key": true, "apikey": true, "api-key": true, "key": true, "secret": true, "client_secret": true, "sig": true, "signature": true,
		"x-amz-signature": true, "x-amz-security-token": true, "x-goog-signature": true, "jwt": true, "session": true, "sessionid": true,
		"session_id": true, "private_token": true, "id_token": true, "refresh_token": true, "bearer": true}
)

// placeholderPasswords are what documentation writes for a password.
var placeholderPasswords = map[string]bool{"password": true, "pass": true, "passwd": true, "pwd": true, "secret": true, "pw": true,
	"mypassword": true, "yourpassword": true, "changeme": true, "xxx": true, "xxxx": true, "x": true, "token": true, "user": true}

// internalTLDs are top-level names used only inside organisations.
var internalTLDs = map[string]bool{"internal": true, "local": true, "corp": true, "lan": true, "intranet": true, "private": true, "home": true}

// internalFirstLabels start host names that are not for the public.
var internalFirstLabels = map[string]bool{"staging": true, "intranet": true, "internal": true}

// placeholderHosts are host names documentation writes for "your server".
var placeholderHosts = map[string]bool{"server": true, "servername": true, "myserver": true, "yourserver": true, "host": true,
	"hostname": true, "myhost": true, "yourhost": true, "computer": true, "machine": true, "domain": true, "site": true, "mysite": true,
	"yoursite": true, "website": true, "server1": true, "server2": true, "host1": true, "host2": true, "proxy": true, "ip": true}

// cgnat is the carrier-grade NAT range (RFC 6598).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// linkLeak says what a link exposes (a message and an explanation, and the
// password or token in it if any), or "".
func linkLeak(l draft.Link) (string, string, string) {
	if l.Email || l.Bare {
		return "", "", ""
	}
	raw := l.URL
	if !strings.Contains(raw, "://") {
		return "", "", ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", "", ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if publicOrExample(host) {
		return "", "", ""
	}
	if pw, ok := u.User.Password(); ok && pw != "" && !placeholderPassword(pw) {
		shown := u.Scheme + "://" + u.User.Username() + ":••••••••@" + u.Host
		return fmt.Sprintf("password in a link (%s) must not be published", shown),
			"Whoever reads the link can log in as " + u.User.Username() + ". Change the password, then remove it from the link.", pw
	}
	for name, vals := range u.Query() {
		n := strings.ToLower(name)
		for _, v := range vals {
			switch {
			case passwordParams[n] && v != "" && !placeholderPassword(v):
			case tokenParams[n] && len(v) >= 16 && entropy(v) >= 3 && !documentationValue(v):
			default:
				continue
			}
			return fmt.Sprintf("link with a credential in its query (%s=%s) must not be published", name, maskSecret(v)),
				"The " + name + " parameter gives whoever follows the link the access of its owner. Revoke it, then link without it.", v
		}
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp", "ws", "wss":
	default:
		return "", "", "" // file://C:/…, service://server/… in documentation
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		if addr.Is4In6() {
			addr = addr.Unmap()
		}
		if addr.IsPrivate() || addr.IsLinkLocalUnicast() || cgnat.Contains(addr) {
			return fmt.Sprintf("link to a private network address (%s)", host),
				"Readers cannot reach " + host + ": it belongs to a private network, and publishing it tells outsiders how that network is laid out. Link to a public address or remove the link.", ""
		}
		return "", "", ""
	}
	if why := internalHost(host); why != "" {
		return fmt.Sprintf("link to an internal host (%s)", host),
			"Readers cannot reach " + host + " (" + why + "); publishing it tells outsiders about internal systems. Link to a public page or remove the link.", ""
	}
	return "", "", ""
}

// publicOrExample: localhost and the example names, which documentation
// uses on purpose (placeholder/dummy-contact judges those).
func publicOrExample(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if addr, err := netip.ParseAddr(host); err == nil && addr.IsLoopback() {
		return true
	}
	for _, d := range []string{"example.com", "example.net", "example.org", "example", "test", "invalid"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// internalHost says why host is internal, or "".
func internalHost(host string) string {
	if !strings.Contains(host, ".") {
		if strings.Contains(host, ":") || len(host) < 2 || placeholderHosts[host] {
			return ""
		}
		return "a name without a domain works only inside one network"
	}
	labels := strings.Split(host, ".")
	tld := labels[len(labels)-1]
	if internalTLDs[tld] || strings.HasSuffix(host, ".home.arpa") {
		return "." + tld + " names exist only inside private networks"
	}
	if internalFirstLabels[labels[0]] {
		return labels[0] + " hosts are not for the public"
	}
	return ""
}

func placeholderPassword(pw string) bool {
	low := strings.ToLower(pw)
	return placeholderPasswords[low] || documentationValue(pw) || strings.HasPrefix(pw, "$") || strings.HasPrefix(pw, "%") ||
		strings.Trim(low, "*x•.") == ""
}
