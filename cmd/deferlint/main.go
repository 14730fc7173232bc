// Command deferlint finds bugs with defer, goroutines, contexts and resources.
//
//	deferlint [flags] [packages]
//	go vet -vettool=$(which deferlint) [packages]
//	go fix -fixtool=$(which deferlint) [packages]
//
// Run deferlint -help for the flags and deferlint -list for the analyzers.
package main

import (
	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/internal/driver"
)

func main() {
	driver.Main(analyzers.All())
}
