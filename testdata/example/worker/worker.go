// Package worker shows ignore directives that silence nothing.
package worker

import "log"

// Run logs the number of jobs it ran.
func Run(jobs []func()) {
	n := 0
	//deferlint:ignore deferarg typo in the analyzer name
	defer log.Printf("ran %d jobs", n)
	for _, job := range jobs {
		job()
		n++
	}
}
