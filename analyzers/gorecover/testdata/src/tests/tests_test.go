package tests

import "testing"

func TestStart(t *testing.T) { // want TestStart:"recovery\\(recovered\\)"
	go work() // test files: not reported by default
	done := make(chan bool)
	go func() {
		defer close(done)
		work()
	}()
	<-done
	defer recover() // want `defer recover\(\) recovers nothing`
}
