package ctxcancel

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/resources"
)

// source describes a call that hands its caller cancel functions.
type source struct {
	name    string // how messages name the callee: context.WithTimeout, pkg.Helper
	results []int  // the results that are cancel functions
	count   int    // the number of results
	stop    bool   // a stop function (signal.NotifyContext), not a cancel function
	cause   bool   // the cancel function takes a cause: cancel(nil)
	// timer says that the derived context has a deadline (WithTimeout,
	// WithDeadline and their Cause forms): its timer cancels it when the
	// deadline passes, so a lost cancel function keeps the context and the timer
	// until then, not for the parent's whole life.
	timer bool
	// helper says that the source is a function with fresh cancel results,
	// whose context may or may not have a deadline.
	helper bool
	// mayBeNil says that the helper may return a nil cancel function beside no
	// error: a call of it must be guarded by a nil test.
	mayBeNil bool
	// errIndex is the index of a helper's last result when its type implements
	// error (see errorResult), or -1.
	errIndex int
}

func (s *source) word() string {
	if s.stop {
		return "stop"
	}
	return "cancel"
}

func (s *source) what() string {
	return "the " + s.word() + " function returned by " + s.name
}

// leak says what a lost cancel function costs at run time.
func (s *source) leak() string {
	switch {
	case s.stop:
		return "the signal stays registered and the derived context is not released"
	case s.timer:
		return "the derived context and its timer are not released " + s.until()
	}
	return "the derived context is not released " + s.until()
}

// until says when a derived context that nobody cancels is released anyway: a
// context with a deadline when its timer fires, any other when its parent is
// done (the parent's cancellation cancels its children). A helper's context may
// have either.
func (s *source) until() string {
	switch {
	case s.timer:
		return "until its deadline passes (or its parent is done)"
	case s.helper:
		return "until its parent is done (or its deadline passes, if it has one)"
	}
	return "until its parent is done"
}

// single reports whether the call returns just the cancel function.
func (s *source) single() bool { return s.count == 1 }

// sourceOf returns what call hands out when it is a call of a function that
// returns a fresh cancel function: one of package context's, signal.NotifyContext,
// or a function with fresh cancel results (see resources.Facts.CancelsOf). It
// returns nil for other calls.
func (c *checker) sourceOf(call *ast.CallExpr) *source {
	cs := c.facts.CancelsOf(c.info, call)
	if cs == nil {
		return nil
	}
	fn := cs.Callee
	results := fn.Signature().Results()
	src := &source{results: cs.Results, count: results.Len(), stop: cs.Stop, mayBeNil: cs.MayBeNil, helper: cs.Helper, errIndex: -1}
	src.timer = knowledge.IsFunc(fn, "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause")
	if cs.Helper {
		src.name = funcName(c.pass.Pkg, fn)
		src.errIndex = resources.ErrorResult(fn.Signature())
	} else {
		src.name = fn.Pkg().Name() + "." + fn.Name()
	}
	for _, r := range src.results {
		if sig, ok := results.At(r).Type().Underlying().(*types.Signature); ok && sig.Params().Len() == 1 {
			src.cause = true
		}
	}
	return src
}

// funcName names fn for messages: Name, pkg.Name, T.Method or pkg.T.Method,
// without the package when it is from. The analyzer's messages have always
// named functions so (tests pin "helper.Client.Timeout"), where
// knowledge.ShortFuncName would write "(*helper.Client).Timeout".
func funcName(from *types.Package, fn *types.Func) string {
	name := fn.Name()
	if tn, _ := knowledge.Receiver(fn); tn != nil {
		name = tn.Name() + "." + name
	}
	if fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
