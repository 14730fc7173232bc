package resources

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// contextFuncs are the functions of package context that return a cancel function
// as their second result.
var contextFuncs = []string{
	"WithCancel", "WithCancelCause",
	"WithTimeout", "WithTimeoutCause",
	"WithDeadline", "WithDeadlineCause",
}

// CancelSource is what a call that hands its caller cancel functions yields.
type CancelSource struct {
	Callee  *types.Func
	Results []int // the results that are cancel functions
	// Stop says that it is a stop function (signal.NotifyContext), not a
	// cancel function.
	Stop bool
	// MayBeNil says that a helper may return a nil cancel function beside no
	// error (see Fresh): a call of it must be guarded by a nil test.
	MayBeNil bool
	// Helper says that the callee is a function with fresh cancel results, not
	// one of package context's or signal.NotifyContext.
	Helper bool
}

// CancelsOf returns what call hands out when it is a call of a function that
// returns fresh cancel functions: one of package context's, signal.NotifyContext,
// or a function with fresh results of CancelKind. It returns nil for other
// calls.
func (f *Facts) CancelsOf(info *types.Info, call *ast.CallExpr) *CancelSource {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	results := fn.Signature().Results()
	src := &CancelSource{Callee: fn}
	switch {
	case knowledge.IsFunc(fn, "context", contextFuncs...) && results.Len() == 2:
		src.Results = []int{1}
	case knowledge.IsFunc(fn, "os/signal", "NotifyContext") && results.Len() == 2:
		src.Results, src.Stop = []int{1}, true
	default:
		for _, r := range f.FreshResults(fn) {
			if r.Kind == CancelKind {
				src.Results = append(src.Results, r.Result)
				src.MayBeNil = src.MayBeNil || r.MayBeNil
			}
		}
		if len(src.Results) == 0 {
			return nil
		}
		src.Helper = true
	}
	for _, r := range src.Results {
		if r >= results.Len() {
			return nil
		}
	}
	return src
}

// ErrorResult returns the index of sig's last result when there are several and
// the last one's type implements error (error itself, or a concrete type such as
// *nexus.HandlerError), or -1. A helper that fails returns that error and no
// cancel function, however the error is typed.
func ErrorResult(sig *types.Signature) int {
	last := sig.Results().Len() - 1
	if last > 0 && ImplementsError(sig.Results().At(last).Type()) {
		return last
	}
	return -1
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// ImplementsError reports whether t implements error. Function types never do, so
// a cancel function is never taken for an error.
func ImplementsError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

// cancelScan computes the cancel facts of one package: the functions that return
// fresh cancel functions, those of their results that may be nil, and the
// function parameters that a function neither calls nor keeps (inert).
type cancelScan struct {
	info    *types.Info
	facts   *Facts
	uses    *FuncUses
	inert   map[*types.Func][]int // found so far: grows
	nilable map[*types.Func][]int // found so far: grows
}

// ComputeCancels adds to facts the cancel facts of the package's functions
// decls: fresh results of CancelKind (with MayBeNil), and as Owned the function
// parameters a function may call or keep. Both depend on other functions' (a
// helper may get its cancel function from another helper, and a parameter may be
// passed on to another function's inert parameter): the fixed point of calls
// computes them until nothing changes. It grows the inert parameters, not the
// owned ones, so that a parameter only passed around a cycle of calls counts as
// called (the greatest set of inert parameters is not sought).
func ComputeCancels(pkg *types.Package, info *types.Info, root inspector.Cursor, facts *Facts, calls *obligation.CallGraph, decls []*ast.FuncDecl) {
	s := &cancelScan{info: info, facts: facts, inert: make(map[*types.Func][]int), nilable: make(map[*types.Func][]int)}
	s.uses = &FuncUses{Info: info, Pkg: pkg, Inert: s.isInert}
	cursors := make(map[*ast.FuncDecl]inspector.Cursor, len(decls))
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		cursors[cur.Node().(*ast.FuncDecl)] = cur
	}
	calls.Fixpoint(decls, func(decl *ast.FuncDecl, fn *types.Func) bool {
		return s.update(cursors[decl], fn)
	})
	for _, decl := range decls {
		if fn, ok := info.Defs[decl.Name].(*types.Func); ok {
			s.record(fn)
		}
	}
}

// isInert reports whether fn never calls nor keeps its parameter i, as found so
// far for this package's functions.
func (s *cancelScan) isInert(fn *types.Func, i int) bool {
	fn = fn.Origin()
	if fn.Pkg() == s.facts.pkg {
		return slices.Contains(s.inert[fn], i)
	}
	return s.facts.Inert(fn, i)
}

// record writes what was found of fn into the facts: its fresh cancel results,
// and, as owned, its function parameters that are not inert.
func (s *cancelScan) record(fn *types.Func) {
	for i, r := range s.facts.fresh[fn] {
		if r.Kind == CancelKind && slices.Contains(s.nilable[fn], r.Result) {
			s.facts.fresh[fn][i].MayBeNil = true
		}
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if inertCandidate(fn.Signature(), i) && !slices.Contains(s.inert[fn], i) {
			s.facts.owned[fn] = append(s.facts.owned[fn], i)
		}
	}
	slices.Sort(s.facts.owned[fn])
}

// inertCandidate reports whether parameter i of sig is one that can be inert: a
// named function, not variadic (see Facts.Inert).
func inertCandidate(sig *types.Signature, i int) bool {
	p := sig.Params().At(i)
	return IsFunc(p.Type()) && p.Name() != "" && p.Name() != "_" && !(sig.Variadic() && i == sig.Params().Len()-1)
}

// update adds to what s knows of fn what its body shows now, and reports
// whether it grew: fresh results, once found, stay, and nil results and inert
// parameters are added, never removed.
func (s *cancelScan) update(cur inspector.Cursor, fn *types.Func) bool {
	grew := false
	if !s.hasCancels(fn) {
		if results := s.freshResults(cur, fn); len(results) > 0 {
			for _, r := range results {
				s.facts.fresh[fn] = append(s.facts.fresh[fn], Fresh{Result: r, Kind: CancelKind})
			}
			slices.SortFunc(s.facts.fresh[fn], func(a, b Fresh) int { return a.Result - b.Result })
			grew = true
		}
	}
	if cancels := s.cancelResults(fn); len(cancels) > 0 {
		for _, i := range s.nilResults(cur, fn, cancels) {
			if !slices.Contains(s.nilable[fn], i) {
				s.nilable[fn], grew = append(s.nilable[fn], i), true
			}
		}
		slices.Sort(s.nilable[fn])
	}
	for _, i := range s.inertParams(cur, fn) {
		if !slices.Contains(s.inert[fn], i) {
			s.inert[fn], grew = append(s.inert[fn], i), true
		}
	}
	slices.Sort(s.inert[fn])
	return grew
}

func (s *cancelScan) hasCancels(fn *types.Func) bool { return len(s.cancelResults(fn)) > 0 }

// cancelResults returns the indices of fn's fresh cancel results found so far.
func (s *cancelScan) cancelResults(fn *types.Func) []int {
	var out []int
	for _, r := range s.facts.fresh[fn] {
		if r.Kind == CancelKind {
			out = append(out, r.Result)
		}
	}
	return out
}

// sourceOf is CancelsOf with the nil results found so far for this package's
// helpers, whose facts are not recorded until the fixed point ends.
func (s *cancelScan) sourceOf(call *ast.CallExpr) *CancelSource {
	src := s.facts.CancelsOf(s.info, call)
	if src != nil && src.Helper && src.Callee.Pkg() == s.facts.pkg {
		src.MayBeNil = len(s.nilable[src.Callee]) > 0
	}
	return src
}

// single reports whether a call of src's callee returns just the cancel function.
func single(src *CancelSource) bool { return src.Callee.Signature().Results().Len() == 1 }

// count returns the number of results of src's callee.
func count(src *CancelSource) int { return src.Callee.Signature().Results().Len() }

// freshResults returns the indices of fn's function results that some return
// statement fills with a cancel function fn obtained (from a source call, directly
// or through a local variable, or a closure that calls it) and neither deferred,
// stored, nor handed to a goroutine that may call it (see goroutineCalls).
func (s *cancelScan) freshResults(cur inspector.Cursor, fn *types.Func) []int {
	results := fn.Signature().Results()
	anyFunc := false
	for v := range results.Variables() {
		anyFunc = anyFunc || IsFunc(v.Type())
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
		call := callCur.Node().(*ast.CallExpr)
		src := s.sourceOf(call)
		if src == nil {
			continue
		}
		kind, _ := callCur.ParentEdge()
		if kind != edge.AssignStmt_Rhs && kind != edge.ValueSpec_Values {
			continue
		}
		lhs, _, _ := flow.Sides(callCur.Parent().Node())
		for _, r := range src.Results {
			if r < len(lhs) && len(lhs) == count(src) {
				if id, ok := lhs[r].(*ast.Ident); ok {
					if v := VarOf(s.info, id); v != nil && DeclaredIn(v, decl) {
						fresh[v] = true
					}
				}
			}
		}
	}
	goStmts := goStatements(cur)
	for v := range fresh {
		for _, u := range s.uses.Of(cur, v) {
			if u.Kind == FuncStoredUnread || u.Deferred || u.Stored || goroutineCalls(u, goStmts) {
				delete(fresh, v)
			}
		}
	}
	callsFresh := func(lit *ast.FuncLit) bool {
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
					if v, ok := s.info.Uses[id].(*types.Var); ok && fresh[v] {
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
		if i < results.Len() && IsFunc(results.At(i).Type()) && !slices.Contains(out, i) {
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
				if src := s.sourceOf(call); src != nil && count(src) == results.Len() {
					for _, r := range src.Results {
						add(r)
					}
				}
			}
			continue
		}
		for i, res := range ret.Results {
			switch res := ast.Unparen(res).(type) {
			case *ast.Ident:
				if v, ok := s.info.Uses[res].(*types.Var); ok && fresh[v] {
					add(i)
				}
			case *ast.FuncLit:
				if callsFresh(res) {
					add(i)
				}
			case *ast.CallExpr:
				if src := s.sourceOf(res); src != nil && single(src) {
					add(i)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// goStatements returns the go statements of the function at cur, those in its
// function literals included.
func goStatements(cur inspector.Cursor) []*ast.GoStmt {
	var out []*ast.GoStmt
	for goCur := range cur.Preorder((*ast.GoStmt)(nil)) {
		out = append(out, goCur.Node().(*ast.GoStmt))
	}
	return out
}

// goroutineCalls reports whether the use u of a cancel function hands it to a
// goroutine that may call it: a call (or any use that may call it) inside a go
// statement's function literal (go func() { ...; cancel() }()), or the cancel
// function given to a goroutine's function (go watch(ctx, cancel)) that is not
// known never to call it. The function that starts the goroutine has handed
// the duty to call it to that goroutine (asyncPayloadCopy's copy goroutine
// cancels its writer when the copy is done): when it also returns the cancel
// function, its caller may call it early, to interrupt, but a caller that does
// not call it leaks nothing the goroutine will not release. Whether the
// goroutine calls it on every one of its paths is not asked: precision first.
func goroutineCalls(u FuncUse, goStmts []*ast.GoStmt) bool {
	if u.Kind != FuncCalls {
		return false
	}
	for _, g := range goStmts {
		if g.Call.Pos() <= u.Pos && u.Pos < g.Call.End() {
			return true
		}
	}
	return false
}

// IsBackground reports whether e is a call of context.Background() or TODO().
func IsBackground(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && knowledge.IsFunc(fn, "context", "Background", "TODO")
}

// nilResults returns those of fn's cancel results that some return statement of
// fn fills with nil while fn's error result, if it has one, is nil too: the
// caller gets no cancel function and no error to tell it so. A return of another
// helper's results (return h(ctx)) passes on that helper's nil ones. A nil cancel
// function beside a non-nil error is the paired-error rule's business: callers
// test the error first.
func (s *cancelScan) nilResults(cur inspector.Cursor, fn *types.Func, cancels []int) []int {
	decl := cur.Node().(*ast.FuncDecl)
	sig := fn.Signature()
	errIndex := ErrorResult(sig)
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
				if src := s.sourceOf(call); src != nil && src.MayBeNil && count(src) == sig.Results().Len() {
					for _, r := range src.Results {
						add(r)
					}
				}
			}
			continue
		}
		if len(ret.Results) != sig.Results().Len() || errIndex >= 0 && !flow.IsNil(s.info, ret.Results[errIndex]) {
			continue
		}
		for _, i := range cancels {
			if flow.IsNil(s.info, ret.Results[i]) {
				add(i)
			}
		}
	}
	return out
}

// inertParams returns the indexes of fn's parameters that are functions fn
// never calls nor keeps: every mention of it is a nil comparison, an assignment
// to _, or a pass to another inert parameter.
func (s *cancelScan) inertParams(cur inspector.Cursor, fn *types.Func) []int {
	params := fn.Signature().Params()
	var inert []int
	for i := range params.Len() {
		if !inertCandidate(fn.Signature(), i) {
			continue
		}
		if !slices.ContainsFunc(s.uses.Of(cur, params.At(i)), func(u FuncUse) bool { return u.Kind == FuncCalls || u.Stored }) {
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
