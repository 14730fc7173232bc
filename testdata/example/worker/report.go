package worker

import "log"

// Report logs a summary; the check mark before n makes byte and UTF-16 columns differ.
func Report(done func() int) {
	total := 0
	defer log.Printf("✓ %d", total)
	total = done()
}
