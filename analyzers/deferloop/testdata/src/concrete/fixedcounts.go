package concrete

import (
	"archive/tar"
	"bufio"
	"io"
	"iter"
	"os"
)

// A file per name of a slice the function holds: the loop's count is fixed
// when it starts, so the pile is bounded by data the program already holds and
// goes when the function returns. Whether holding every file together matters
// depends on how many names there are and on what follows the loop, which the
// code does not show: quiet, reported with -deferloop.collections.
func openNames(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		use(f)
	}
}

// The same, counted up to the slice's length, which the body does not change:
// quiet.
func openIndexed(names []string) {
	for i := 0; i < len(names); i++ {
		f, err := os.Open(names[i])
		if err != nil {
			continue
		}
		defer f.Close()
		use(f)
	}
}

// Vitess's vtcombo InitTabletMap: a DBA connection per shard and cell of the
// topology (slices in memory), held while the tablets are created and the long
// work after the loop runs. The counts are fixed when the loops start.
func createTablets(shards, cells []string, work func()) {
	for _, shard := range shards {
		for _, cell := range cells {
			c, err := os.Open(shard + cell)
			if err != nil {
				return
			}
			defer c.Close() // known false negative: a connection per shard and cell, held through the work below; reported with -deferloop.collections
			use(c)
		}
	}
	work()
}

// A file per entry of a tar stream: the input sets the count, and every file
// stays open for as long as entries come. Reported (containerd's checkpoint
// restore, measurement 22).
func extractEntries(tr *tar.Reader) error {
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		f, err := os.Create(hdr.Name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until extractEntries returns`
		io.Copy(f, tr)
	}
}

type nameQueue struct{ names []string }

func (q *nameQueue) Len() int        { return len(q.names) }
func (q *nameQueue) At(i int) string { return q.names[i] }

// A limit that is a call may answer differently each time: the count is not
// fixed when the loop starts. Reported.
func openQueued(q *nameQueue) {
	for i := 0; i < q.Len(); i++ {
		f, err := os.Open(q.At(i))
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openQueued returns`
		use(f)
	}
}

// A slice the body grows: its length is read again each round. Reported.
func openGrowing(names []string) {
	for i := 0; i < len(names); i++ {
		f, err := os.Open(names[i])
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openGrowing returns`
		names = append(names, f.Name()+".next")
	}
}

// A range over a function iterator: its count is the iterator's, which may be
// a stream. Reported.
func openSeq(names iter.Seq[string]) {
	for name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openSeq returns`
		use(f)
	}
}

// A range over a slice inside a loop over input lines: the outer loop comes
// round for as long as lines come, a slice's worth each time. Reported.
func openPerLine(sc *bufio.Scanner, suffixes []string) {
	for sc.Scan() {
		for _, s := range suffixes {
			f, err := os.Open(sc.Text() + s)
			if err != nil {
				continue
			}
			defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openPerLine returns`
			use(f)
		}
	}
}
