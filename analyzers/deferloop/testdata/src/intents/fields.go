package intents

import (
	"blob"
	"io"
)

// The iteration closes the one field the deferred Close releases (blob.Blob's Close
// only closes Data): the defer is a safety net for the early returns (umoci's
// UnpackRootfs).
func unpackLayers(names []string, w io.Writer) error {
	for _, name := range names {
		b, err := blob.Open(name)
		if err != nil {
			return err
		}
		defer b.Close()
		data, ok := b.Data.(io.ReadCloser)
		if !ok {
			return err
		}
		if _, err := io.Copy(w, data); err != nil {
			return err
		}
		if err := data.Close(); err != nil {
			return err
		}
	}
	return nil
}

// The field itself, closed through an assertion.
func unpackAsserted(names []string) error {
	for _, name := range names {
		b, err := blob.Open(name)
		if err != nil {
			return err
		}
		defer b.Close()
		if err := b.Data.(io.Closer).Close(); err != nil {
			return err
		}
	}
	return nil
}

// A path round skips closing the field: that blob stays open.
func unpackSkipped(names []string, w io.Writer) error {
	for _, name := range names {
		b, err := blob.Open(name)
		if err != nil {
			return err
		}
		defer b.Close() // want `b.Close\(\) is deferred in a loop, so every iteration's b stays open until unpackSkipped returns`
		data, ok := b.Data.(io.ReadCloser)
		if !ok {
			continue
		}
		data.Close()
	}
	return nil
}

// Closing one of the two fields a Close releases leaves the other open.
func closeHalf(names []string) error {
	for _, name := range names {
		p, err := blob.OpenPair(name)
		if err != nil {
			return err
		}
		defer p.Close() // want `p.Close\(\) is deferred in a loop, so every iteration's p stays open until closeHalf returns`
		p.In.Close()
	}
	return nil
}

// A Close that does more than close its field (it removes a file) is not ended by
// closing the field.
func closeLogged(names []string) error {
	for _, name := range names {
		l, err := blob.OpenLogged(name)
		if err != nil {
			return err
		}
		defer l.Close() // want `l.Close\(\) is deferred in a loop, so every iteration's l stays open until closeLogged returns`
		l.Data.Close()
	}
	return nil
}

// The variable closed holds another blob's field: the iteration's blob stays open.
func closeOther(names []string, first *blob.Blob) error {
	for _, name := range names {
		b, err := blob.Open(name)
		if err != nil {
			return err
		}
		defer b.Close() // want `b.Close\(\) is deferred in a loop, so every iteration's b stays open until closeOther returns`
		data, _ := first.Data.(io.ReadCloser)
		data.Close()
	}
	return nil
}
