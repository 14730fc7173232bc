package fixes

import (
	"os"
	"testing"

	"golang.org/x/sync/errgroup"
)

func use(...any) {}

func deferred(paths []string) {
	var f *os.File
	for _, p := range paths {
		f, _ = os.Open(p)
		defer func() {
			f.Close() // want `reads f`
		}()
	}
}

func withParams(paths []string) {
	var f *os.File
	var n int
	for i, p := range paths {
		f, _ = os.Open(p)
		n = i
		go func(prefix string) {
			use(prefix, f, n) // want `reads f` `reads n`
		}("x")
	}
}

func launcher(items []string) error {
	var g errgroup.Group
	var cur string
	for _, it := range items {
		cur = it
		g.Go(func() error {
			use(cur) // want `reads cur`
			return nil
		})
	}
	return g.Wait()
}

func subtest(t *testing.T) {
	var name string
	for _, tc := range []string{"a"} {
		name = tc
		t.Run(tc, func(t *testing.T) {
			t.Parallel()
			use(name) // want `reads name`
		})
	}
}

// No fix: the literal assigns the variable.
func writesVar(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		go func() {
			use(cur) // want `reads cur`
			cur = ""
		}()
	}
}

// No fix: a variadic literal.
func variadic(items []string) {
	var cur string
	for _, it := range items {
		cur = it
		go func(rest ...int) {
			use(cur, rest) // want `reads cur`
		}()
	}
}

// No fix: the type's package is not imported by this file.
func unimported(items []string) {
	_, ctx := errgroup.WithContext(nil)
	for range items {
		_, ctx = errgroup.WithContext(ctx)
		go func() {
			use(ctx) // want `reads ctx`
		}()
	}
}

// No fix: the block assigns the variable after the call, which a copy would take.
func assignedAfter(items []string) {
	var g errgroup.Group
	var cur string
	for _, it := range items {
		cur = it
		g.Go(func() error {
			use(cur) // want `reads cur`
			return nil
		})
		cur = ""
	}
	use(cur)
}
