package timing

import "time"

// ../deferlint.toml turns deferargs off here.
func Measure() {
	start := time.Now()
	defer println(time.Since(start).String())
}
