package owners

import (
	"context"
	"sync/atomic"
	"time"
)

// Contexts handed on in every iteration of a loop after the function derived
// them: the shape of testscript.RunT, which gives the context to each subtest
// and lets the last one to finish cancel it.

type T interface {
	Run(name string, f func(T))
}

type script struct {
	name string
	ctx  context.Context
}

func (s *script) run() {}

// Every iteration hands the context to a subtest, whose last one cancels it. A
// path leaves the loop still holding the context only when files is empty,
// which the caller rules out (testscript fails the test first): quiet. Known
// false negative: a collection that really can be empty leaks the context on
// that path, and it is not reported.
func runScripts(t T, parent context.Context, deadline time.Time, files []string) {
	ctx := parent
	var cancel context.CancelFunc
	if !deadline.IsZero() {
		ctx, cancel = context.WithTimeout(ctx, time.Until(deadline))
		_ = cancel
	}
	refCount := int32(len(files))
	for _, file := range files {
		t.Run(file, func(t T) {
			s := &script{name: file, ctx: ctx}
			defer func() {
				if atomic.AddInt32(&refCount, -1) == 0 && cancel != nil {
					cancel()
				}
			}()
			s.run()
		})
	}
}

// The same with a counted loop: a path leaves it holding the context only
// when n is zero. Quiet.
func runCounted(t T, parent context.Context, n int) {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	left := int32(n)
	for i := 0; i < n; i++ {
		t.Run("case", func(t T) {
			s := &script{ctx: ctx}
			defer func() {
				if atomic.AddInt32(&left, -1) == 0 {
					cancel()
				}
			}()
			s.run()
		})
	}
}

// An iteration that skips its file hands nothing on: when every file is
// skipped, the loop ends still holding the context, whatever the length.
// Reported once, at the call, naming the return; the return is also reached after
// handing the context on, so the advice is not to cancel just before it.
func runSome(t T, parent context.Context, files []string, skip func(string) bool) {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `the cancel function returned by context.WithTimeout is not called on the path to the end of the function at line 89, so the derived context and its timer are not released until its deadline passes \(or its parent is done\): call cancel\(\) on the path that reaches the return without handing the derived context on, before that path joins those that do \(not just before the return, which would cancel the context under its holder on those paths\)$`
	left := int32(len(files))
	for _, file := range files {
		if skip(file) {
			continue
		}
		t.Run(file, func(t T) {
			s := &script{name: file, ctx: ctx}
			defer func() {
				if atomic.AddInt32(&left, -1) == 0 {
					cancel()
				}
			}()
			s.run()
		})
	}
}

// A loop that may break out before handing the context on: reported.
func runUntil(t T, parent context.Context, files []string, stop func(string) bool) {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `not called on the path to the end of the function at line 104, .*: call cancel\(\) on the path that reaches the return without handing the derived context on, before that path joins those that do`
	for _, file := range files {
		if stop(file) {
			break
		}
		t.Run(file, func(t T) {
			s := &script{name: file, ctx: ctx}
			defer cancel()
			s.run()
		})
	}
}

// A return before the loop, which never hands anything on: reported, and
// cancelling on that path is right.
func runChecked(t T, parent context.Context, files []string) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `not called on the path to the return at line 111, .*: call cancel\(\) on each path that returns without handing the derived context on \(not with defer`
	if len(files) > 100 {
		return errFail
	}
	for _, file := range files {
		t.Run(file, func(t T) {
			s := &script{name: file, ctx: ctx}
			defer cancel()
			s.run()
		})
	}
	return nil
}
