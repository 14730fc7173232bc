// Package metrics shows deferred calls whose arguments are evaluated too early.
package metrics

import (
	"log"
	"time"
)

// Histogram records durations.
type Histogram struct{ sum float64 }

// Observe records one value.
func (h *Histogram) Observe(v float64) { h.sum += v }

var requestSeconds Histogram

// Handle measures how long it takes; but the duration is computed when the defer
// statement runs, so it is always close to zero.
func Handle(work func() error) error {
	start := time.Now()
	defer requestSeconds.Observe(time.Since(start).Seconds())
	return work()
}

// Sync logs its result; but err is read when the defer statement runs, so the log
// always says <nil>.
func Sync(sync func() error) {
	var err error
	defer log.Printf("sync finished: %v", err)
	err = sync()
	if err != nil {
		log.Print("retrying")
	}
}

// Startup is measured on purpose at the defer statement, and says so.
func Startup() {
	start := time.Now()
	//deferlint:ignore deferargs the time to reach this line is what we log
	defer log.Printf("startup took %v", time.Since(start))
}
