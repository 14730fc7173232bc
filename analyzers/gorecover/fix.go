package gorecover

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/deferlint/deferlint/internal/edit"
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
	case handlerFlag != "":
		i := strings.LastIndex(handlerFlag, ".")
		if i <= 0 || i == len(handlerFlag)-1 {
			return nil
		}
		path, name = handlerFlag[:i], handlerFlag[i+1:]
	case helper != nil:
		path, name = helper.Pkg().Path(), helper.Name()
	default:
		return nil
	}
	file := c.fileOf(lit.Pos())
	if file == nil {
		return nil
	}
	var edits []analysis.TextEdit
	expr := name
	if path == c.pass.Pkg.Path() {
		if own := c.pass.Pkg.Scope().Lookup(name); own == nil || !c.visible(lit, name, own) {
			return nil // missing, or shadowed inside the literal
		}
	} else {
		qual, importEdit, ok := c.qualifier(file, lit, path)
		if !ok {
			return nil
		}
		if qual != "" {
			expr = qual + "." + name
		}
		if importEdit != nil {
			edits = append(edits, *importEdit)
		}
	}
	// When the body goes on after the brace on the same line, end the line.
	next := lit.Body.Rbrace
	if len(lit.Body.List) > 0 {
		next = lit.Body.List[0].Pos()
	}
	sameLine := ""
	if c.pass.Fset.Position(next).Line == c.pass.Fset.Position(lit.Body.Lbrace).Line {
		sameLine = "\n"
	}
	at := afterLineComment(c.pass.Fset, file, lit.Body.Lbrace+1, lit.Body.Rbrace)
	edits = append(edits, analysis.TextEdit{
		Pos:     at,
		End:     at,
		NewText: []byte("\n" + edit.BodyIndentation(c.pass, lit.Body) + "defer " + expr + "()" + sameLine),
	})
	return []analysis.SuggestedFix{{Message: "Defer " + expr + "() at the top of the goroutine", TextEdits: edits}}
}

// afterLineComment returns the end of a comment that follows pos on its line
// before end, or pos, so that text inserted there does not push the comment to the
// next line.
func afterLineComment(fset *token.FileSet, file *ast.File, pos, end token.Pos) token.Pos {
	line := fset.Position(pos).Line
	for _, g := range file.Comments {
		if g.Pos() >= pos && g.List[0].End() <= end && fset.Position(g.Pos()).Line == line {
			return g.List[0].End()
		}
	}
	return pos
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// qualifier returns the name by which file refers to the package at path, with
// an edit adding the import when the file lacks it; ok is false when the name
// would be shadowed at lit.
func (c *checker) qualifier(file *ast.File, lit *ast.FuncLit, path string) (string, *analysis.TextEdit, bool) {
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			switch spec.Name.Name {
			case "_":
				continue
			case ".":
				return "", nil, true
			}
		}
		obj := c.pass.TypesInfo.Implicits[spec]
		if spec.Name != nil {
			obj = c.pass.TypesInfo.Defs[spec.Name]
		}
		if obj == nil {
			return "", nil, false
		}
		return obj.Name(), nil, c.visible(lit, obj.Name(), obj)
	}
	// Not imported: name the package as it calls itself, or by its last element.
	name := ""
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == path {
			name = imp.Name()
		}
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if name == "" {
		name = last
		if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
			name = elems[len(elems)-2]
		}
		name = strings.NewReplacer("-", "", ".", "").Replace(name)
	}
	explicit := name != last
	if !token.IsIdentifier(name) || !c.visible(lit, name, nil) {
		return "", nil, false
	}
	spec := strconv.Quote(path)
	if explicit {
		spec = name + " " + spec
	}
	pos := file.Name.End()
	if n := len(file.Decls); n > 0 {
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				pos = g.End()
			}
		}
	}
	return name, &analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\n\nimport " + spec + "\n")}, true
}

// visible reports whether name, looked up inside lit, resolves to want (nil: to
// nothing, so that a new import would not be shadowed).
func (c *checker) visible(lit *ast.FuncLit, name string, want types.Object) bool {
	scope := c.pass.TypesInfo.Scopes[lit.Type]
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, lit.Body.Lbrace+1)
	return obj == want
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
	info := c.pass.TypesInfo
	safe := true
	ast.Inspect(lit.Body, func(n ast.Node) bool {
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
	return safe
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
