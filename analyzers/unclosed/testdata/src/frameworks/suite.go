package frameworks

// A file that imports a test framework whose API works only under a test
// runner (Ginkgo, Gomega, testify) is a test or its support, wherever it lies:
// a Ginkgo suite in a normal package (measurement 13: cri-tools'
// pkg/validate) runs under RunSpecs, from a test, and what it leaks lives no
// longer than the test binary.

import (
	"net"
	"os"

	. "github.com/onsi/ginkgo/v2"
)

var _ = Describe("security context", func() {
	It("serves", func() {
		srv, _ := net.Listen("tcp", "127.0.0.1:0") // quiet: a Ginkgo spec
		go func() {
			for {
				conn, err := srv.Accept() // quiet: a Ginkgo spec, whose file imports the framework
				if err != nil {
					return
				}
				conn.Write([]byte("ok"))
			}
		}()
	})
})

// readFixture is quiet too: the rule is per file, since every function of a
// spec file runs for its specs.
func readFixture(name string) []byte {
	f, err := os.Open(name) // quiet: in a file that imports Ginkgo
	if err != nil {
		return nil
	}
	b := make([]byte, 8)
	n, _ := f.Read(b)
	return b[:n]
}
