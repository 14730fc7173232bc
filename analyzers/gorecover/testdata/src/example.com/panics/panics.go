// Package panics is a recovery helper package named by -gorecover.handler.
package panics

import "log"

func Log() {
	if r := recover(); r != nil {
		log.Print(r)
	}
}
