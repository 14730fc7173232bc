// Package clean has nothing to report.
package clean

import (
	"log"
	"time"
)

// Handle measures how long it takes, correctly.
func Handle(work func() error) (err error) {
	start := time.Now()
	defer func() { log.Printf("took %v: %v", time.Since(start), err) }()
	return work()
}
