// Package vetshapes holds the shapes of go vet's lostcancel tests, written anew:
// ctxcancel reports each of them at the same lines. TestMatchesVet runs vet's
// analyzer on this package too and checks that every line it reports is reported.
package vetshapes

import (
	"context"
	"log"
	"os"
	"testing"
	"time"
)

var parent = context.Background()

var flag bool
var n int

func declaredWithVar() {
	var _, cancel = context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is never called \(_ = cancel does not call it\)`
	if flag {
		_ = cancel
	}
}

func declaredShort() {
	_, stop := context.WithDeadline(parent, time.Time{}) // want `never called`
	if flag {
		_ = stop
	}
}

func assigned() {
	var release func()
	_, release = context.WithTimeout(parent, 0) // want `never called`
	if flag {
		_ = release
	}
}

func discarded() {
	ctx, _ := context.WithCancel(parent)              // want `the cancel function returned by context.WithCancel is discarded`
	ctx, _ = context.WithTimeout(parent, 0)           // want `the cancel function returned by context.WithTimeout is discarded`
	ctx, _ = context.WithDeadline(parent, time.Now()) // want `the cancel function returned by context.WithDeadline is discarded`
	_ = ctx
}

func deferred() {
	_, cancel := context.WithCancel(parent)
	defer cancel()
}

func calledOnOneBranch() {
	_, cancel := context.WithCancel(parent) // want `is not called on the path to the return at line 58`
	if flag {
		cancel()
	}
	return
}

func endlessLoopElsewhere() {
	_, cancel := context.WithCancel(parent)
	if flag {
		cancel()
	} else {
		for {
			println()
		}
	}
}

func boundedLoopElsewhere() {
	_, cancel := context.WithCancel(parent) // want `is not called on the path to the end of the function at line 81`
	if flag {
		cancel()
	} else {
		for i := 0; i < 3; i++ {
			println(i)
		}
	}
}

func switchEveryCaseEnds() {
	_, cancel := context.WithCancel(parent)
	switch n {
	case 0:
		new(testing.T).FailNow()
	case 1:
		log.Fatal()
	case 2:
		cancel()
	case 3:
		println()
		fallthrough
	default:
		os.Exit(1)
	}
}

func switchOneCaseFallsOut() {
	_, cancel := context.WithCancel(parent) // want `is not called on the path to the end of the function at line 114`
	switch n {
	case 0:
		new(testing.T).FailNow()
	case 1:
		log.Fatal()
	case 2:
		cancel()
	case 3:
		println()
	default:
		os.Exit(1)
	}
}

func selectOneCaseFallsOut(ch chan int) {
	_, cancel := context.WithCancel(parent) // want `is not called on the path to the end of the function at line 128`
	select {
	case <-ch:
		new(testing.T).FailNow()
	case ch <- 2:
		println()
	case ch <- 1:
		cancel()
	default:
		os.Exit(1)
	}
}

func blockingSelectPanics(ch chan int) {
	_, cancel := context.WithCancel(parent)
	select {
	case <-ch:
		panic(0)
	}
	if flag {
		_ = cancel
	}
}

func inGoroutine() {
	go func() {
		ctx, cancel := context.WithCancel(parent) // want `never called`
		if flag {
			_ = cancel
		}
		println(ctx)
	}()
}

func fieldCall() {
	var x struct{ f func() }
	x.f()
}

func namedResults() (ctx context.Context, cancel func()) {
	ctx, cancel = context.WithCancel(parent)
	return // returns cancel
}

var literal = func() (ctx context.Context, cancel func()) {
	ctx, cancel = context.WithCancel(parent)
	return
}

func assignedInClosure() {
	var cancel func()
	func() {
		_, cancel = context.WithCancel(parent)
	}()
	cancel()
}

var pkgCancel func()

// go vet assumes a package variable is called somewhere; ctxcancel looks.
func packageVariable() {
	_, pkgCancel = context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is stored in package variable pkgCancel, which nothing in this package calls`
}

var calledCancel func()

func packageVariableCalled() {
	_, calledCancel = context.WithCancel(parent)
}

func stop() { calledCancel() }

func cause() {
	{
		_, cancel := context.WithCancelCause(parent)
		defer cancel(nil)
	}
	{
		_, cancel := context.WithCancelCause(parent) // want `is not called on the path through the end of its block at line 199, .*: call cancel\(\) before the end of its block$`
		if flag {
			cancel(nil)
		}
	}
} // divergence: cancel is out of scope at this return; the report at line 195 names where the path leaves its block
