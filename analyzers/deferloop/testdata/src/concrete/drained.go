package concrete

import (
	"bufio"
	"io"
	"net/http"
	"os"
)

func status(int) {}

type pooledConn struct {
	r      *bufio.Reader
	unread int
}

// From xray-core's splithttp PostPacket: a for loop without a condition reads the
// response a pooled connection still owes, reads its body to its end, then defers
// its Close. A body read to its end holds nothing (net/http hands a client's
// connection back at EOF; http.ReadResponse's body over a connection the caller
// owns holds nothing past its end): the deferred Close has nothing to release.
// Quiet.
func postPacket(pool func() *pooledConn, req *http.Request, send func(*pooledConn) error) error {
	for {
		c := pool()
		if c.unread > 0 {
			resp, err := http.ReadResponse(c.r, req)
			if err != nil {
				return err
			}
			io.Copy(io.Discard, resp.Body)
			defer resp.Body.Close()
			if resp.StatusCode != 200 {
				return nil
			}
		}
		if send(c) == nil {
			return nil
		}
	}
}

// The same with io.ReadAll in an if's init, on a client's response: read to its
// end on every path to the defer. Quiet.
func fetchAll(client *http.Client, urls <-chan string) error {
	for u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			return err
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			return err
		}
		defer resp.Body.Close()
		status(resp.StatusCode)
	}
	return nil
}

// The same shape, but the body is read to its end on one path only: on the
// other, its connection stays taken until the function returns. Reported.
func drainSome(client *http.Client, urls <-chan string, skip func(string) bool) error {
	for u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			return err
		}
		if !skip(u) {
			io.Copy(io.Discard, resp.Body)
		}
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until drainSome returns`
		status(resp.StatusCode)
	}
	return nil
}

// A body read only in part (io.CopyN) keeps its connection. Reported.
func drainPart(client *http.Client, urls <-chan string) error {
	for u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			return err
		}
		io.CopyN(io.Discard, resp.Body, 512)
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until drainPart returns`
		status(resp.StatusCode)
	}
	return nil
}

// A file read to its end still holds its descriptor until it is closed: one more
// open file per line of input. Reported.
func readFiles(sc *bufio.Scanner) error {
	for sc.Scan() {
		f, err := os.Open(sc.Text())
		if err != nil {
			return err
		}
		io.Copy(io.Discard, f)
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until readFiles returns`
		status(0)
	}
	return nil
}

type fileResponse struct{ Body *os.File }

func openResponse(name string) (*fileResponse, error) {
	f, err := os.Open(name)
	return &fileResponse{Body: f}, err
}

// A field Body that is a file, not a response's body of interface type: read to
// its end, it keeps its descriptor. Reported.
func readFileBodies(sc *bufio.Scanner) error {
	for sc.Scan() {
		r, err := openResponse(sc.Text())
		if err != nil {
			return err
		}
		io.ReadAll(r.Body)
		defer r.Body.Close() // want `r.Body.Close\(\) is deferred in a loop`
		status(0)
	}
	return nil
}
