package deferargs

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

//go:embed doc.go
var doc string

// Analyzer reports deferred calls whose arguments are evaluated too early.
var Analyzer = &analysis.Analyzer{
	Name:     "deferargs",
	Doc:      docs.Extract(doc, "deferargs"),
	URL:      report.URL("deferargs"),
	Requires: report.Requires,
	Run:      run,
}

// run walks the files with ast.PreorderStack rather than requiring the inspect
// analyzer: building an inspector costs several walks and stays live for the whole
// run of the driver, while the defers are all this check needs.
func run(pass *analysis.Pass) (any, error) {
	funcs := make(map[ast.Node]*funcInfo)
	for _, file := range pass.Files {
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			stmt, ok := n.(*ast.DeferStmt)
			if !ok {
				return true
			}
			fn, enclosing := loops.InStack(stack)
			if fn == nil {
				return true
			}
			info := funcs[fn]
			if info == nil {
				info = newFuncInfo(fn)
				funcs[fn] = info
			}
			checkDefer(pass, info, stmt, len(enclosing) > 0)
			return true
		})
	}
	return nil, nil
}

// funcInfo is what the checks need to know about the function that holds a defer.
type funcInfo struct {
	node         ast.Node
	body         *ast.BlockStmt
	namedResults []*ast.Ident
	graph        *flow.Graph // built on first use: most defers need none
}

func newFuncInfo(fn ast.Node) *funcInfo {
	info := &funcInfo{node: fn, body: flow.FuncBody(fn)}
	if typ := flow.FuncType(fn); typ != nil && typ.Results != nil {
		for _, field := range typ.Results.List {
			info.namedResults = append(info.namedResults, field.Names...)
		}
	}
	return info
}

func (f *funcInfo) flowGraph(pass *analysis.Pass) *flow.Graph {
	if f.graph == nil {
		f.graph = flow.New(pass.TypesInfo, f.body)
	}
	return f.graph
}

func checkDefer(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, inLoop bool) {
	call := stmt.Call
	_, literal := ast.Unparen(call.Fun).(*ast.FuncLit)
	if early := earlyDuration(pass.TypesInfo, call, literal); early != nil {
		report.Node(pass, early, fmt.Sprintf(
			"%s is evaluated when the defer statement runs, not when the deferred call runs, so it measures almost nothing: defer a function literal that computes it",
			render(pass, early)), wrapFix(pass, stmt, inLoop || literal)...)
		return
	}
	if literal {
		return // its arguments are captured on purpose: defer func(n int) { ... }(n)
	}
	for _, arg := range call.Args {
		if id, assign := laterAssigned(pass, fn, stmt, arg); id != nil {
			line := pass.Fset.Position(assign).Line
			report.Node(pass, id, fmt.Sprintf(
				"%s is evaluated when the defer statement runs, so the deferred call does not see the assignment at line %d: defer a function literal that reads %s",
				id.Name, line, id.Name), wrapFix(pass, stmt, inLoop)...)
			return
		}
	}
}

// earlyDuration returns the first expression in the deferred call that computes a
// duration from the current time: time.Since(...), a Time.Sub call, or arithmetic
// on time.Now(). Function literal bodies are not searched: they run later. When the
// deferred function is itself a literal, only its arguments are searched.
func earlyDuration(info *types.Info, call *ast.CallExpr, literal bool) ast.Expr {
	var found ast.Expr
	visit := func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isTimeFunc(info, n, "Since") || isTimeSub(info, n) {
				found = n
			}
		case *ast.BinaryExpr:
			for _, operand := range []ast.Expr{n.X, n.Y} {
				if nowBased(info, operand) {
					found = n
				}
			}
		}
		return found == nil
	}
	if literal {
		for _, arg := range call.Args {
			ast.Inspect(arg, visit)
		}
	} else {
		ast.Inspect(call, visit)
	}
	return found
}

// nowBased reports whether e is time.Now() or a method chain on it, such as
// time.Now().UnixNano().
func nowBased(info *types.Info, e ast.Expr) bool {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		if isTimeFunc(info, call, "Now") {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		e = sel.X
	}
}

func isTimeFunc(info *types.Info, call *ast.CallExpr, name string) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == name && fn.Signature().Recv() == nil
}

func isTimeSub(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "time" || fn.Name() != "Sub" {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && types.TypeString(recv.Type(), nil) == "time.Time"
}

// laterAssigned looks for a local variable read by arg that is assigned on some path
// after the defer statement. It returns the variable's identifier in arg and the
// position of the assignment.
func laterAssigned(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, arg ast.Expr) (*ast.Ident, token.Pos) {
	var (
		found  *ast.Ident
		assign token.Pos
	)
	ast.Inspect(arg, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			return n.Op != token.AND // &err: the call reads the variable when it runs
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[n].(*types.Var)
			if !ok || v.IsField() || v.Pos() < fn.node.Pos() || v.Pos() >= fn.node.End() {
				return false
			}
			if pos := firstAssignmentAfter(pass, fn, stmt, v); pos.IsValid() {
				found, assign = n, pos
			}
		}
		return true
	})
	return found, assign
}

// firstAssignmentAfter returns the position of the first assignment to v that can
// run after the defer statement, or token.NoPos. Assignments of nil are skipped
// (they disable the variable; the deferred call keeps the old value on purpose), and
// so are assignments inside function literals, whose timing is unknown.
func firstAssignmentAfter(pass *analysis.Pass, fn *funcInfo, stmt *ast.DeferStmt, v *types.Var) token.Pos {
	sites := assignments(pass.TypesInfo, fn, v)
	if len(sites) == 0 {
		return token.NoPos
	}
	after := fn.flowGraph(pass).After(stmt.Pos())
	for _, pos := range sites {
		if after(pos) {
			return pos
		}
	}
	return token.NoPos
}

// assignments returns, in source order, the positions of the statements in fn that
// assign a new value to v outside function literals: assignments (but not the
// declaration of a fresh variable by :=), ++ and --, range clauses with =, and
// return statements with results when v is a named result.
func assignments(info *types.Info, fn *funcInfo, v *types.Var) []token.Pos {
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	namedResult := false
	for _, id := range fn.namedResults {
		namedResult = namedResult || info.Defs[id] == v
	}
	var sites []token.Pos
	ast.Inspect(fn.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if isV(lhs) && !assignsNil(n, i) {
					sites = append(sites, n.Pos())
				}
			}
		case *ast.IncDecStmt:
			if isV(n.X) {
				sites = append(sites, n.Pos())
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (isV(n.Key) || n.Value != nil && isV(n.Value)) {
				sites = append(sites, n.Key.Pos())
			}
		case *ast.ReturnStmt:
			if namedResult && len(n.Results) > 0 {
				sites = append(sites, n.Pos())
			}
		}
		return true
	})
	return sites
}

// assignsNil reports whether the i-th left-hand side of assign receives the literal nil.
func assignsNil(assign *ast.AssignStmt, i int) bool {
	if len(assign.Lhs) != len(assign.Rhs) {
		return false
	}
	id, ok := ast.Unparen(assign.Rhs[i]).(*ast.Ident)
	return ok && id.Name == "nil"
}

// wrapFix offers to wrap the deferred call in a function literal, so that its
// arguments are evaluated when it runs. Inside a loop the literal would capture
// variables the loop changes, so no fix is offered there.
func wrapFix(pass *analysis.Pass, stmt *ast.DeferStmt, inLoop bool) []analysis.SuggestedFix {
	if inLoop {
		return nil
	}
	call := render(pass, stmt.Call)
	return []analysis.SuggestedFix{{
		Message: "Evaluate the arguments when the deferred call runs",
		TextEdits: []analysis.TextEdit{{
			Pos:     stmt.Call.Pos(),
			End:     stmt.Call.End(),
			NewText: []byte("func() { " + call + " }()"),
		}},
	}}
}

// render returns the source text of n.
func render(pass *analysis.Pass, n ast.Node) string {
	var buf strings.Builder
	if err := format.Node(&buf, pass.Fset, n); err != nil {
		return "the argument"
	}
	return buf.String()
}
