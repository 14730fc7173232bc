package loops_test

import (
	"testing"

	"github.com/deferlint/deferlint/internal/loops"
)

const callerFixedSrc = `package p

const checks = 3

func use() {
	drift(checks)
	drift(1)
	ranged(4)
	doubled(0, 3)
	inclusive(2)
	exported(3)
	byVariable(3)
	n := 3
	byVariable(n)
	reassigned(3)
	asValue(3)
	f := asValue
	f(9)
	twoParams(3, 4)
	counterMoved(3)
	recursive(3)
	spread(3)
	sliced([]int{1, 2})
	var v value
	v.method(3)
}

// drift's count is checks+2 at most: 5 (sntpDrift).
func drift(measurements int) {
	for i := 0; i < measurements+2; i++ {
		mark(5)
	}
}

func ranged(n int) {
	for range n {
		mark(4)
	}
}

func doubled(_ int, n int) {
	for i := 1; i < 2*(n+1); i++ {
		mark(7) // 1..7
	}
}

func inclusive(n int) {
	for i := 0; i <= n; i++ {
		mark(3)
	}
}

func neverCalled(n int) {
	for range n {
		mark(-1) // no call fixes its count
	}
}

func Exported(n int) {
	for range n {
		mark(-1) // other packages may call it
	}
}

func exported(n int) { Exported(n) }

func byVariable(n int) {
	for range n {
		mark(-1) // a caller passes a variable
	}
}

func reassigned(n int) {
	n *= 100
	for range n {
		mark(-1) // the body changes the count
	}
}

func asValue(n int) {
	for range n {
		mark(-1) // called through a variable too
	}
}

func twoParams(a, b int) {
	for i := 0; i < a+b; i++ {
		mark(-1) // two parameters: not followed
	}
}

func counterMoved(n int) {
	for i := 0; i < n; i++ {
		i--
		mark(-1)
	}
}

func recursive(n int) {
	for range n {
		mark(-1) // it calls itself with n-1
	}
	if n > 0 {
		recursive(n - 1)
	}
}

func spread(n ...int) {
	for range n[0] {
		mark(-1) // variadic
	}
}

func sliced(xs []int) {
	for range xs {
		mark(-1) // not a counted loop
	}
}

type value struct{}

func (value) method(n int) {
	for range n {
		mark(-1) // a method: an interface may call it
	}
}

func mark(int) {}
`

func TestCallerFixedCount(t *testing.T) {
	checkCounts(t, callerFixedSrc, loops.CallerFixedCount)
}
