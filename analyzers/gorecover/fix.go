package gorecover

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
)

// packageHelper returns the one recovery helper the package's goroutines already
// defer (a package-level function deferred without arguments at the top of a
// goroutine's literal), or nil when there is none or more than one.
func (c *checker) packageHelper() *types.Func {
	var found *types.Func
	many := false
	consider := func(lit *ast.FuncLit) {
		for _, stmt := range lit.Body.List {
			d, ok := stmt.(*ast.DeferStmt)
			if !ok || len(d.Call.Args) > 0 {
				continue
			}
			fn, ok := c.x.FuncOf(d.Call.Fun).(*types.Func)
			if !ok || fn.Signature().Recv() != nil || fn.Signature().TypeParams() != nil {
				continue
			}
			if f, _ := c.x.FactOf(fn); !f.Recovers {
				continue
			}
			if found != nil && found != fn {
				many = true
			}
			found = fn
		}
	}
	for cur := range c.in.Root().Preorder((*ast.GoStmt)(nil)) {
		if lit, ok := ast.Unparen(cur.Node().(*ast.GoStmt).Call.Fun).(*ast.FuncLit); ok {
			consider(lit)
		}
	}
	if many {
		return nil
	}
	return found
}

// fix inserts defer H() as the first statement of lit, where H is the configured
// handler or the package's own helper, when that changes nothing but the crash
// (see recoveryIsSafe).
func (c *checker) fix(lit *ast.FuncLit, helper *types.Func) []analysis.SuggestedFix {
	if !c.recoveryIsSafe(lit) {
		return nil
	}
	path, name := "", ""
	switch {
	case c.opts.handler.Name != "":
		path, name = c.opts.handler.Path, c.opts.handler.Name
	case helper != nil:
		path, name = helper.Pkg().Path(), helper.Name()
	default:
		return nil
	}
	file := flow.FileOf(c.pass.Files, lit.Pos())
	if file == nil {
		return nil
	}
	var edits []analysis.TextEdit
	expr := name
	top := lit.Body.Lbrace + 1 // where the defer goes
	if path == c.pass.Pkg.Path() {
		if own := c.pass.Pkg.Scope().Lookup(name); own == nil || !edit.Resolves(c.pass, top, name, own) {
			return nil // missing, or shadowed inside the literal
		}
	} else {
		qual, importEdits, ok := edit.Qualifier(c.pass, file, path, top)
		if !ok {
			return nil
		}
		if qual != "" {
			expr = qual + "." + name
		}
		edits = append(edits, importEdits...)
	}
	edits = append(edits, edit.AtTopOfBody(c.pass, lit.Body, "defer "+expr+"()"))
	return []analysis.SuggestedFix{{Message: "Defer " + expr + "() at the top of the goroutine", TextEdits: edits}}
}

// recoveryIsSafe reports whether recovering at the top of lit changes nothing but
// the crash. A recovered panic returns from lit at once, so it must not skip
// anything another goroutine depends on: lit has no results (errgroup's Go would
// take the recovered panic for a nil error, a success), and outside its deferred
// calls it neither communicates on a channel (a send, a receive, a select, a
// range over a channel, close) nor calls the sync and sync/atomic packages or a
// context.CancelFunc (an Unlock or a Done skipped would leave others waiting for
// ever: a hang instead of a crash).
func (c *checker) recoveryIsSafe(lit *ast.FuncLit) bool {
	if lit.Type.Results != nil && len(lit.Type.Results.List) > 0 {
		return false
	}
	return !c.communicates(lit.Body)
}

// communicates reports whether body, outside its deferred calls and nested go
// statements, communicates on a channel (a send, a receive, a select, a range
// over a channel, close), or calls the sync and sync/atomic packages or a
// context.CancelFunc: what a panic would skip, leaving another goroutine
// waiting for ever.
func (c *checker) communicates(body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	safe := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			return false // runs anyway, or elsewhere
		case *ast.SendStmt, *ast.SelectStmt:
			safe = false
		case *ast.UnaryExpr:
			safe = safe && n.Op != token.ARROW
		case *ast.RangeStmt:
			_, isChan := underlyingOf(info.TypeOf(n.X)).(*types.Chan)
			safe = safe && !isChan
		case *ast.CallExpr:
			safe = safe && !c.signals(n)
		}
		return safe
	})
	return !safe
}

// signals reports whether call closes a channel, calls the sync or sync/atomic
// packages, or calls a context.CancelFunc.
func (c *checker) signals(call *ast.CallExpr) bool {
	switch obj := c.x.FuncOf(call.Fun).(type) {
	case *types.Builtin:
		return obj.Name() == "close"
	case *types.Func:
		return obj.Pkg() != nil && (obj.Pkg().Path() == "sync" || obj.Pkg().Path() == "sync/atomic")
	case *types.Var:
		named, ok := types.Unalias(obj.Type()).(*types.Named)
		return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "context"
	}
	return false
}

func underlyingOf(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
