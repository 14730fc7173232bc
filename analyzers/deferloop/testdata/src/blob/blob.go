// Package blob holds release methods that release one field of their receiver and
// nothing else (their fact is releasesField), and methods that do more, which have
// no fact.
package blob

import (
	"io"
	"os"
)

// Blob is umoci's casext.Blob: Data is a reader for a layer, a parsed document for
// other media types.
type Blob struct {
	Digest string
	Data   any
}

// Open returns a blob of a layer.
func Open(name string) (*Blob, error) {
	f, err := os.Open(name)
	return &Blob{Digest: name, Data: f}, err
}

// Close releases Data, if it can be closed, and nothing else.
func (b *Blob) Close() error { // want Close:`releasesField\(Data\)`
	if closer, ok := b.Data.(io.Closer); ok {
		return closer.Close()
	}
	return nil
}

// File closes its one field directly.
type File struct {
	name string
	f    *os.File
}

func OpenFile(name string) (*File, error) {
	f, err := os.Open(name)
	return &File{name: name, f: f}, err
}

func (f *File) Close() error { return f.f.Close() } // want Close:`releasesField\(f\)`

func (f *File) Reader() io.Reader { return f.f }

// Pair closes two fields: closing one of them leaves the other open. No fact.
type Pair struct {
	In, Out io.ReadCloser
}

func OpenPair(name string) (*Pair, error) { return nil, nil }

func (p *Pair) Close() error {
	p.Out.Close()
	return p.In.Close()
}

// Logged does more than close its field (it removes a file): no fact.
type Logged struct {
	Data io.ReadCloser
	path string
}

func OpenLogged(name string) (*Logged, error) { return nil, nil }

func (l *Logged) Close() error {
	os.Remove(l.path)
	return l.Data.Close()
}
