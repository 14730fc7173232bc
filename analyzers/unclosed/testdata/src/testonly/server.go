// Package testonly holds a helper that only the package's tests call, beside the
// same helper called by production code. TestHelperOnlyTestsCall runs it, not
// TestUnclosed: the plain package and its test variant judge the first helper
// differently, which one file's // want comments cannot say.
package testonly

import "net"

type Server struct{ addr string }

// startTestServer is unexported, and only server_test.go calls it: no other
// package can name it and no code of this one calls it, so it runs only under a
// test and its leak gets the default of test code (quiet). The plain package,
// without server_test.go, sees it called by nothing and reports it: a known
// false positive of a driver that analyzes the plain package beside its test
// variant (go vet analyzes only the test variant).
func startTestServer() *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // leak: only tests
	if err != nil {
		return nil
	}
	return &Server{addr: ln.Addr().String()}
}

// startServer is the same helper, called by Serve as well: reported.
func startServer() *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // leak: production
	if err != nil {
		return nil
	}
	return &Server{addr: ln.Addr().String()}
}

func Serve() *Server { return startServer() }
