package resources

import (
	"go/ast"
	"go/types"
	"slices"
)

// drainsParams returns the indexes of fd's parameters that fd reads to their end
// before it can return (see Facts.Drains): a statement of the body's own list,
// before which nothing returns or jumps and nothing assigns the parameter, reads
// it in place with a call that reads to the end (io.ReadAll(r), io.Copy(w, r),
// another helper that drains its parameter; see readsToEOF), as its expression,
// the single value it assigns, or the single value of a var declaration
// (bodyBytes, err := io.ReadAll(responseBody)). A response body passed there is
// read to its end, or its read has failed, whatever the helper does next: the
// call releases it, as io.ReadAll would.
func (t *Tracker) drainsParams(fd *ast.FuncDecl) []int {
	if fd.Body == nil {
		return nil
	}
	params := make(map[*types.Var]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		if _, variadic := field.Type.(*ast.Ellipsis); variadic {
			break
		}
		for _, name := range field.Names {
			if p, ok := t.Pass.TypesInfo.Defs[name].(*types.Var); ok && name.Name != "_" {
				params[p] = i
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	var drained []int
	var before []ast.Stmt
	for _, s := range fd.Body.List {
		for p, index := range params {
			if !slices.Contains(drained, index) && t.stmtDrains(s, p) && !anyAssigns(t.Pass.TypesInfo, before, p) {
				drained = append(drained, index)
			}
		}
		if mayLeave(s) {
			break
		}
		before = append(before, s)
	}
	slices.Sort(drained)
	return drained
}

// stmtDrains reports whether s reads p to its end with its one top-level call
// (see drainsParams).
func (t *Tracker) stmtDrains(s ast.Stmt, p *types.Var) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && len(g.Specs) == 1 {
			if vs, ok := g.Specs[0].(*ast.ValueSpec); ok && len(vs.Values) == 1 {
				e = vs.Values[0]
			}
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	for j, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && t.Pass.TypesInfo.Uses[id] == p && t.readsToEOF(call, j) {
			return true
		}
	}
	return false
}

// anyAssigns reports whether one of stmts assigns p or takes its address.
func anyAssigns(info *types.Info, stmts []ast.Stmt, p *types.Var) bool {
	return slices.ContainsFunc(stmts, func(s ast.Stmt) bool { return assignsVar(info, s, p) })
}

// mayLeave reports whether s may return, or jump elsewhere with goto, outside
// function literals: past it, a path may have left without reading anything.
func mayLeave(s ast.Stmt) bool {
	leaves := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			leaves = true
		case *ast.BranchStmt:
			if n.Label != nil {
				leaves = true // a goto or a labelled jump may skip the read
			}
		}
		return !leaves
	})
	return leaves
}
