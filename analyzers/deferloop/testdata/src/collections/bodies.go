package collections

import (
	"encoding/json"
	"io"
	"os"
)

type object struct{ Body io.ReadCloser }

type store struct{}

func (*store) get(string) (*object, error) { return nil, nil }

type fileObject struct{ Body *os.File }

func openObject(string) (*fileObject, error) { return nil, nil }

// From tus/tusd's concatUsingDownload: each part's body is copied to its end before
// the next iteration (a failed copy returns). A response body read to its end has
// handed its connection back, so the deferred Close releases nothing. Quiet.
func concat(s *store, keys []string, w io.Writer) error {
	for _, k := range keys {
		res, err := s.get(k)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		if _, err := io.Copy(w, res.Body); err != nil {
			return err
		}
	}
	return nil
}

// A decoder stops at the end of its value, not of the body: each body keeps its
// connection until the function returns. Reported.
func decodeAll(s *store, keys []string) error {
	for _, k := range keys {
		res, err := s.get(k)
		if err != nil {
			return err
		}
		defer res.Body.Close() // want `res.Body.Close\(\) is deferred in a loop, so every iteration's res.Body stays open until decodeAll returns`
		var v map[string]any
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			return err
		}
	}
	return nil
}

// The body is read to its end on one branch only: the other comes round with the
// body unread. Reported.
func readSome(s *store, keys []string, verbose bool) {
	for _, k := range keys {
		res, err := s.get(k)
		if err != nil {
			continue
		}
		defer res.Body.Close() // want `res.Body.Close\(\) is deferred in a loop, so every iteration's res.Body stays open until readSome returns`
		if verbose {
			io.ReadAll(res.Body)
		}
	}
}

// A file read to its end keeps its descriptor until closed: only a response's body,
// a field of interface type, gives back what it holds at its end. Reported.
func readFiles(names []string, w io.Writer) error {
	for _, name := range names {
		obj, err := openObject(name)
		if err != nil {
			return err
		}
		defer obj.Body.Close() // want `obj.Body.Close\(\) is deferred in a loop, so every iteration's obj.Body stays open until readFiles returns`
		if _, err := io.Copy(w, obj.Body); err != nil {
			return err
		}
	}
	return nil
}
