package deferloop

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"

	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// This file finds the loops for rows.Next() { ... } that read a query's rows to
// their end, where Next closes the rows when it returns false: a deferred
// rows.Close() after such a loop has nothing left to release.

// nextClosesRows is the fact of a Next method that closes its rows when it
// returns false: one whose body is only return r.F.Next(), on a field F whose own
// Next does so (see knowledge.NextClosesRows, or a method with this fact; FerretDB's
// fsql.Rows wraps a *sql.Rows so, and its Next returns false exactly when the
// wrapped rows have closed themselves), or one whose doc comment says it does
// (Field empty; see documentsClosing).
type nextClosesRows struct {
	Field string
}

func (*nextClosesRows) AFact() {}

func (f *nextClosesRows) String() string {
	if f.Field == "" {
		return "nextClosesRows(documented)"
	}
	return "nextClosesRows(" + f.Field + ")"
}

// exportClosingNexts exports a nextClosesRows fact for each Next method of the
// package that delegates to a closing Next (see delegatedNext), until no more are
// found: a wrapper may wrap another wrapper of the same package.
func exportClosingNexts(pass *analysis.Pass) {
	var nexts []*ast.FuncDecl
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == "Next" {
				nexts = append(nexts, fd)
			}
		}
	}
	for _, fd := range nexts {
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && isNextBool(fn) && documentsClosing(fd.Doc) {
			pass.ExportObjectFact(fn, &nextClosesRows{})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fd := range nexts {
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || closesRows(pass, fn) {
				continue
			}
			if field := delegatedNext(pass, fd); field != "" {
				pass.ExportObjectFact(fn, &nextClosesRows{Field: field})
				changed = true
			}
		}
	}
}

// isNextBool reports whether fn takes no parameters and returns one bool, as an
// iterator's Next does.
func isNextBool(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// documentsClosing reports whether a Next method's doc comment states that it
// closes its rows when it returns false: a sentence that names false, a closing
// (close, closes, closed, Close) and that it happens by itself (automatically,
// implicitly). kivik's ResultSet.Next: "When Next returns false, and there are no
// more results/result sets to be read, the [ResultSet.Close] is called
// implicitly" (measurement 44: its replicator's deferred Close per batch releases
// nothing); pgx's Rows.Next: "It automatically closes rows upon returning false".
// The author's contract is the fact; a Next that says nothing is not assumed to.
func documentsClosing(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for sentence := range strings.SplitSeq(strings.ReplaceAll(doc.Text(), "\n", " "), ". ") {
		var saysFalse, closing, itself bool
		for w := range strings.FieldsFuncSeq(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) }) {
			switch {
			case w == "false":
				saysFalse = true
			case w == "close" || w == "closes" || w == "closed":
				closing = true
			case w == "automatically" || w == "implicitly":
				itself = true
			}
		}
		if saysFalse && closing && itself {
			return true
		}
	}
	return false
}

// delegatedNext returns the field F when the method fd, without parameters and
// returning one bool, has for its whole body return r.F.Next(), r its receiver and
// F.Next a Next that closes its rows (see closesRows); else "".
func delegatedNext(pass *analysis.Pass, fd *ast.FuncDecl) string {
	info := pass.TypesInfo
	if len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil ||
		fd.Type.Params.NumFields() != 0 || len(fd.Body.List) != 1 {
		return ""
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return ""
	}
	call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return ""
	}
	next, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || next.Sel.Name != "Next" || !closesRows(pass, typeutil.Callee(info, call)) {
		return ""
	}
	field, ok := ast.Unparen(next.X).(*ast.SelectorExpr)
	recv, isRecv := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	if !ok || !isRecv || !isVar(info, field.X, recv) {
		return ""
	}
	if s, ok := info.Selections[field]; !ok || s.Kind() != types.FieldVal {
		return ""
	}
	return field.Sel.Name
}

// closesRows reports whether fn is a Next method that closes its rows when it
// returns false: one that knowledge.NextClosesRows lists, or one delegating to such
// a method (a nextClosesRows fact).
func closesRows(pass *analysis.Pass, fn types.Object) bool {
	if fn == nil {
		return false
	}
	if knowledge.NextClosesRows(fn) {
		return true
	}
	f, ok := fn.(*types.Func)
	return ok && pass.ImportObjectFact(f, new(nextClosesRows))
}

// drainedRows returns, for a deferred x.Close(), the conditions x.Next() of the
// loops for x.Next() { ... } in region (outside function literals) whose Next
// closes the rows when it returns false (see closesRows) and which leave only when
// their condition fails (see leavesByCondition), or by a return or a panic. A path
// through such a condition either reads the rows to their end, which closes them,
// or leaves the function. None when region calls x.NextResultSet(): rows that go on
// to another result set stay open past the first's end.
func drainedRows(pass *analysis.Pass, region *ast.BlockStmt, call *ast.CallExpr) map[ast.Expr]bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" || len(call.Args) != 0 || region == nil {
		return nil
	}
	if callsMethod(pass.TypesInfo, region, sel.X, "NextResultSet") {
		return nil
	}
	rows := types.ExprString(ast.Unparen(sel.X))
	labels := make(map[ast.Stmt]*ast.Ident) // the label of each labelled statement
	conds := make(map[ast.Expr]bool)
	ast.Inspect(region, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[n.Stmt] = n.Label
		case *ast.ForStmt:
			if nextOf(pass, n.Cond, rows) && n.Post == nil && leavesByCondition(n, labels[n]) {
				conds[n.Cond] = true
			}
		}
		return true
	})
	return conds
}

// nextOf reports whether cond is a call rows.Next(), rows as written, of a Next
// that closes the rows when it returns false (see closesRows).
func nextOf(pass *analysis.Pass, cond ast.Expr, rows string) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Next" && types.ExprString(ast.Unparen(sel.X)) == rows &&
		closesRows(pass, typeutil.Callee(pass.TypesInfo, call))
}

// leavesByCondition reports whether the loop, labelled label (or nil), can end
// only by its condition failing, short of a return, a panic or a call that does not
// return: no branch statement of its body leaves it (see loops.BodyBranches): no
// break of the loop, no break or continue of an enclosing statement, and no goto to
// a label outside the body.
func leavesByCondition(loop *ast.ForStmt, label *ast.Ident) bool {
	for _, dest := range loops.BodyBranches(loop, label) {
		if dest == loops.LeavesLoop {
			return false
		}
	}
	return true
}
