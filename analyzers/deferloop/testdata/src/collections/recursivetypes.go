package collections

import "os"

// Tree is its own element: asking whether a value of it may refer to the file
// must end.
type Tree []Tree

func readTree(f *os.File) Tree { return nil }

func recursiveTypes(names []string) int {
	n := 0
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop`
		t := readTree(f)
		n += len(t)
	}
	return n
}
