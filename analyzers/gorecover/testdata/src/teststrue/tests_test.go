package teststrue

import "testing"

func TestStart(t *testing.T) {
	go work() // want "goroutine running work does not recover panics"
}
