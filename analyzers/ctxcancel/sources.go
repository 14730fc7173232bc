package ctxcancel

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// ReturnsCancel is the fact that a function returns, at the listed result
// indices, a cancel function it obtained and neither called nor stored: its
// callers must call it. MayBeNil lists those of the results that some return
// statement fills with nil beside no error (a helper that adds a timeout only
// when the context has no deadline): its callers must test them before calling.
type ReturnsCancel struct {
	Results  []int
	MayBeNil []int
}

func (*ReturnsCancel) AFact() {}

func (f *ReturnsCancel) String() string {
	if len(f.MayBeNil) > 0 {
		return fmt.Sprintf("returnsCancel%v, maybe nil%v", f.Results, f.MayBeNil)
	}
	return fmt.Sprintf("returnsCancel%v", f.Results)
}

// InertParams is the fact that a function never calls nor keeps the function
// parameters at the listed indices: passing a cancel function to it does not call it.
type InertParams struct {
	Params []int
}

func (*InertParams) AFact()           {}
func (f *InertParams) String() string { return "inertParams" }

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

// contextFuncs are the functions of package context that return a cancel function
// as their second result.
var contextFuncs = []string{
	"WithCancel", "WithCancelCause",
	"WithTimeout", "WithTimeoutCause",
	"WithDeadline", "WithDeadlineCause",
}

// sourceOf returns what call hands out when it is a call of a function that
// returns a fresh cancel function: one of package context's, signal.NotifyContext,
// or a function with a ReturnsCancel fact. It returns nil for other calls.
func (c *checker) sourceOf(call *ast.CallExpr) *source {
	fn, ok := typeutil.Callee(c.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	results := fn.Signature().Results()
	src := &source{count: results.Len(), errIndex: -1}
	switch {
	case knowledge.IsFunc(fn, "context", contextFuncs...) && results.Len() == 2:
		src.name, src.results = "context."+fn.Name(), []int{1}
	case knowledge.IsFunc(fn, "os/signal", "NotifyContext") && results.Len() == 2:
		src.name, src.results, src.stop = "signal.NotifyContext", []int{1}, true
	default:
		var nilable []int
		src.results, nilable = c.returnsCancel(fn)
		if len(src.results) == 0 {
			return nil
		}
		src.name = funcName(c.pass.Pkg, fn)
		src.mayBeNil = len(nilable) > 0
		src.errIndex = errorResult(fn.Signature())
	}
	for _, r := range src.results {
		if r >= results.Len() {
			return nil
		}
		if sig, ok := results.At(r).Type().Underlying().(*types.Signature); ok && sig.Params().Len() == 1 {
			src.cause = true
		}
	}
	return src
}

// errorResult returns the index of sig's last result when there are several and
// the last one's type implements error (error itself, or a concrete type such as
// *nexus.HandlerError), or -1. A helper that fails returns that error and no
// cancel function, however the error is typed.
func errorResult(sig *types.Signature) int {
	last := sig.Results().Len() - 1
	if last > 0 && implementsError(sig.Results().At(last).Type()) {
		return last
	}
	return -1
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// implementsError reports whether t implements error. Function types never do, so
// a cancel function is never taken for an error.
func implementsError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

// returnsCancel returns the indices of the cancel functions fn returns, and those
// of them that may be nil (see ReturnsCancel).
func (c *checker) returnsCancel(fn *types.Func) (results, nilable []int) {
	if fn.Pkg() == c.pass.Pkg {
		return c.cancel[fn], c.nilable[fn]
	}
	var fact ReturnsCancel
	if c.pass.ImportObjectFact(fn, &fact) {
		return fact.Results, fact.MayBeNil
	}
	return nil, nil
}

// inertParam reports whether fn never calls nor keeps its parameter i.
func (c *checker) inertParam(fn *types.Func, i int) bool {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return slices.Contains(c.inert[fn], i)
	}
	var fact InertParams
	return c.pass.ImportObjectFact(fn, &fact) && slices.Contains(fact.Params, i)
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

// computeFacts finds this package's functions that return fresh cancel functions
// and those whose function parameters are inert, and exports them as facts. Both
// depend on other functions' (a helper may get its cancel function from another
// helper, and a parameter may be passed on to another function's inert
// parameter): obligation.Fixpoint computes them until nothing changes.
func (c *checker) computeFacts() {
	var decls []*ast.FuncDecl
	cursors := make(map[*ast.FuncDecl]inspector.Cursor)
	for cur := range c.in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if _, ok := c.info.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			decls = append(decls, decl)
			cursors[decl] = cur
		}
	}
	obligation.Fixpoint(c.info, decls, func(decl *ast.FuncDecl, fn *types.Func) bool {
		return c.updateFacts(cursors[decl], fn)
	})
	for fn, results := range c.cancel {
		c.pass.ExportObjectFact(fn, &ReturnsCancel{Results: results, MayBeNil: c.nilable[fn]})
	}
	for fn, params := range c.inert {
		c.pass.ExportObjectFact(fn, &InertParams{Params: params})
	}
}

// updateFacts adds to what c knows of fn what its body shows now, and reports
// whether it grew: fresh results, once found, stay, and nil results and inert
// parameters are added, never removed.
func (c *checker) updateFacts(cur inspector.Cursor, fn *types.Func) bool {
	grew := false
	if c.cancel[fn] == nil {
		if results := c.freshResults(cur, fn); len(results) > 0 {
			c.cancel[fn], grew = results, true
		}
	}
	if c.cancel[fn] != nil {
		for _, i := range c.nilResults(cur, fn, c.cancel[fn]) {
			if !slices.Contains(c.nilable[fn], i) {
				c.nilable[fn], grew = append(c.nilable[fn], i), true
			}
		}
		slices.Sort(c.nilable[fn])
	}
	for _, i := range c.inertParams(cur, fn) {
		if !slices.Contains(c.inert[fn], i) {
			c.inert[fn], grew = append(c.inert[fn], i), true
		}
	}
	slices.Sort(c.inert[fn])
	return grew
}

// freshResults returns the indices of fn's function results that some return
// statement fills with a cancel function fn obtained (from a source call, directly
// or through a local variable, or a closure that calls it) and neither deferred
// nor stored.
func (c *checker) freshResults(cur inspector.Cursor, fn *types.Func) []int {
	results := fn.Signature().Results()
	anyFunc := false
	for v := range results.Variables() {
		anyFunc = anyFunc || isFunc(v.Type())
	}
	if !anyFunc {
		return nil
	}
	decl := cur.Node().(*ast.FuncDecl)
	// The local variables that receive a cancel function.
	fresh := make(map[*types.Var]bool)
	for callCur := range cur.Preorder((*ast.CallExpr)(nil)) {
		if inLiteral(callCur, decl) {
			continue
		}
		src := c.sourceOf(callCur.Node().(*ast.CallExpr))
		if src == nil {
			continue
		}
		kind, _ := callCur.ParentEdge()
		if kind != edge.AssignStmt_Rhs && kind != edge.ValueSpec_Values {
			continue
		}
		lhs, _ := lhsOf(callCur.Parent().Node())
		for _, r := range src.results {
			if r < len(lhs) && len(lhs) == src.count {
				if id, ok := lhs[r].(*ast.Ident); ok {
					if v := c.varOf(id); v != nil && declaredIn(v, decl) {
						fresh[v] = true
					}
				}
			}
		}
	}
	for v := range fresh {
		for _, u := range c.usesOf(cur, v) {
			if u.kind == useStoredUnread || u.deferred || u.stored {
				delete(fresh, v)
			}
		}
	}
	callsFresh := func(lit *ast.FuncLit) bool {
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && fresh[v] {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	var out []int
	add := func(i int) {
		if i < results.Len() && isFunc(results.At(i).Type()) && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	for retCur := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		if inLiteral(retCur, decl) {
			continue
		}
		ret := retCur.Node().(*ast.ReturnStmt)
		if len(ret.Results) == 0 {
			for i := range results.Len() {
				if fresh[results.At(i)] {
					add(i)
				}
			}
			continue
		}
		if len(ret.Results) == 1 && results.Len() > 1 {
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				if src := c.sourceOf(call); src != nil && src.count == results.Len() {
					for _, r := range src.results {
						add(r)
					}
				}
			}
			continue
		}
		for i, res := range ret.Results {
			switch res := ast.Unparen(res).(type) {
			case *ast.Ident:
				if v, ok := c.info.Uses[res].(*types.Var); ok && fresh[v] {
					add(i)
				}
			case *ast.FuncLit:
				if callsFresh(res) {
					add(i)
				}
			case *ast.CallExpr:
				if src := c.sourceOf(res); src != nil && src.single() {
					add(i)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// nilResults returns those of fn's cancel results that some return statement of
// fn fills with nil while fn's error result, if it has one, is nil too: the
// caller gets no cancel function and no error to tell it so. A return of another
// helper's results (return h(ctx)) passes on that helper's nil ones. A nil cancel
// function beside a non-nil error is the paired-error rule's business: callers
// test the error first.
func (c *checker) nilResults(cur inspector.Cursor, fn *types.Func, cancels []int) []int {
	decl := cur.Node().(*ast.FuncDecl)
	sig := fn.Signature()
	errIndex := errorResult(sig)
	var out []int
	add := func(i int) {
		if slices.Contains(cancels, i) && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	for retCur := range cur.Preorder((*ast.ReturnStmt)(nil)) {
		if inLiteral(retCur, decl) {
			continue
		}
		ret := retCur.Node().(*ast.ReturnStmt)
		if len(ret.Results) == 1 && sig.Results().Len() > 1 {
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				if src := c.sourceOf(call); src != nil && src.mayBeNil && src.count == sig.Results().Len() {
					for _, r := range src.results {
						add(r)
					}
				}
			}
			continue
		}
		if len(ret.Results) != sig.Results().Len() || errIndex >= 0 && !isNil(c.info, ret.Results[errIndex]) {
			continue
		}
		for _, i := range cancels {
			if isNil(c.info, ret.Results[i]) {
				add(i)
			}
		}
	}
	return out
}

// inertParams returns the indexes of fn's parameters that are functions fn
// never calls nor keeps: every mention of it is a nil comparison, an assignment
// to _, or a pass to another inert parameter.
func (c *checker) inertParams(cur inspector.Cursor, fn *types.Func) []int {
	params := fn.Signature().Params()
	var inert []int
	for i := range params.Len() {
		p := params.At(i)
		if !isFunc(p.Type()) || p.Name() == "" || p.Name() == "_" || fn.Signature().Variadic() && i == params.Len()-1 {
			continue
		}
		if !slices.ContainsFunc(c.usesOf(cur, p), func(u use) bool { return u.kind == useCalls || u.stored }) {
			inert = append(inert, i)
		}
	}
	return inert
}

// inLiteral reports whether cur lies in a function literal inside fn.
func inLiteral(cur inspector.Cursor, fn ast.Node) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return c.Node() != fn
	}
	return false
}
