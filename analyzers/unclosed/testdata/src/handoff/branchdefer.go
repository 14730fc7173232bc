package handoff

import (
	"io"
	"os"
)

// parse keeps its reader in a decoder, as vals's nodesFromReader hands it to a
// yaml.Decoder: a call that takes the reader on.
func parse(r io.Reader) ([]string, error) {
	lastDecoder = &decoder{r: r}
	return nil, nil
}

type decoder struct{ r io.Reader }

var lastDecoder *decoder

// The release deferred in the branch that opens the file runs on every path from
// the open to the read after the branches (vals's Inputs, measurement 46): the
// read through the alias hands nothing on, and the advice is to move the defer up.
func inputs(name string) ([]string, error) {
	var reader io.Reader
	if name == "-" {
		reader = os.Stdin
	} else {
		fp, err := os.Open(name) // want `fp \(file from os.Open\) is not closed on the path to the return at line 32, so its file descriptor leaks: move the deferred release at line 35 up to right after the error check, so that it runs on the returns before it too`
		if err != nil {
			return nil, err
		}
		if info, err := fp.Stat(); err != nil || info.IsDir() {
			return nil, err
		}
		reader = fp
		defer func() {
			_ = fp.Close()
		}()
	}
	return parse(reader)
}
