package main // want package:"analyzed}$"

// A command is analyzed like any other package.

import "os"

// No fact: main returns nothing and takes nothing.
func main() {
	f, err := os.Open("input")
	if err != nil {
		return
	}
	f.Close()
}
