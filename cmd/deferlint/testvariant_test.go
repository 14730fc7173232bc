package main_test

import (
	"strings"
	"testing"
)

// TestTestVariantSpeaksForPackage checks that where a package's test variant is
// analysed, its findings stand for the package's files, as go vet's do: an
// unexported helper that only the package's tests call is test code there, while
// the plain package, which cannot see those calls, would report its leak as
// production code's. Without tests (-test=false), or where the variant does not
// compile, the plain package reports alone.
func TestTestVariantSpeaksForPackage(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":      "module example.com/variant\n\ngo 1.22\n",
		"p/p.go":      variantPackage,
		"p/p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestServer(t *testing.T) { _ = startTestServer() }\n",
	})
	r := run(t, dir, deferlint, "-enable", "unclosed", "./...")
	if helper, production := variantLeaks(r.stdout); helper || !production {
		t.Errorf("with tests: want only the production leak (p.go:18), got:\n%s%s", r.stdout, r.stderr)
	}
	r = run(t, dir, deferlint, "-enable", "unclosed", "-test=false", "./...")
	if helper, production := variantLeaks(r.stdout); !helper || !production {
		t.Errorf("without tests: want both leaks (p.go:7 and p.go:18), got:\n%s%s", r.stdout, r.stderr)
	}

	broken := writeModule(t, map[string]string{
		"go.mod":      "module example.com/variant\n\ngo 1.22\n",
		"p/p.go":      variantPackage,
		"p/p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestServer(t *testing.T) { var n int = \"s\"; _ = n; _ = startTestServer() }\n",
	})
	r = run(t, broken, deferlint, "-enable", "unclosed", "./...")
	if helper, production := variantLeaks(r.stdout); !helper || !production || r.code != 2 {
		t.Errorf("with a test that does not compile: want both leaks and exit 2, got exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// variantLeaks reports which of variantPackage's two leaks the output names.
func variantLeaks(out string) (helper, production bool) {
	return strings.Contains(out, "p/p.go:7:"), strings.Contains(out, "p/p.go:18:")
}

// variantPackage leaks a listener in a helper only its tests call (line 7) and in
// one its production code calls (line 18).
const variantPackage = `package p

import "net"

// startTestServer is test support: only p_test.go calls it.
func startTestServer() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return ""
	}
	return ln.Addr().String()
}

// Addr is production code, and so is the helper it calls.
func Addr() string { return listen() }

func listen() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return ""
	}
	return ln.Addr().String()
}
`
