package hack

// Code under hack (the Kubernetes convention) is developer tooling run by hand.

import "os"

func ReadVersion(name string) []byte {
	f, err := os.Open(name) // quiet: developer tooling under hack, run by hand
	if err != nil {
		return nil
	}
	b := make([]byte, 16)
	n, _ := f.Read(b)
	return b[:n]
}
