package collections

import (
	"encoding/json"
	"io"
	"net/http"
)

// From x/vulndb's checkRefs: the response to a HEAD request has no body
// (http.NoBody), and the transport hands its connection back before returning it,
// so the deferred Close does nothing and nothing is held per iteration. Only the
// delay is left, reported with -deferloop.delayed. Quiet.
func checkRefs(urls []string, report func(string)) {
	for _, u := range urls {
		resp, err := http.Head(u)
		if err != nil {
			report(u)
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			report(u)
		}
	}
}

// A request built for HEAD and sent with Client.Do: no body either. Quiet.
func checkRefsDo(c *http.Client, urls []string) error {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodHead, u, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil
		}
	}
	return nil
}

// The same loop with GET: each body holds its connection until the function
// returns. Reported.
func checkRefsGet(urls []string, report func(string)) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			report(u)
			continue
		}
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until checkRefsGet returns`
		if resp.StatusCode == http.StatusNotFound {
			report(u)
		}
	}
}

// The variable is given a HEAD response on one branch and a GET one on the other:
// the body closed may hold a connection. Reported.
func checkRefsEither(urls []string, head bool) {
	for _, u := range urls {
		var resp *http.Response
		var err error
		if head {
			resp, err = http.Head(u)
		} else {
			resp, err = http.Get(u)
		}
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until checkRefsEither returns`
		if resp.StatusCode != http.StatusOK {
			continue
		}
	}
}

type report struct{ Program string }

// From x/telemetry's readReports: every path that comes round has decoded the body
// until the decoder returned io.EOF, which it does only once the body has; a body
// read to its end hands its connection back to the pool, so the deferred Close has
// nothing left to release. Quiet.
func readReports(days []string) (map[string]int, error) {
	counts := make(map[string]int)
	for _, day := range days {
		resp, err := http.Get("https://example.com/data/" + day)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		dec := json.NewDecoder(resp.Body)
		for {
			var r report
			if err := dec.Decode(&r); err != nil {
				if err == io.EOF {
					break
				}
				return nil, err
			}
			counts[r.Program]++
		}
	}
	return counts, nil
}

// The same with the error read on the line before. Quiet.
func readReportsAfter(days []string) (map[string]int, error) {
	counts := make(map[string]int)
	for _, day := range days {
		resp, err := http.Get("https://example.com/data/" + day)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		dec := json.NewDecoder(resp.Body)
		for {
			var r report
			err := dec.Decode(&r)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
			counts[r.Program]++
		}
	}
	return counts, nil
}

// The decoding loop stops at the first error of any kind, or after the first
// value: a path comes round with the body unread. Reported.
func readReportsSome(days []string) map[string]int {
	counts := make(map[string]int)
	for _, day := range days {
		resp, err := http.Get("https://example.com/data/" + day)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `resp.Body.Close\(\) is deferred in a loop, so every iteration's resp.Body stays open until readReportsSome returns`
		dec := json.NewDecoder(resp.Body)
		for {
			var r report
			if err := dec.Decode(&r); err != nil {
				break
			}
			counts[r.Program]++
			if r.Program == "gopls" {
				break
			}
		}
	}
	return counts
}
