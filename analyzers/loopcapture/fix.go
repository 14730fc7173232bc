package loopcapture

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// fix returns the suggested fix for all the variables found in one launch, or nil
// when it cannot be made safely. A deferred or go function literal gets the
// variables as parameters, passed as arguments; a literal given to a launcher,
// whose signature is fixed, gets copies declared just before the statement that
// holds the call.
func (c *checker) fix(l *launch, cur inspector.Cursor, file *ast.File, found []finding) *analysis.SuggestedFix {
	for _, f := range found {
		if f.shared || writes(c.pass.TypesInfo, l.lit, f.v) {
			return nil // a parameter or a copy would take the writes away from v
		}
	}
	switch l.kind {
	case deferred, goroutine:
		return c.passFix(l, file, found)
	default:
		return c.copyFix(l, cur, found)
	}
}

// passFix adds a parameter per variable to the literal and passes the variable.
func (c *checker) passFix(l *launch, file *ast.File, found []finding) *analysis.SuggestedFix {
	params := l.lit.Type.Params
	if params == nil || !params.Closing.IsValid() || l.call.Ellipsis.IsValid() || !l.call.Rparen.IsValid() {
		return nil
	}
	for _, field := range params.List {
		if len(field.Names) == 0 {
			return nil // unnamed parameters cannot be mixed with named ones
		}
		if _, variadic := field.Type.(*ast.Ellipsis); variadic {
			return nil
		}
	}
	if typ := l.lit.Type; typ.Results != nil {
		for _, field := range typ.Results.List {
			for _, name := range field.Names {
				for _, f := range found {
					if name.Name == f.v.Name() {
						return nil
					}
				}
			}
		}
	}
	var decls, args []string
	for _, f := range found {
		typ, ok := c.typeString(file, l.lit.Pos(), f.v.Type())
		if !ok {
			return nil
		}
		decls = append(decls, f.v.Name()+" "+typ)
		args = append(args, f.v.Name())
	}
	paramText := strings.Join(decls, ", ")
	if len(params.List) > 0 {
		paramText = ", " + paramText
	}
	argText := strings.Join(args, ", ")
	if len(l.call.Args) > 0 {
		argText = ", " + argText
	}
	return &analysis.SuggestedFix{
		Message: "Pass the variables to the function literal",
		TextEdits: []analysis.TextEdit{
			{Pos: params.Closing, End: params.Closing, NewText: []byte(paramText)},
			{Pos: l.call.Rparen, End: l.call.Rparen, NewText: []byte(argText)},
		},
	}
}

// copyFix declares a copy of each variable just before the statement that holds the
// launcher call, in the same block, so that the literal reads the copy. It is
// offered only when the block declares no variable of that name already and does
// not assign the variable after the statement (the assignment would go to the copy).
func (c *checker) copyFix(l *launch, cur inspector.Cursor, found []finding) *analysis.SuggestedFix {
	info := c.pass.TypesInfo
	var stmt ast.Stmt
	var list []ast.Stmt
	var scopeNode ast.Node
find:
	for p := cur; p.Valid(); p = p.Parent() {
		s, ok := p.Node().(ast.Stmt)
		if !ok {
			continue
		}
		parent := p.Parent()
		if !parent.Valid() {
			return nil
		}
		body, ok := flow.StmtList(parent.Node())
		if !ok {
			return nil
		}
		stmt, list, scopeNode = s, body, parent.Node()
		break find
	}
	if stmt == nil {
		return nil
	}
	if _, labeled := stmt.(*ast.LabeledStmt); labeled {
		return nil
	}
	scope := info.Scopes[scopeNode]
	if scope == nil {
		return nil
	}
	for _, f := range found {
		if scope.Lookup(f.v.Name()) != nil {
			return nil
		}
		for _, s := range list {
			if s.Pos() > stmt.Pos() && (writes(info, s, f.v) || writesThrough(info, s, f.v)) {
				return nil
			}
		}
	}
	indent := edit.Indentation(c.pass, stmt.Pos())
	var text strings.Builder
	for _, f := range found {
		text.WriteString(f.v.Name() + " := " + f.v.Name() + "\n" + indent)
	}
	return &analysis.SuggestedFix{
		Message:   "Copy the variables before starting the function literal",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text.String())}},
	}
}

// writes reports whether n assigns v, increments it, or takes its address.
func writes(info *types.Info, n ast.Node, v *types.Var) bool {
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || isV(lhs)
			}
		case *ast.IncDecStmt:
			found = found || isV(n.X)
		case *ast.RangeStmt:
			found = found || n.Tok == token.ASSIGN && (n.Key != nil && isV(n.Key) || n.Value != nil && isV(n.Value))
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && isV(n.X)
		}
		return !found
	})
	return found
}

// writesThrough reports whether n assigns (=, op=, ++, --, range =) to something
// reached from v rather than v itself: an element, a field or what it points to
// (v[i], v.f, *v, v[i].f). Such a write means to reach v's own storage; through a
// per-iteration copy it would reach the copy's, which is not the same: a struct
// copy's fields, or a slice's old backing array after the loop's next append has
// moved v's elements. Assignments in nested function literals count, since
// they run as part of the literal.
func writesThrough(info *types.Info, n ast.Node, v *types.Var) bool {
	through := func(e ast.Expr) bool {
		if _, plain := ast.Unparen(e).(*ast.Ident); plain {
			return false // v itself, or another variable: writes' concern
		}
		return flow.RootVar(info, e) == v
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			found = found || n.Tok != token.DEFINE && slices.ContainsFunc(n.Lhs, through)
		case *ast.IncDecStmt:
			found = found || through(n.X)
		case *ast.RangeStmt:
			found = found || n.Tok == token.ASSIGN && (n.Key != nil && through(n.Key) || n.Value != nil && through(n.Value))
		}
		return !found
	})
	return found
}

// typeString writes t as source text valid at pos in file: packages are named as
// the file imports them, and the names must not be shadowed at pos.
func (c *checker) typeString(file *ast.File, pos token.Pos, t types.Type) (string, bool) {
	ok := true
	scope := c.pass.Pkg.Scope().Innermost(pos)
	qualifier := func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		for _, imp := range file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil || path != p.Path() {
				continue
			}
			name := p.Name()
			if imp.Name != nil {
				name = imp.Name.Name
			}
			if name == "_" || name == "." {
				break
			}
			if scope != nil {
				if _, obj := scope.LookupParent(name, pos); obj != nil {
					if _, isPkg := obj.(*types.PkgName); !isPkg {
						break
					}
				}
			}
			return name
		}
		ok = false
		return p.Name()
	}
	s := types.TypeString(t, qualifier)
	if strings.Contains(s, "invalid type") {
		return "", false
	}
	return s, ok
}
