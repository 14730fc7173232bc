package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/analysis"
)

// This file finds the release methods that release one field of their receiver and
// nothing else, so that releasing the field itself ends the value as the method
// would.

// releasesField is the fact of a release method (Close, Stop, Rollback, Release)
// whose body does nothing but call the method of the same name on one field of its
// receiver, directly or after asserting an interface on it (func (b *Blob) Close()
// error { if c, ok := b.Data.(io.Closer); ok { return c.Close() }; return nil }):
// releasing that field is releasing the value.
type releasesField struct {
	Field string
}

func (*releasesField) AFact() {}

func (f *releasesField) String() string { return "releasesField(" + f.Field + ")" }

// exportFieldReleases exports a releasesField fact for each method of the package
// that fieldReleased recognises.
func exportFieldReleases(pass *analysis.Pass) {
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if _, release := releases[fd.Name.Name]; !release {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if field := fieldReleased(pass.TypesInfo, fd); field != "" {
				pass.ExportObjectFact(fn, &releasesField{Field: field})
			}
		}
	}
}

// fieldReleased returns the field F of the receiver r that the method fd releases
// and nothing else, or "". Its body may hold only: calls of fd's own name without
// arguments on r.F, on an assertion r.F.(I), or on a variable an if statement
// declares from such an assertion (if c, ok := r.F.(io.Closer); ok { ... }); if
// and return statements, and statements of such calls. The receiver appears only
// as r.F. Anything else (another call, an assignment, another field) could release
// or do more than F holds, and the method is not recognised.
func fieldReleased(info *types.Info, fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil ||
		fd.Type.Params.NumFields() != 0 {
		return ""
	}
	recv, ok := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	if !ok {
		return ""
	}
	field := ""
	// isField reports whether e is r.F, the one field the body may touch.
	isField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || !isVar(info, sel.X, recv) {
			return false
		}
		if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			return false
		}
		if field == "" {
			field = sel.Sel.Name
		}
		return sel.Sel.Name == field
	}
	asserted := make(map[*types.Var]bool) // c of c, ok := r.F.(I)
	// fromField reports whether e is r.F, r.F.(I), or a variable asserted from it.
	fromField := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ta, ok := e.(*ast.TypeAssertExpr); ok && ta.Type != nil {
			return isField(ta.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			v, _ := info.Uses[id].(*types.Var)
			return v != nil && asserted[v]
		}
		return isField(e)
	}
	releaseCall := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == fd.Name.Name && fromField(sel.X)
	}
	var stmtsOK func(list []ast.Stmt) bool
	stmtOK := func(s ast.Stmt) bool {
		switch s := s.(type) {
		case *ast.ExprStmt:
			return releaseCall(s.X)
		case *ast.ReturnStmt:
			for _, r := range s.Results {
				if !releaseCall(r) && !flow.IsNil(info, r) {
					return false
				}
			}
			return true
		case *ast.IfStmt:
			if s.Else != nil || !assertsField(info, s.Init, s.Cond, fromField, asserted) {
				return false
			}
			return stmtsOK(s.Body.List)
		}
		return false
	}
	stmtsOK = func(list []ast.Stmt) bool {
		for _, s := range list {
			if !stmtOK(s) {
				return false
			}
		}
		return true
	}
	if !stmtsOK(fd.Body.List) || field == "" {
		return ""
	}
	return field
}

// assertsField reports whether an if statement's init and condition are c, ok :=
// r.F.(I); ok (fromField recognising r.F.(I)), recording c in asserted.
func assertsField(info *types.Info, init ast.Stmt, cond ast.Expr, fromField func(ast.Expr) bool, asserted map[*types.Var]bool) bool {
	a, ok := init.(*ast.AssignStmt)
	if !ok || a.Tok != token.DEFINE || len(a.Lhs) != 2 || len(a.Rhs) != 1 || !fromField(a.Rhs[0]) {
		return false
	}
	if _, ok := ast.Unparen(a.Rhs[0]).(*ast.TypeAssertExpr); !ok {
		return false
	}
	c, ok1 := a.Lhs[0].(*ast.Ident)
	okID, ok2 := a.Lhs[1].(*ast.Ident)
	condID, ok3 := ast.Unparen(cond).(*ast.Ident)
	if !ok1 || !ok2 || !ok3 || info.Uses[condID] == nil || info.Uses[condID] != info.Defs[okID] {
		return false
	}
	if v, ok := info.Defs[c].(*types.Var); ok {
		asserted[v] = true
		return true
	}
	return false
}

// fieldRelease returns, for a deferred call x.M() of a method with a releasesField
// fact (field F), a test of whether a call releases x.F instead: the same method
// name called on x.F, on an assertion x.F.(T), or on a variable that region
// declares from one of them and never assigns again (layerData, ok :=
// layerBlob.Data.(io.ReadCloser); ...; layerData.Close()), after x's one assignment
// in region, so that it holds this iteration's field. It returns nil when the
// deferred call has no such fact.
func fieldRelease(pass *analysis.Pass, region *ast.BlockStmt, call *ast.CallExpr) func(*ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || region == nil {
		return nil
	}
	s, ok := pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return nil
	}
	var fact releasesField
	if !pass.ImportObjectFact(s.Obj(), &fact) {
		return nil
	}
	info := pass.TypesInfo
	x := flow.RootVar(info, sel.X)
	if x == nil {
		return nil
	}
	var xAssign *ast.AssignStmt // x's one assignment in region, if any
	switch xs, ok := assignmentsOf(info, region, x); {
	case !ok || len(xs) > 1:
		return nil // the field could be another x's
	case len(xs) == 1:
		xAssign = xs[0]
	}
	field := types.ExprString(ast.Unparen(sel.X)) + "." + fact.Field
	isField := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ta, ok := e.(*ast.TypeAssertExpr); ok && ta.Type != nil {
			e = ast.Unparen(ta.X)
		}
		if _, ok := e.(*ast.SelectorExpr); !ok {
			return false
		}
		return types.ExprString(e) == field
	}
	aliases := func(id *ast.Ident) bool {
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !declaredIn(region, v) {
			return false
		}
		defs, ok := assignmentsOf(info, region, v)
		if !ok || len(defs) != 1 || defs[0].Tok != token.DEFINE || len(defs[0].Rhs) != 1 || !isField(defs[0].Rhs[0]) {
			return false
		}
		if first, ok := defs[0].Lhs[0].(*ast.Ident); !ok || info.Defs[first] != v {
			return false
		}
		return xAssign == nil || xAssign.End() <= defs[0].Pos()
	}
	return func(n *ast.CallExpr) bool {
		other, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || other.Sel.Name != sel.Sel.Name || len(n.Args) != 0 {
			return false
		}
		if s, ok := info.Selections[other]; !ok || s.Kind() != types.MethodVal {
			return false
		}
		if id, ok := ast.Unparen(other.X).(*ast.Ident); ok {
			return aliases(id)
		}
		return isField(other.X)
	}
}

// assignmentsOf returns the assignment statements of region, outside function
// literals, that assign v (short variable declarations included), and false when
// something else in region assigns it too (a var declaration, ++ or --): then the
// statements do not tell what v holds.
func assignmentsOf(info *types.Info, region *ast.BlockStmt, v *types.Var) (found []*ast.AssignStmt, ok bool) {
	ok = true
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if isVar(info, lhs, v) {
					found = append(found, n)
					break
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				ok = ok && info.Defs[id] != v
			}
		case *ast.IncDecStmt:
			ok = ok && !isVar(info, n.X, v)
		}
		return true
	})
	return found, ok
}
