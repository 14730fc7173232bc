package messages

import "os"

// A resource that leaks on several returns is named at all of them: the first
// in the source (a Stat failure) need not be the one that happens (a size
// limit; measurement 18: honnef.co/go/tools go/loader/loader.go:266).

func readSmall(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the paths to the returns at lines 16 and 19, so its file descriptor leaks: move defer f.Close\(\) at line 21 up`
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, os.ErrInvalid
	}
	defer f.Close()
	b := make([]byte, fi.Size())
	_, err = f.Read(b)
	return b, err
}

func statThenEnd(name string, verbose bool) {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on the paths to the return at line 33 and the end of the function at line 38`
	if err != nil {
		return
	}
	if verbose {
		return
	}
	if _, err := f.Stat(); err != nil {
		f.Close()
	}
}
