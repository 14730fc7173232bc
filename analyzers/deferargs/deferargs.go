package deferargs

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Analyzer reports deferred calls whose arguments are evaluated too early.
var Analyzer = &analysis.Analyzer{
	Name:     "deferargs",
	Doc:      docs.Extract(doc, "deferargs"),
	URL:      report.URL("deferargs"),
	Requires: append([]*analysis.Analyzer{inspect.Analyzer}, report.Requires...),
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	if on, err := configfile.Apply(pass, nil); err != nil || !on {
		return nil, err // off in this directory: nothing to report, no facts to export
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	funcs := make(map[ast.Node]*funcInfo)
	for cur := range in.Root().Preorder((*ast.DeferStmt)(nil)) {
		fnCur, ok := loops.EnclosingFunc(cur)
		if !ok {
			continue
		}
		fn := fnCur.Node()
		info := funcs[fn]
		if info == nil {
			info = newFuncInfo(fn)
			funcs[fn] = info
		}
		checkDefer(pass, info, cur, len(loops.Enclosing(cur)) > 0)
	}
	return nil, nil
}

// funcInfo is what the checks need to know about the function that holds a defer.
type funcInfo struct {
	node         ast.Node
	body         *ast.BlockStmt
	namedResults []*ast.Ident
	graph        *flow.Graph // built on first use: most defers need none
	reaches      map[reachKey]*flow.Reach

	collected bool // defers and calls below are filled in
	defers    []*ast.DeferStmt
	calls     []*ast.CallExpr
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

// reach returns the part of the function that can run after the node containing
// from while v is the same variable: paths stop at v's declaration, which makes a
// new variable (one per iteration for a variable declared in a loop body).
func (f *funcInfo) reach(pass *analysis.Pass, from token.Pos, v *types.Var) *flow.Reach {
	key := reachKey{from, v}
	if r, ok := f.reaches[key]; ok {
		return r
	}
	if f.graph == nil {
		f.graph = flow.New(pass.TypesInfo, f.body)
		f.reaches = make(map[reachKey]*flow.Reach)
	}
	decl := v.Pos()
	r := f.graph.ReachWithout(from, func(n ast.Node) bool { return n.Pos() <= decl && decl < n.End() })
	f.reaches[key] = r
	return r
}

type reachKey struct {
	from token.Pos
	v    *types.Var
}

// declares reports whether v is a local variable of the function: a parameter, a
// result or a variable of its body (a variable of an enclosing function can change
// in ways this function does not show).
func (f *funcInfo) declares(v *types.Var) bool {
	return f.node.Pos() <= v.Pos() && v.Pos() < f.node.End()
}

func (f *funcInfo) isNamedResult(info *types.Info, v *types.Var) bool {
	for _, id := range f.namedResults {
		if info.Defs[id] == v {
			return true
		}
	}
	return false
}

// deferStmts returns the defer statements of the function's own body (not those of
// nested function literals).
func (f *funcInfo) deferStmts() []*ast.DeferStmt {
	f.collectStmts()
	return f.defers
}

// plainCalls returns the calls of the function's own body that run where they
// stand: all but the calls of defer and go statements.
func (f *funcInfo) plainCalls() []*ast.CallExpr {
	f.collectStmts()
	return f.calls
}

func (f *funcInfo) collectStmts() {
	if f.collected {
		return
	}
	f.collected = true
	postponed := make(map[*ast.CallExpr]bool)
	ast.Inspect(f.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			f.defers = append(f.defers, n)
			postponed[n.Call] = true
		case *ast.GoStmt:
			postponed[n.Call] = true
		case *ast.CallExpr:
			if !postponed[n] {
				f.calls = append(f.calls, n)
			}
		}
		return true
	})
}

func checkDefer(pass *analysis.Pass, fn *funcInfo, cur inspector.Cursor, inLoop bool) {
	stmt := cur.Node().(*ast.DeferStmt)
	call := stmt.Call
	_, literal := ast.Unparen(call.Fun).(*ast.FuncLit)
	// When a call makes the deferred function, that call must stay at the defer
	// statement: the advice and the fix defer a literal that calls its result.
	maker := makerCall(pass.TypesInfo, call)
	name := "done"
	declarable := false
	if maker != nil {
		declarable = !inLoop && canDeclareBefore(pass.TypesInfo, fn, cur)
		if declarable {
			if name = resultName(pass, fn, stmt); name == "" {
				name, declarable = "done", false
			}
		}
	}
	if early := earlyDuration(pass.TypesInfo, call, literal); early != nil {
		msg := edit.Render(pass.Fset, early, "the argument") +
			" is evaluated when the defer statement runs, not when the deferred call runs, so it measures almost nothing: "
		if maker != nil && !within(early, maker) {
			report.Node(pass, early, msg+makerAdvice(pass.Fset, call, maker, name),
				makerFix(pass, stmt, maker, name, declarable)...)
			return
		}
		// A duration in the maker's own arguments must be computed at return, maker
		// call and all: the literal wraps the whole deferred call.
		report.Node(pass, early, msg+"defer a function literal that computes it", wrapFix(pass, stmt, !inLoop && !literal)...)
		return
	}
	if literal {
		return // its arguments are captured on purpose: defer func(n int) { ... }(n)
	}
	late := findLateRead(pass, fn, stmt)
	if late == nil {
		return
	}
	line := pass.Fset.Position(late.assign).Line
	msg := fmt.Sprintf("%s is evaluated when the defer statement runs, so the deferred call does not see the assignment at line %d: ",
		late.id.Name, line)
	fixable := late.verdict == certain && !inLoop && onlyChanges(pass, fn, stmt, late.id, maker)
	if maker != nil {
		report.Node(pass, late.id, msg+makerAdvice(pass.Fset, call, maker, name),
			makerFix(pass, stmt, maker, name, fixable && declarable)...)
		return
	}
	report.Node(pass, late.id, msg+"defer a function literal that reads "+late.id.Name, wrapFix(pass, stmt, fixable)...)
}

// within reports whether n lies inside outer.
func within(n, outer ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}
