package cross // want package:"recovery analyzed"

// Package cross uses the helpers of another package: facts tell what they do.

import (
	"fmt"
	"helpers"
	"log"
)

func helperDeferred() {
	go func() {
		defer helpers.Recover()
	}()
	go func() {
		var l helpers.Logger
		defer l.Recover("worker")
	}()
}

func wrappers() { // want wrappers:"recovery\\(delegates\\)"
	helpers.Go(func() {})
	helpers.Run("x", func() {})
	helpers.GoVia(func() {})
	go helpers.Run("x", func() {})
	go func() {
		defer log.Print("done")
		helpers.Run("inner", work)
	}()
}

func launchers() {
	helpers.Spawn(func() { work() }) // want `the function literal runs in a new goroutine started by helpers.Spawn, and nothing recovers a panic there`
	helpers.Spawn(func() {
		defer helpers.Recover()
	})
	helpers.SpawnAll(func() { defer helpers.Recover() }, func() { work() }) // want `started by helpers.SpawnAll`
	helpers.Spawn(work)                                                     // want `work runs in a new goroutine started by helpers.Spawn`
	// Background's own goroutine is reported in its package; in analysistest the
	// module is not known, so its calls are reported here too.
	helpers.Background(func() { work() }) // want `started by helpers.Background`
}

func named() {
	go helpers.Loop()
	go helpers.Work() // want "goroutine running Work does not recover panics"
}

// misused defers literals that try to recover: it counts as recovered.
func misused() { // want misused:"recovery\\(recovered\\)"
	defer func() {
		helpers.Recover() // want "Recover calls recover\\(\\), which returns nil here because Recover is called by the deferred function"
	}()
	defer func() {
		var l helpers.Logger
		l.Recover("x") // want "Recover calls recover\\(\\), which returns nil here"
	}()
	helpers.Recover()    // want "Recover does nothing unless its recover\\(\\) stops a panic"
	_ = helpers.Report() // does more than recover: not reported outside a deferred function
	go helpers.Recover() // want "Recover calls recover\\(\\), which returns nil in a goroutine of its own"
}

// work stands for code that can panic.
func work() { fmt.Print("work") }
