package concrete

import (
	"io"
	"mime/multipart"
	"os"
)

// The cases of a deferred Close of a multipart part. A *multipart.Part holds
// nothing of its own: its Close only drains what is left of the part from the
// reader it shares with the other parts, and the reader's NextPart closes the
// previous part itself before returning the next.

// From martian's har postData (and iris's ReadMultipartRelated): every part but
// the last is closed by the next NextPart of the same reader, and the deferred
// Close is a safety net for the last one and for an early return. Nothing stays
// open per iteration, and the loop, fed by input, piles up only deferred calls
// of parts it has already released, as would a Close the iteration called
// itself. Quiet.
func formValues(r io.Reader, boundary string) ([][]byte, error) {
	var values [][]byte
	mr := multipart.NewReader(r, boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		defer p.Close()
		body, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		values = append(values, body)
	}
	return values, nil
}

// The same with NextRawPart and a deferred literal. Quiet.
func rawValues(mr *multipart.Reader) (n int, err error) {
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			return n, err
		}
		defer func() { _ = part.Close() }()
		b, err := io.ReadAll(part)
		if err != nil {
			return n, err
		}
		n += len(b)
	}
}

// A file opened per part in the same loop holds a descriptor until the function
// returns, one more per part: the fact about parts says nothing of it. Reported.
func saveParts(mr *multipart.Reader, dir string) error {
	for {
		p, err := mr.NextPart()
		if err != nil {
			return err
		}
		defer p.Close()
		f, err := os.Create(dir + "/" + p.FileName())
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until saveParts returns`
		if _, err := io.Copy(f, p); err != nil {
			return err
		}
	}
}

// A reader per body received: no later NextPart of the same reader closes the
// part, and each deferred call keeps its part, and through it its reader and the
// reader's buffer, for as long as the channel delivers. The part holds no
// descriptor, so the message says only that the calls pile up. Reported.
func firstParts(bodies <-chan io.Reader, boundary string) {
	for body := range bodies {
		p, err := multipart.NewReader(body, boundary).NextPart()
		if err != nil {
			continue
		}
		defer p.Close() // want `p.Close\(\) is deferred in a loop, so it runs when firstParts returns, not at the end of each iteration, and the deferred calls pile up for as long as the channel delivers`
		use(p.FormName())
	}
}
