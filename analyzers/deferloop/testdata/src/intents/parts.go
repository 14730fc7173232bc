package intents

import (
	"io"
	"mime/multipart"
)

// Under -deferloop.delayed: a part's deferred Close whose part the next
// NextPart of the same reader closes is a safety net for the last part and for
// an early return, meant for return as is a Close the iteration calls itself.
// Quiet even with that option.
func partSizes(mr *multipart.Reader) (sizes []int, err error) {
	for {
		p, err := mr.NextPart()
		if err != nil {
			return sizes, err
		}
		defer p.Close()
		b, err := io.ReadAll(p)
		if err != nil {
			return sizes, err
		}
		sizes = append(sizes, len(b))
	}
}

// A reader made anew in the loop (one per body) does not close the part of the
// reader before it: the deferred Close runs at return. It holds no descriptor,
// so the message names only the delay. Reported with -deferloop.delayed.
func partNames(bodies []io.Reader, boundary string) (names []string) {
	for _, body := range bodies {
		mr := multipart.NewReader(body, boundary)
		p, err := mr.NextPart()
		if err != nil {
			continue
		}
		defer p.Close() // want `p.Close\(\) is deferred in a loop, so it runs when partNames returns, not at the end of each iteration: call it`
		names = append(names, p.FormName())
	}
	return names
}
