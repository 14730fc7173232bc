package timing

import "time"

// ../../deferlint.toml grades deferargs a warning.
func Measure() {
	start := time.Now()
	defer println(time.Since(start).String()) // want `^warning: time.Since\(start\) is evaluated when the defer statement runs`
}
