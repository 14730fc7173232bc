package resources

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// Asserts says that a function returns normally only when some of its
// parameters hold: must(err) and noError(t, err) return only for a nil error,
// wantErr(t, err) only for a non-nil one, requireTrue(t, cond) only for a true
// cond. Never says that it does not return at all (fatalf(t, ...)). It is read from
// the function's body: every path to a return passes a test of the parameter that
// fails, or a call that does not return (panic, os.Exit, log.Fatal, t.Fatal,
// t.FailNow, another such function).
type Asserts struct {
	Never  bool
	Params []Assertion
}

// Assertion says what holds of one parameter when the function returns.
type Assertion struct {
	Param int
	Error bool // the parameter is an error; otherwise a bool
	Holds bool // on return: the bool's value, or whether the error is non-nil
}

func (a *Asserts) String() string {
	if a.Never {
		return "never returns"
	}
	var parts []string
	for _, p := range a.Params {
		parts = append(parts, fmt.Sprintf("param %d %s", p.Param, p.word()))
	}
	return "asserts " + strings.Join(parts, ", ")
}

func (p Assertion) word() string {
	switch {
	case p.Error && p.Holds:
		return "non-nil"
	case p.Error:
		return "nil"
	case p.Holds:
		return "true"
	}
	return "false"
}

// CallAssertion is an Assertion at a call: the argument that holds as said.
type CallAssertion struct {
	Arg ast.Expr
	Assertion
}

// testifyAsserts lists the testify require functions and Assertions methods that
// end the test unless their argument holds. Their bodies reach t.FailNow through
// an interface and a bool from the assert package, which the body analysis does
// not follow: this table stands in for their facts. Argument indexes count t for
// the functions, not for the methods.
var testifyAsserts = map[string]Assertion{
	"NoError": {Param: 1, Error: true, Holds: false}, "NoErrorf": {Param: 1, Error: true, Holds: false},
	"Error": {Param: 1, Error: true, Holds: true}, "Errorf": {Param: 1, Error: true, Holds: true},
	"ErrorIs": {Param: 1, Error: true, Holds: true}, "ErrorIsf": {Param: 1, Error: true, Holds: true},
	"ErrorAs": {Param: 1, Error: true, Holds: true}, "ErrorAsf": {Param: 1, Error: true, Holds: true},
	"ErrorContains": {Param: 1, Error: true, Holds: true}, "ErrorContainsf": {Param: 1, Error: true, Holds: true},
	"EqualError": {Param: 1, Error: true, Holds: true}, "EqualErrorf": {Param: 1, Error: true, Holds: true},
	"True": {Param: 1, Holds: true}, "Truef": {Param: 1, Holds: true},
	"False": {Param: 1, Holds: false}, "Falsef": {Param: 1, Holds: false},
}

const testifyRequire = "github.com/stretchr/testify/require"

// Assertions returns what holds of call's arguments when call returns, from the
// callee's Asserts fact (or this package's analysis) or the testify table.
func (t *Tracker) Assertions(call *ast.CallExpr) []CallAssertion {
	fn, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || isMethodExpr(t.Pass.TypesInfo, call) {
		return nil
	}
	fn = fn.Origin()
	var params []Assertion
	if fn.Pkg().Path() == testifyRequire {
		if a, ok := testifyAsserts[fn.Name()]; ok {
			if fn.Signature().Recv() != nil {
				a.Param-- // (*Assertions).NoError(err): no t
			}
			params = []Assertion{a}
		}
	} else if a := t.assertsOf(fn); a != nil {
		params = a.Params
	} else if i := fatalCheck(fn); i >= 0 {
		params = []Assertion{{Param: i, Error: true, Holds: false}} // fisk.FatalIfError(err, ...)
	}
	var out []CallAssertion
	for _, p := range params {
		if p.Param < len(call.Args) {
			out = append(out, CallAssertion{Arg: call.Args[p.Param], Assertion: p})
		}
	}
	return out
}

func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// assertsOf returns what fn asserts, from the facts (other packages' looked up
// once per function: every call of the package asks).
func (t *Tracker) assertsOf(fn *types.Func) *Asserts {
	if fn.Pkg() == t.Pass.Pkg {
		return t.facts.asserts[fn]
	}
	a, seen := t.imported[fn]
	if !seen {
		a = t.facts.AssertsOf(fn)
		t.imported[fn] = a
	}
	return a
}

// failMethods are the methods of testing's T, B, F and TB that mark the test
// failed and return; Failed reports that one of them (or Fatal) was called.
var failMethods = map[string]bool{"Error": true, "Errorf": true, "Fail": true}

// MarksFailed reports whether call marks the running test failed and returns:
// t.Error, t.Errorf or t.Fail, on *testing.T, B, F, testing.TB or a type that
// embeds one. The run that takes this path fails whatever happens after it.
func (t *Tracker) MarksFailed(call *ast.CallExpr) bool {
	return testingMethod(t.Pass.TypesInfo, call, failMethods)
}

// TestFailed reports whether cond is t.Failed(): true only when the test has
// already been marked failed.
func (t *Tracker) TestFailed(cond ast.Expr) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	return ok && testingMethod(t.Pass.TypesInfo, call, map[string]bool{"Failed": true})
}

// testingMethod reports whether call is a call of one of the named methods
// declared in package testing (on its common type or the TB interface, also
// when promoted through embedding).
func testingMethod(info *types.Info, call *ast.CallExpr, names map[string]bool) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "testing" && fn.Signature().Recv() != nil && names[fn.Name()]
}

// MayReturn reports whether call may return to its caller: flow.MayReturn, and
// also false for the methods of testing.TB that end the test, for functions
// with the Asserts fact that never return, and for the sending of a fatal event
// (see sendsCrashEvent).
func (t *Tracker) MayReturn(call *ast.CallExpr) bool {
	if !flow.MayReturn(t.Pass.TypesInfo, call) || sendsCrashEvent(t.Pass.TypesInfo, call) {
		return false
	}
	fn, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return true
	}
	// flow.MayReturn knows the methods that end a test on *testing.T, B and F,
	// not through the interface testing.TB.
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && knowledge.StopsTest(fn) {
		return false
	}
	a := t.assertsOf(fn.Origin())
	if a == nil {
		return !fatalNamed(fn) || fatalCheck(fn) >= 0
	}
	return !a.Never
}

// eventSends are the methods by which an event-builder logger sends the event it
// built: zerolog's Event.Msg, Msgf, MsgFunc and Send (phuslu/log's Entry has the
// same).
var eventSends = []string{"Msg", "Msgf", "MsgFunc", "Send"}

// sendsCrashEvent reports whether call sends an event built from a crash-level
// call: a chain of method calls log.Fatal().Err(err).Msg("...") whose root is a
// call named Fatal or Panic (knowledge.CrashNames) that returns the event, whose
// links each return that event's type, and whose last call sends it
// (eventSends). An event-builder logger (zerolog and the loggers built on its
// design) logs at sending, and a Fatal event then exits (os.Exit(1)) and a Panic
// event panics, so the send never returns. Only a logger configured to drop
// fatal events (zerolog's level set to Disabled) would return: a logger set so
// would also lose the messages its program dies with, and is not assumed.
func sendsCrashEvent(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !slices.Contains(eventSends, sel.Sel.Name) {
		return false
	}
	event := info.TypeOf(sel.X)
	if event == nil {
		return false
	}
	for x := ast.Unparen(sel.X); ; {
		link, ok := x.(*ast.CallExpr)
		if !ok || !types.Identical(info.TypeOf(link), event) {
			return false
		}
		fn, ok := typeutil.Callee(info, link).(*types.Func)
		if !ok {
			return false
		}
		if knowledge.IsCrashName(fn.Name()) && fn.Signature().Results().Len() == 1 {
			return true
		}
		linkSel, ok := ast.Unparen(link.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		x = ast.Unparen(linkSel.X)
	}
}

// fatalNamed reports whether fn is named by the Go convention for a function
// that ends the program or the test: its name starts with Fatal (log.Fatal,
// klog.Fatalf, zap's Logger.Fatal, logrus's Fatalln, kingpin's and fisk's
// FatalUsage, t.Fatal). Such a function does not return to its caller, though
// its body may not show it: it calls an exit function held in a field or
// reached through an interface (fisk's Application.terminate, a logger's
// exit hook). The convention is read only where no fact says otherwise (a
// function whose body asserts or never returns is read from its body).
func fatalNamed(fn *types.Func) bool { return strings.HasPrefix(fn.Name(), "Fatal") }

// fatalCheck returns the index of the error parameter of a function named by
// the Fatal convention that takes one (kingpin's and fisk's FatalIfError(err,
// format, args...)): it ends the program only when that error is non-nil, and
// returns when it is nil. It returns -1 for any other function.
func fatalCheck(fn *types.Func) int {
	if !fatalNamed(fn) {
		return -1
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if isError(params.At(i)) {
			return i
		}
	}
	return -1
}

// Graph returns the control-flow graph of body, with the calls that do not return
// by MayReturn ending their blocks.
func (t *Tracker) Graph(body *ast.BlockStmt) *flow.Graph {
	return flow.Build(t.Pass.TypesInfo, body, t.MayReturn)
}

// computeAsserts finds this package's functions with the Asserts fact. A function
// that never returns, or asserts a parameter, changes what its callers' bodies
// say: obligation.Fixpoint analyzes them again until nothing changes.
func (t *Tracker) computeAsserts(calls *obligation.CallGraph, decls []*ast.FuncDecl) {
	calls.Fixpoint(decls, t.updateAsserts)
}

// updateAsserts adds to the Asserts fact of fn what its body shows now, and
// reports whether it grew: Never, once found, stays, and assertions are added,
// never removed.
func (t *Tracker) updateAsserts(fd *ast.FuncDecl, fn *types.Func) bool {
	old := t.facts.asserts[fn]
	if old != nil && old.Never || !t.mayStop(fd.Body) {
		return false
	}
	a := t.assertsFrom(fd)
	if a == nil {
		return false
	}
	if old != nil && !a.Never {
		a.Params = union(old.Params, a.Params)
	}
	if old != nil && a.String() == old.String() {
		return false
	}
	t.facts.asserts[fn] = a
	return true
}

// union returns the assertions of both lists, in the order of parameters and,
// for one parameter, false before true.
func union(x, y []Assertion) []Assertion {
	out := slices.Clone(x)
	for _, a := range y {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b Assertion) int {
		if a.Param != b.Param {
			return a.Param - b.Param
		}
		return boolOrder(a.Holds) - boolOrder(b.Holds)
	})
	return out
}

func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mayStop is the fast path: whether body has a call that does not return, and no
// recover, which could turn a panic into a normal return.
func (t *Tracker) mayStop(body *ast.BlockStmt) bool {
	calls := t.callsIn(body).frame
	for _, call := range calls {
		if b, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Builtin); ok && b.Name() == "recover" {
			return false
		}
	}
	for _, call := range calls {
		if !t.MayReturn(call) || len(t.Assertions(call)) > 0 {
			return true
		}
	}
	return false
}

// assertsFrom reads the Asserts fact of fd from its body, or nil.
func (t *Tracker) assertsFrom(fd *ast.FuncDecl) *Asserts {
	g := flow.Build(t.Pass.TypesInfo, fd.Body, t.MayReturn).CFG
	if !t.returns(g, nil, false) {
		return &Asserts{Never: true}
	}
	var a Asserts
	index := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			index++ // an unnamed parameter is never tested
			continue
		}
		for _, name := range field.Names {
			i := index
			index++
			p, _ := t.Pass.TypesInfo.Defs[name].(*types.Var)
			if p == nil || assigned(t.Pass.TypesInfo, fd.Body, p) {
				continue
			}
			isErr := isError(p)
			if !isErr && !types.Identical(p.Type().Underlying(), types.Typ[types.Bool]) {
				continue // a variadic parameter is a slice: never asserted
			}
			for _, holds := range []bool{false, true} {
				if !t.returns(g, p, !holds) {
					a.Params = append(a.Params, Assertion{Param: i, Error: isErr, Holds: holds})
				}
			}
		}
	}
	if len(a.Params) == 0 {
		return nil
	}
	return &a
}

var errorType = types.Universe.Lookup("error").Type()

// isError reports whether p is of the error interface type.
func isError(p *types.Var) bool { return types.Identical(p.Type(), errorType) }

// assigned reports whether v is assigned, or its address taken, in body.
func assigned(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// returns reports whether some path through g reaches a normal return (a return
// statement or the end of the body) when parameter p has the truth value truth (a
// bool's value, whether an error is non-nil); with p nil, under no assumption.
// Branches whose condition is false under the assumption are not taken, and a
// call asserting the opposite of the assumption ends its path.
func (t *Tracker) returns(g *cfg.CFG, p *types.Var, truth bool) bool {
	if len(g.Blocks) == 0 {
		return true
	}
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block) bool
	walk = func(b *cfg.Block) bool {
		if seen[b] {
			return false
		}
		seen[b] = true
		for _, n := range b.Nodes {
			if p != nil && t.contradicts(n, p, truth) {
				return false
			}
		}
		if b.Return() != nil {
			return true
		}
		if len(b.Succs) == 0 {
			return !endsInStop(b, t.MayReturn)
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 && p != nil {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				if v, known := t.truthOf(cond, p, truth); known {
					if v {
						succs = succs[:1]
					} else {
						succs = succs[1:]
					}
				}
			}
		}
		for _, s := range succs {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(g.Blocks[0])
}

// endsInStop reports whether block b, which has no successors, ends with a call
// that does not return (rather than at the end of the body).
func endsInStop(b *cfg.Block, mayReturn func(*ast.CallExpr) bool) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	s, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	return ok && !mayReturn(call)
}

// contradicts reports whether n is a call statement that asserts of p the opposite
// of truth: it does not return under the assumption.
func (t *Tracker) contradicts(n ast.Node, p *types.Var, truth bool) bool {
	s, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range t.Assertions(call) {
		v, known := t.truthOf(a.Arg, p, truth)
		if a.Error {
			id, ok := ast.Unparen(a.Arg).(*ast.Ident)
			v, known = truth, ok && isError(p) && t.Pass.TypesInfo.Uses[id] == p
		}
		if known && v != a.Holds {
			return true
		}
	}
	return false
}

// truthOf evaluates e when p has the truth value truth: p itself (a bool), p != nil
// and p == nil (an error), and !, && and || of those. known is false for anything
// else.
func (t *Tracker) truthOf(e ast.Expr, p *types.Var, truth bool) (value, known bool) {
	info := t.Pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if info.Uses[e] == p && !isError(p) {
			return truth, true
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			v, k := t.truthOf(e.X, p, truth)
			return !v, k
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			x, kx := t.truthOf(e.X, p, truth)
			y, ky := t.truthOf(e.Y, p, truth)
			and := e.Op == token.LAND
			switch {
			case kx && ky:
				if and {
					return x && y, true
				}
				return x || y, true
			case kx && x != and, ky && y != and:
				return !and, true // false && _, true || _
			}
		case token.EQL, token.NEQ:
			for _, pair := range [][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				id, ok := ast.Unparen(pair[0]).(*ast.Ident)
				other, ok2 := ast.Unparen(pair[1]).(*ast.Ident)
				if ok && ok2 && info.Uses[id] == p && isError(p) && info.Uses[other] == types.Universe.Lookup("nil") {
					return truth == (e.Op == token.NEQ), true
				}
			}
		}
	}
	return false, false
}
