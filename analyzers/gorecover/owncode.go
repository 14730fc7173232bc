package gorecover

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/testcode"
)

// This file holds what the goroutine rule does not count as code the package
// does not control, though it is called through an interface or a function
// value: a logger, an interface only the module implements; and which
// goroutines belong to test support.

// logNames are the methods and function fields by which Go's loggers log (Printf,
// Infof, Debugw...). Logging is not why anyone recovers goroutines: a logger
// the user supplies formats and writes, and recovering at the top of a
// goroutine for it would be out of all proportion.
var logNames = map[string]bool{
	"Print": true, "Log": true, "Debug": true, "Info": true, "Warn": true, "Warning": true, "Error": true, "Trace": true,
}

// logs reports whether call logs through a logger: a method with a logging
// name (Print, Printf, Println, Infow...) called on a value whose variable,
// field or type names a logger (Logger.Printf, c.opt.Logger.Infof, l.Debug with
// l a *zap.Logger), or a function-typed variable or field with a logging name
// (opts.Logf).
func (c *checker) logs(call *ast.CallExpr) bool {
	fun := ast.Unparen(call.Fun)
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		id, ok := fun.(*ast.Ident)
		return ok && isLogName(id.Name) && isFuncVar(c.pass.TypesInfo.Uses[id])
	}
	if !isLogName(sel.Sel.Name) {
		return false
	}
	if isFuncVar(c.pass.TypesInfo.Uses[sel.Sel]) {
		return true // opts.Logf(...)
	}
	return namesLogger(sel.X) || typeNamesLogger(c.pass.TypesInfo.TypeOf(sel.X))
}

func isFuncVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	_, isFunc := underlyingOf(v.Type()).(*types.Signature)
	return isFunc
}

// isLogName reports whether name is a logging name followed by nothing or by a
// usual suffix: f (format), ln (line), w (key-value pairs), Context or Ctx.
func isLogName(name string) bool {
	for _, suffix := range []string{"", "f", "ln", "w", "Context", "Ctx"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && logNames[base] {
			return true
		}
	}
	return false
}

// namesLogger reports whether the expression a method is called on is named as
// a logger (Logger, c.log, s.opts.Logger).
func namesLogger(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return strings.Contains(strings.ToLower(x.Name), "log")
	case *ast.SelectorExpr:
		return strings.Contains(strings.ToLower(x.Sel.Name), "log")
	case *ast.CallExpr: // c.Logger().Printf
		return namesLogger(x.Fun)
	}
	return false
}

// typeNamesLogger reports whether t is a named type (or a pointer to one) whose
// name says logger (StdLogger, *zap.Logger, Logging).
func typeNamesLogger(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && strings.Contains(strings.ToLower(named.Obj().Name()), "log")
}

// moduleInterface reports whether the interface named is implemented by its
// declaring module only, or serves as the package's own product, so that its
// methods run the module's code, not the user's:
//
//   - it has an unexported method: no other package can implement it (go-redis'
//     Cmder), except by embedding one of the declaring package's types;
//   - it is declared in an internal package: the user cannot name it, and only
//     hands the module values the module made;
//   - a struct type of its package implements it, and a function or method of
//     the package returns it: the interface hides the package's own type behind
//     its constructor (a Client that NewClient returns). A hook meant for the
//     user (a Handler) is accepted by the package, not returned with an
//     implementation of its own.
func (c *checker) moduleInterface(named *types.Named) bool {
	if c.ownIfaces == nil {
		c.ownIfaces = make(map[*types.Named]bool)
	}
	if own, seen := c.ownIfaces[named]; seen {
		return own
	}
	own := hasUnexportedMethod(named) || inInternal(named.Obj().Pkg()) || isProduct(named)
	c.ownIfaces[named] = own
	return own
}

func hasUnexportedMethod(named *types.Named) bool {
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range iface.Methods() {
		if !m.Exported() {
			return true
		}
	}
	return false
}

// inInternal reports whether pkg's path has an internal element, so that only
// the tree around it may import it.
func inInternal(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, elem := range strings.Split(pkg.Path(), "/") {
		if elem == "internal" {
			return true
		}
	}
	return false
}

// isProduct reports whether a struct type of the interface's package implements
// it and a function or method of the package (not of an interface) returns it.
func isProduct(named *types.Named) bool {
	pkg := named.Obj().Pkg()
	iface, ok := named.Underlying().(*types.Interface)
	if pkg == nil || !ok || iface.Empty() {
		return false
	}
	implemented, returned := false, false
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			returned = returned || returns(obj, named)
		case *types.TypeName:
			t, ok := types.Unalias(obj.Type()).(*types.Named)
			if !ok || types.IsInterface(t) {
				continue
			}
			if _, isStruct := t.Underlying().(*types.Struct); isStruct && !implemented {
				implemented = types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)
			}
			for m := range t.Methods() {
				returned = returned || returns(m, named)
			}
		}
		if implemented && returned {
			return true
		}
	}
	return false
}

// returns reports whether fn has a result of type named.
func returns(fn *types.Func, named *types.Named) bool {
	results := fn.Signature().Results()
	for v := range results.Variables() {
		if types.Identical(v.Type(), named) {
			return true
		}
	}
	return false
}

// Why recovering at the top of a goroutine would be the wrong fix for the
// user's code it runs (see topRecoverLoses).
const (
	losesReport = "would lose what the call reports, or stop its loop"
	skipsRest   = "would skip what it does after the call"
)

// topRecoverLoses says what a recover at the top of a goroutine running body
// would lose, if the user's code that call runs panicked, or "" when it would
// lose nothing. The call reports back: it runs in a loop of body, or its
// result is used (err := fn(ctx, node)) by a goroutine that communicates with
// others (sends the error on a channel, signals a WaitGroup); recovering at
// the top would stop the loop in silence, or turn the panic into a missing
// report (a nil error, a success). Or the call is a statement whose result,
// if any, is dropped, and the goroutine does more work after it (hook(err);
// w.Stop()): recovering at the top would skip that work, which does not
// depend on the call. Either way the panic is to be recovered around the call.
func (c *checker) topRecoverLoses(body *ast.BlockStmt, call *ast.CallExpr) string {
	path := pathTo(body, call)
	switch {
	case path == nil:
		return ""
	case inLoop(path) || resultUsed(path) && c.communicates(body):
		return losesReport
	case !resultUsed(path) && c.workAfter(path):
		return skipsRest
	}
	return ""
}

// pathTo returns the nodes from body down to call, call excluded, or nil when
// call is not in body.
func pathTo(body *ast.BlockStmt, call *ast.CallExpr) []ast.Node {
	var path, found []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			path = path[:len(path)-1]
			return true
		}
		if n.Pos() > call.Pos() || n.End() < call.End() {
			return false
		}
		if n == call {
			found = slices.Clone(path)
			return false
		}
		path = append(path, n)
		return true
	})
	return found
}

// workAfter reports whether, in the function whose body holds the end of
// path, a statement that follows the one holding the call does work: it calls
// a function (not a conversion nor a built-in other than close and panic),
// sends or receives on a channel, or starts a goroutine. Deferred calls run
// in a panic anyway.
func (c *checker) workAfter(path []ast.Node) bool {
	for i := len(path) - 2; i >= 0; i-- {
		if _, ok := path[i].(*ast.FuncLit); ok {
			return false // statements outside it may run before it, or elsewhere
		}
		list, _ := flow.StmtList(path[i])
		after := false
		for _, stmt := range list {
			if after && c.doesWork(stmt) {
				return true
			}
			after = after || stmt == path[i+1]
		}
	}
	return false
}

// doesWork reports whether stmt calls a function (not a conversion nor a
// built-in other than close and panic), communicates on a channel or starts a
// goroutine, outside its deferred calls.
func (c *checker) doesWork(stmt ast.Stmt) bool {
	work := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false
		case *ast.GoStmt, *ast.SendStmt:
			work = true
		case *ast.UnaryExpr:
			work = n.Op == token.ARROW
		case *ast.CallExpr:
			work = c.callWorks(n)
		}
		return !work
	})
	return work
}

func (c *checker) callWorks(call *ast.CallExpr) bool {
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return false
	}
	if _, isLit := ast.Unparen(call.Fun).(*ast.FuncLit); isLit {
		return false // its body is looked into next
	}
	if b, ok := c.x.FuncOf(call.Fun).(*types.Builtin); ok {
		return b.Name() == "close" || b.Name() == "panic"
	}
	return true
}

// resultUsed reports whether the call below path is used as a value, not as a
// statement of its own.
func resultUsed(path []ast.Node) bool {
	if len(path) == 0 {
		return false
	}
	switch p := path[len(path)-1].(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		return false
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if id, ok := lhs.(*ast.Ident); !ok || id.Name != "_" {
				return true
			}
		}
		return false
	}
	return true
}

// inLoop reports whether path passes through a loop's body (not through a
// function literal inside it, whose calls run when it is called).
func inLoop(path []ast.Node) bool {
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// testSupport reports whether the function declaration decl is test support
// written outside a _test.go file (a mock server's methods): it takes a testing
// handle, or an interface with the methods of testing.TB it uses to fail a test
// (a TestReporter with Errorf and Fatal), or its receiver is a struct holding
// one. A panic there fails a test run, as in a test.
func (c *checker) testSupport(decl *ast.FuncDecl) bool {
	if decl == nil {
		return false
	}
	if decl.Recv != nil && len(decl.Recv.List) == 1 {
		t := c.pass.TypesInfo.TypeOf(decl.Recv.List[0].Type)
		if isTestHandle(t) || holdsTestHandle(t) {
			return true
		}
	}
	for _, f := range decl.Type.Params.List {
		if isTestHandle(c.pass.TypesInfo.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

// tbMethods are the methods of testing.TB by which a test reports and fails.
var tbMethods = map[string]bool{
	"Error": true, "Errorf": true, "Fatal": true, "Fatalf": true, "Fail": true, "FailNow": true,
	"Log": true, "Logf": true, "Helper": true, "Cleanup": true, "Name": true, "Skip": true,
	"Skipf": true, "SkipNow": true, "Skipped": true, "Failed": true, "TempDir": true, "Setenv": true,
	"Chdir": true, "Context": true, "Attr": true, "Output": true, "ArtifactDir": true,
}

// isTestHandle reports whether t is a testing handle (testing.T, B, F, TB) or a
// non-empty interface whose methods are all named as testing.TB's, among them
// a variadic Fatal, Fatalf, Error or Errorf, or FailNow: a handle written so as
// not to import testing (an error, with its Error() string, is not one).
func isTestHandle(t types.Type) bool {
	if t == nil {
		return false
	}
	if testcode.IsHandle(t) {
		return true
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return false
	}
	fails := false
	for m := range iface.Methods() {
		if !tbMethods[m.Name()] {
			return false
		}
		switch m.Name() {
		case "Error", "Errorf", "Fatal", "Fatalf":
			fails = fails || m.Signature().Variadic() // not error's Error() string
		case "FailNow":
			fails = true
		}
	}
	return fails
}

// holdsTestHandle reports whether t is a struct, or a pointer to one, that
// holds a testing handle: in a field, or in a struct one of its fields holds,
// down to testHandleDepth structs (a test environment that embeds its shared
// state, which holds a testify mock.Mock, which holds the test's TestingT).
// Such a struct is a test's machinery: its mocks fail the test with a panic.
func holdsTestHandle(t types.Type) bool {
	return holdsTestHandleWithin(t, testHandleDepth, make(map[types.Type]bool))
}

// testHandleDepth bounds how deep holdsTestHandle looks: a test environment
// holds its mock, which holds the handle; production code does not hold a
// test's mock at any depth, but a search without bound would cost as much as
// the types it walks.
const testHandleDepth = 3

func holdsTestHandleWithin(t types.Type, depth int, seen map[types.Type]bool) bool {
	if depth == 0 || t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	st, ok := underlyingOf(t).(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if isTestHandle(f.Type()) || holdsTestHandleWithin(f.Type(), depth-1, seen) {
			return true
		}
	}
	return false
}
