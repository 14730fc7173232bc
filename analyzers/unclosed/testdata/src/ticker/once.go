//go:build go1.22

package ticker

import (
	"fmt"
	"os"
	"sync"
	"time"
)

var counter sync.Once

// A goroutine started under a package-level sync.Once runs once per process,
// as a call there would (measurement 42: rethinkdb-go's connection counter):
// the ticker it drops when the file cannot be created is dropped once.
func countConnections(n *int64) {
	counter.Do(func() {
		go func() {
			t := time.NewTicker(time.Second) // quiet: once per process
			f, err := os.Create("count")
			if err != nil {
				return
			}
			for {
				<-t.C
				fmt.Fprintln(f, *n)
			}
		}()
	})
}

type monitor struct{ once sync.Once }

// A sync.Once in a struct field runs once per value, and there may be many: each
// monitor's goroutine drops its ticker when the file cannot be created.
func (m *monitor) count(n *int64) {
	m.once.Do(func() {
		go func() {
			t := time.NewTicker(time.Second) // want `t \(ticker from time.NewTicker\) is not stopped on any path`
			f, err := os.Create("count")
			if err != nil {
				return
			}
			for {
				<-t.C
				fmt.Fprintln(f, *n)
			}
		}()
	})
}
