package outer

import "sync/atomic"

var grandTotal int64

func step() int64 { return 1 }

// A deferred function that reads a total the loop accumulates runs at return to
// see the final total: passing it as an argument would freeze a partial total in
// each deferred call. (The defer repeating in the loop is deferloop's finding.)
func countCalls(stop <-chan struct{}) {
	var calls int64
	for {
		calls++
		defer func() { atomic.AddInt64(&grandTotal, calls) }()
		select {
		case <-stop:
			return
		default:
		}
	}
}

// The same for an operator assignment and for a slice the loop appends to.
func sumAll(parts []int64, report func(int64, []int64)) {
	var sum int64
	var seen []int64
	for _, p := range parts {
		sum += p * step()
		seen = append(seen, p)
		defer func() { report(sum, seen) }()
	}
}

// A variable that the loop overwrites with a fresh value, not one built on the
// old, is no total: the deferred function sees only the last value, reported.
func lastStep(parts []int64, report func(int64)) {
	var cur int64
	for range parts {
		cur = step()
		defer func() { report(cur) }() // want `the deferred function reads cur, which is declared outside the loop and assigned again on later iterations`
	}
}

// A goroutine reads the total while the loop goes on changing it: reported.
func countInBackground(parts []int64, report func(int64)) {
	var calls int64
	for range parts {
		calls++
		go func() { report(calls) }() // want `the goroutine reads calls, which is declared outside the loop and assigned again on later iterations`
	}
}
