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

func (s *source) leak() string {
	if s.stop {
		return "the signal stays registered and the derived context is not released"
	}
	return "the derived context is not released until its parent is done"
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
	src := &source{results: cs.Results, count: results.Len(), stop: cs.Stop, mayBeNil: cs.MayBeNil, errIndex: -1}
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
