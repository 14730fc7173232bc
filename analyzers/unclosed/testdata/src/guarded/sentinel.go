package guarded

import (
	"bufio"
	"io"
	"os"
)

// A resource acquired here is none of the values that existed before it: a
// comparison with a variable of another package (os.Stdin), or with a local
// given once such a value, is true on every path that holds it.

func skipComment(io.Reader) error { return nil }

// From go-lua's loadFile (measurement 38): standard input or a named file, closed
// unless it is standard input. Only the early return leaks.
func readNamedOrStdin(name string, w io.Writer) error {
	f := os.Stdin
	if name != "" {
		var err error
		f, err = os.Open(name) // want `f \(file from os.Open\) is not closed on the path to the return at line 27, so its file descriptor leaks: call f.Close\(\) on that path too, as the function does on the others`
		if err != nil {
			return err
		}
	}
	if err := skipComment(f); err != nil {
		return err
	}
	_, err := io.Copy(w, bufio.NewReader(f))
	if f != os.Stdin {
		f.Close()
	}
	return err
}

func writeNamedOrStdout(name string, data []byte) error {
	std := os.Stdout
	out := std
	if name != "-" {
		var err error
		out, err = os.Create(name) // quiet: out == std is false while out holds the file
		if err != nil {
			return err
		}
	}
	_, err := out.Write(data)
	if out == std {
		return err
	}
	return out.Close()
}

// A local that takes another value later says nothing: it may hold the file.
func compareChanging(name string, data []byte) error {
	prev := os.Stdout
	out, err := os.Create(name) // want `out \(file from os.Create\) is not closed on the path to the return at line 63`
	if err != nil {
		return err
	}
	prev = out
	_, err = out.Write(data)
	if out == prev {
		return err
	}
	return out.Close()
}
