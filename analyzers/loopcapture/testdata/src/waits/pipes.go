package waits

import (
	"io"
	"net"
)

// A synchronous pipe has no buffer: a Read on one end returns only once the other
// end has been written to or closed, a Write only once the other end has read. An
// iteration that reads or writes one end waits for the goroutine holding the
// other to use it, so for what the goroutine reads before that use.

type part struct {
	size  int64
	disks []string
}

func load(n int) (part, []string, error) { return part{}, nil, nil }

func getObject(n int, size int64, w io.Writer, p part, disks []string) error { return nil }

type reader struct{ r io.Reader }

func newReader(r io.Reader) *reader { return &reader{r} }

func (r *reader) filter() error { _, err := r.r.Read(make([]byte, 1)); return err }

// From MinIO's listPath (cmd/metacache-set.go): the goroutine passes the
// variables, with the writing end, as arguments of the call that writes to it
// (evaluated before the call runs); the iteration hands the reading end to a
// reader that reads it before the loop loads the next part. Quiet.
func minioListPath() error {
	for {
		p, disks, err := load(0)
		if err != nil {
			return err
		}
		partN, loaded := 0, 0
		for {
			if partN != loaded {
				p, disks, err = load(partN)
				if err != nil {
					continue
				}
				loaded = partN
			}
			pr, pw := io.Pipe()
			go func() {
				werr := getObject(partN, p.size, pw, p, disks)
				pw.CloseWithError(werr)
			}()
			tmp := newReader(pr)
			err := tmp.filter()
			pr.CloseWithError(err)
			if err != nil {
				return err
			}
			partN++
		}
	}
}

// The goroutine reads cur before it first uses its end (a deferred Close uses it
// at return); the iteration reads the other end with io.ReadAll. Quiet.
func readAll(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			defer pw.Close()
			use(cur)
			io.WriteString(pw, "x")
		}()
		b, _ := io.ReadAll(pr)
		use(b)
	}
}

// The end reaches the literal through a parameter bound by the go statement, and
// the iteration reads with the end's own Read method. Quiet.
func boundEnd(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func(w *io.PipeWriter) {
			err := send(w, cur)
			w.CloseWithError(err)
		}(pw)
		buf := make([]byte, 8)
		pr.Read(buf)
	}
}

func send(w io.Writer, s string) error { _, err := io.WriteString(w, s); return err }

// The other way round: the goroutine reads the pipe, the iteration writes it, and
// a Write returns only once the goroutine has read. Quiet.
func writeSide(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			consume(pr, cur)
		}()
		pw.Write([]byte("x"))
		pw.Close()
	}
}

func consume(r io.Reader, s string) { io.ReadAll(r) }

// net.Pipe is synchronous too. Quiet.
func netPipe(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		c1, c2 := net.Pipe()
		go func() {
			c1.Write([]byte(cur))
			c1.Close()
		}()
		c2.Read(make([]byte, 8))
		c2.Close()
	}
}

// The iteration only closes its end, which does not wait for the goroutine.
func closeOnly(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
		}()
		pr.Close()
	}
}

// The goroutine writes to the pipe before it reads cur: the iteration's read has
// returned by then.
func readAfterWrite(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			pw.Write([]byte("header"))
			use(cur) // want `the goroutine reads cur`
			pw.Close()
		}()
		io.ReadAll(pr)
	}
}

// Read again after the write: the second read races with the next iteration.
func readBeforeAndAfter(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
			use(cur)
			pw.Close()
		}()
		io.ReadAll(pr)
	}
}

// Read in a function literal passed with the end: the callee may write first.
func readInLiteral(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			sendWith(pw, func() string { return cur }) // want `the goroutine reads cur`
		}()
		io.ReadAll(pr)
	}
}

func sendWith(w io.WriteCloser, f func() string) { io.WriteString(w, f()); w.Close() }

// One pipe for the whole loop: an iteration's read may take what an earlier
// goroutine wrote.
func sharedPipe(items []string) {
	var cur string
	pr, pw := io.Pipe()
	for _, it := range items {
		cur = it
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
		}()
		pr.Read(make([]byte, 8))
	}
}

// The iteration also writes to the goroutine's end, so its read need not wait
// for the goroutine.
func endSharedWithIteration(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
		}()
		pw.Close()
		io.ReadAll(pr)
	}
}

// The iteration hands its end to another goroutine and does not wait itself.
func readInGoroutine(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
		}()
		go io.ReadAll(pr)
	}
}

// The iteration reads its end on one path only.
func readOnOnePath(items []string, drain bool) {
	var cur string
	for _, it := range items {
		cur = it
		pr, pw := io.Pipe()
		go func() {
			send(pw, cur) // want `the goroutine reads cur`
		}()
		if drain {
			io.ReadAll(pr)
		}
	}
}
