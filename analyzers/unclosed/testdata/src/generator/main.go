// Package main is a generator run by hand, as grype's jsonschema generator is
// (measurement 17: cmd/grype/cli/commands/internal/jsonschema/main.go:42).
package main

import (
	"io"
	"os"
)

func main() {
	compose("db-search", []byte("{}"))
	compose("db-search-vuln", []byte("{}"))
	for _, name := range os.Args[1:] {
		writeEach(name, nil)
	}
	recurse(len(os.Args))
	recurse(len(os.Args) + 1)
}

// compose has two call sites, both in main and outside any loop: it runs
// twice per process, a number the code fixes, and so does write, which only
// compose calls. What write leaks it leaks twice, and the exit releases it.
func compose(component string, schema []byte) {
	write(component, schema)
}

func write(component string, schema []byte) {
	existing, err := os.Open(component + ".json") // quiet: runs a fixed number of times (twice) per process
	if err != nil {
		panic(err)
	}
	b, err := io.ReadAll(existing)
	if err != nil {
		panic(err)
	}
	if string(b) == string(schema) {
		return
	}
	os.WriteFile(component+".json", schema, 0o644)
}

// writeEach is write called in a loop over the arguments: once per argument,
// as many times as the command line says (the same leak without the fixed
// count).
func writeEach(component string, schema []byte) {
	existing, err := os.Open(component + ".json") // want `existing \(file from os.Open\) is not closed on any path`
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(existing)
	if string(b) != string(schema) {
		os.WriteFile(component+".json", schema, 0o644)
	}
}

// recurse has two call sites in main, but calls itself: no count is fixed.
func recurse(n int) {
	f, err := os.Open("input") // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return
	}
	f.Stat()
	if n > 0 {
		recurse(n - 1)
	}
}
