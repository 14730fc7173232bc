package collections

import "io"

type bucket struct{}

func (*bucket) rangeReader(off, n int64) (io.ReadCloser, error) { return nil, nil }

func find([]byte) (off, n int64, leaf bool) { return 0, 0, false }

// From protomaps/go-pmtiles' Show: a directory tree of at most four levels,
// walked to a leaf with a reader per level. The header fixes the count at four,
// and four readers deferred in a loop hold no more than four written one after
// another would: quiet, a plain delay reported with -deferloop.delayed.
func walkDirectories(b *bucket, off, n int64) ([]byte, error) {
	for depth := 0; depth <= 3; depth++ {
		r, err := b.rangeReader(off, n)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		dir, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var leaf bool
		if off, n, leaf = find(dir); leaf {
			return dir, nil
		}
	}
	return nil, nil
}

// The same walk to a depth the caller sets: nothing bounds the readers held until
// return. Reported.
func walkToDepth(b *bucket, off, n int64, depth int) ([]byte, error) {
	for d := 0; d <= depth; d++ {
		r, err := b.rangeReader(off, n)
		if err != nil {
			return nil, err
		}
		defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until walkToDepth returns`
		dir, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		var leaf bool
		if off, n, leaf = find(dir); leaf {
			return dir, nil
		}
	}
	return nil, nil
}

// A constant count above a handful is a batch, whose pile grows with the count:
// reported.
func readBatch(b *bucket) error {
	for i := 0; i < 100; i++ {
		r, err := b.rangeReader(int64(i), 1)
		if err != nil {
			return err
		}
		defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until readBatch returns`
		if _, err := io.ReadAll(r); err != nil {
			return err
		}
	}
	return nil
}

// A few rounds inside another loop repeat with it: reported.
func walkEach(b *bucket, roots []int64) error {
	for _, root := range roots {
		for depth := 0; depth <= 3; depth++ {
			r, err := b.rangeReader(root, 1)
			if err != nil {
				return err
			}
			defer r.Close() // want `r.Close\(\) is deferred in a loop, so every iteration's r stays open until walkEach returns`
			if _, err := io.ReadAll(r); err != nil {
				return err
			}
		}
	}
	return nil
}

type exampleSet struct{}

func (*exampleSet) writePrompt(io.Writer) error { return nil }
func (*exampleSet) writeCSV(io.Writer) error    { return nil }
func (*exampleSet) writeJSON(io.Writer) error   { return nil }

func create(string) (io.WriteCloser, error) { return nil, nil }

// From x/vulndb's examples.write: a range over a map literal of three entries, a
// file per entry. The literal fixes the count at three, as for range 3 would:
// three files deferred in a loop hold no more than three opened one after
// another. Quiet, a plain delay reported with -deferloop.delayed.
func writeExamples(es *exampleSet) error {
	for name, write := range map[string]func(io.Writer) error{
		"prompt.txt":    es.writePrompt,
		"examples.csv":  es.writeCSV,
		"examples.json": es.writeJSON,
	} {
		f, err := create(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := write(f); err != nil {
			return err
		}
	}
	return nil
}

// A slice literal of nine names is more than a handful: reported.
func createNine() error {
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		f, err := create(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until createNine returns`
		if _, err := f.Write(nil); err != nil {
			return err
		}
	}
	return nil
}

// A keyed slice literal ([]string{9: "j"}) has ten elements, not one: its count is
// not read from the literal. Reported.
func createKeyed() error {
	for _, name := range []string{9: "j"} {
		f, err := create(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until createKeyed returns`
		if _, err := f.Write(nil); err != nil {
			return err
		}
	}
	return nil
}
