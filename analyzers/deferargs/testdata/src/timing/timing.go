package timing

import (
	"log"
	"time"
)

type histogram struct{}

func (histogram) Observe(float64) {}

var latency histogram

func record(d time.Duration)             {}
func trace(start time.Time, name string) {}

func since() {
	start := time.Now()
	defer record(time.Since(start)) // want `time.Since\(start\) is evaluated when the defer statement runs, not when the deferred call runs, so it measures almost nothing: defer a function literal that computes it`
}

func subSeconds() {
	t0 := time.Now()
	defer latency.Observe(time.Now().Sub(t0).Seconds()) // want `time.Now\(\).Sub\(t0\) is evaluated when the defer statement runs`
}

func nested() {
	start := time.Now()
	defer log.Printf("took %v", []any{time.Since(start)}) // want `time.Since\(start\) is evaluated`
}

func arithmetic(start int64) {
	defer log.Printf("took %dns", time.Now().UnixNano()-start) // want `time.Now\(\).UnixNano\(\) - start is evaluated`
}

func literalArgument() {
	start := time.Now()
	defer func(d time.Duration) { record(d) }(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

// True negatives.

func startTimeCapturedOnPurpose() {
	defer trace(time.Now(), "startTimeCapturedOnPurpose")
}

func insideLiteral() {
	start := time.Now()
	defer func() { record(time.Since(start)) }()
}

func inLoop(items []int) {
	for range items {
		start := time.Now()
		defer record(time.Since(start)) // want `time.Since\(start\) is evaluated`
	}
}

func unrelatedSub(a, b int) {
	defer log.Print(a - b)
}
