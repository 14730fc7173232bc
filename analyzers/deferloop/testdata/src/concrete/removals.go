package concrete

import (
	"errors"
	"io"
	"os"
)

// The cases of a deferred removal of a temporary file in a loop.

type upload struct {
	File io.Reader
	Size int64
}

type rawParams struct{ uploads []upload }

func (p *rawParams) add(u upload, path string) error {
	p.uploads = append(p.uploads, u)
	return nil
}

type part struct{ io.Reader }

func nextPart() (*part, error) { return nil, io.EOF }

// From gqlgen's multipart form transport: each part is copied into a temporary
// file, which is reopened once per path and handed to the request's parameters
// for the resolver, after the loop. The reopened file's Close is deferred as well,
// so it stays open until return: removing the name at the end of the iteration
// would free no disk space (the open file keeps its data) and fail on Windows.
// The removal adds nothing to what the deferred Close holds: quiet. The deferred
// Close is quiet too: the file is handed on through up, declared outside the
// inner loop.
func parseParts(params *rawParams, paths []string) error {
	for {
		p, err := nextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
		var up upload
		tmpFile, err := os.CreateTemp(os.TempDir(), "parts-")
		if err != nil {
			return err
		}
		tmpName := tmpFile.Name()
		defer func() {
			_ = os.Remove(tmpName)
		}()
		size, err := io.Copy(tmpFile, p)
		if err != nil {
			tmpFile.Close()
			return err
		}
		if err := tmpFile.Close(); err != nil {
			return err
		}
		for _, path := range paths {
			f, err := os.Open(tmpName)
			if err != nil {
				return err
			}
			defer f.Close()
			up = upload{File: f, Size: size}
			if err := params.add(up, path); err != nil {
				return err
			}
		}
	}
	return nil
}

// The iteration reads the reopened file and closes it itself: only the removal
// keeps the disk space, one temporary file more per part until return. Reported.
func sizeParts() (int64, error) {
	var total int64
	for {
		p, err := nextPart()
		if err != nil {
			return total, err
		}
		tmpFile, err := os.CreateTemp("", "parts-")
		if err != nil {
			return total, err
		}
		tmpName := tmpFile.Name()
		defer os.Remove(tmpName) // want `os.Remove\(tmpName\) is deferred in a loop, so it runs when sizeParts returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		if _, err := io.Copy(tmpFile, p); err != nil {
			return total, err
		}
		tmpFile.Close()
		f, err := os.Open(tmpName)
		if err != nil {
			return total, err
		}
		n, _ := io.Copy(io.Discard, f)
		f.Close()
		total += n
	}
}

// The reopened file is handed to the parameters, which close it when the request
// is done, and its Close is not deferred here: the removal is meant for return as
// in parseParts, but the pass cannot see that params.add keeps the file. Reported:
// known false positive.
func handParts(params *rawParams, path string) error {
	for {
		p, err := nextPart()
		if err != nil {
			return err
		}
		tmpFile, err := os.CreateTemp("", "parts-")
		if err != nil {
			return err
		}
		tmpName := tmpFile.Name()
		defer os.Remove(tmpName) // want `os.Remove\(tmpName\) is deferred in a loop, so it runs when handParts returns`
		if _, err := io.Copy(tmpFile, p); err != nil {
			return err
		}
		tmpFile.Close()
		f, err := os.Open(tmpName)
		if err != nil {
			return err
		}
		if err := params.add(upload{File: f}, path); err != nil {
			return err
		}
	}
}
