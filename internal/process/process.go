// Package process answers "does this code run at most once per process?", a
// question analyzers ask before reporting a cost that the process's exit bounds:
// what code that runs once leaks, it leaks once, and the exit releases it.
package process

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Once answers, for the code of one package, whether a piece of it runs at most
// once per process. It keeps what it learns about the package's functions; make
// one per pass.
//
// Code runs once per process when it lies, outside any loop, goroutine or function
// literal that is not called on the spot, in
//
//   - main.main or an init function, which the runtime calls once; or
//   - a package-level variable's initialiser; or
//   - the action of a command-line framework's command in package main (a cobra
//     Command's Run or RunE, urfave/cli's Action, and their hooks; see
//     commandAction); or
//   - a function without receiver whose one use in the package's non-test files
//     is a plain call from code that runs once: not a function value (a handler,
//     a callback), not in a go statement or a loop, and not a second call site.
//     In a package other than main, only an unexported function: other packages
//     may call an exported one as often as they like.
//
// A function with a goto statement may repeat any of its code, and a method may be
// called through an interface: neither runs once. Uses in _test.go files do not
// count: the test binary is another process, whose tests bound what they leak.
type Once struct {
	pass  *analysis.Pass
	in    *inspector.Inspector
	calls map[*types.Func][]inspector.Cursor // the uses of each function, built on first need
	memo  map[*types.Func]bool
}

// NewOnce returns the answers for the package of pass, whose syntax in walks.
func NewOnce(pass *analysis.Pass, in *inspector.Inspector) *Once {
	return &Once{pass: pass, in: in, memo: make(map[*types.Func]bool)}
}

// Runs reports whether the code at cur runs at most once per process.
func (o *Once) Runs(cur inspector.Cursor) bool {
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if c != cur {
				return false
			}
		case *ast.GoStmt:
			return false
		case *ast.FuncLit:
			if flow.HasGoto(n.Body) {
				return false
			}
			if o.commandAction(c) {
				return true // one command runs per process
			}
			if kind, _ := c.ParentEdge(); kind != edge.CallExpr_Fun {
				return false // a function value may be called any number of times
			}
		case *ast.FuncDecl:
			return !flow.HasGoto(n.Body) && o.funcRunsOnce(n)
		}
	}
	return true // a package-level variable's initialiser
}

// commandAction reports whether the function literal at lit is the action of a
// command of a command-line framework in package main (cobra.Command{RunE:
// func(...) error {...}}, urfave/cli's Action): main executes the command line
// once, and the framework runs one command's actions per execution, so the
// literal runs at most once per process, wherever the command is built. In
// another package the command may be executed again (by tests, by a program
// embedding it), and a program that executes commands in a loop (a shell of its
// own) is not told apart: a known false negative.
func (o *Once) commandAction(lit inspector.Cursor) bool {
	if o.pass.Pkg.Name() != "main" {
		return false
	}
	field, ok := knowledge.CommandField(o.pass.TypesInfo, lit)
	return ok && knowledge.IsRunField(field)
}

// funcRunsOnce reports whether the declared function decl is called at most once
// per process.
func (o *Once) funcRunsOnce(decl *ast.FuncDecl) bool {
	fn, ok := o.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || decl.Recv != nil {
		return false
	}
	switch {
	case fn.Name() == "init":
		return true // the runtime calls it once; nothing else can
	case fn.Name() == "main" && o.pass.Pkg.Name() == "main":
		return true
	case fn.Exported() && o.pass.Pkg.Name() != "main":
		return false
	}
	if once, ok := o.memo[fn]; ok {
		return once
	}
	o.memo[fn] = false // a recursive call runs again
	once := o.calledOnce(fn)
	o.memo[fn] = once
	return once
}

// calledOnce reports whether fn has one use, a plain call from code that runs
// once. A function with no use we can see may be called from a file of other
// build tags.
func (o *Once) calledOnce(fn *types.Func) bool {
	uses := o.usesOf(fn)
	if len(uses) != 1 {
		return false
	}
	kind, _ := uses[0].ParentEdge()
	return kind == edge.CallExpr_Fun && o.Runs(uses[0].Parent())
}

// usesOf returns the mentions of fn in the package's non-test files.
func (o *Once) usesOf(fn *types.Func) []inspector.Cursor {
	if o.calls == nil {
		o.calls = make(map[*types.Func][]inspector.Cursor)
		for cur := range o.in.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			used, ok := o.pass.TypesInfo.Uses[id].(*types.Func)
			if !ok || used.Pkg() != o.pass.Pkg || o.inTestFile(id.Pos()) {
				continue
			}
			used = used.Origin()
			o.calls[used] = append(o.calls[used], cur)
		}
	}
	return o.calls[fn]
}

func (o *Once) inTestFile(pos token.Pos) bool {
	tf := o.pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}
