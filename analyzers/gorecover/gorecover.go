package gorecover

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/deferlint/deferlint/internal/docs"
	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/recovery"
	"github.com/deferlint/deferlint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines that nothing recovers and recover() calls that never
// stop a panic.
var Analyzer = &analysis.Analyzer{
	Name:      "gorecover",
	Doc:       docs.Extract(doc, "gorecover"),
	URL:       report.URL("gorecover"),
	Requires:  append([]*analysis.Analyzer{inspect.Analyzer}, report.Requires...),
	FactTypes: recovery.FactTypes,
	Run:       run,
}

var (
	launchersFlag  string
	recoverersFlag string
	handlerFlag    string
	testsFlag      bool
)

func init() {
	fs := &Analyzer.Flags
	fs.StringVar(&launchersFlag, "launchers", "", "comma-separated extra functions that start their function arguments in a new goroutine without recovering (importpath.Func, (*importpath.Type).Method)")
	fs.StringVar(&recoverersFlag, "recoverers", "", "comma-separated extra functions that recover when deferred and run their function arguments recovered")
	fs.StringVar(&handlerFlag, "handler", "", "recovery helper the suggested fix defers (importpath.Func)")
	fs.BoolVar(&testsFlag, "tests", false, "also report goroutines started in test files")
}

func run(pass *analysis.Pass) (any, error) {
	if pass.Pkg.Name() == "main" && strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // the generated main of a test binary: nothing to check or to export
	}
	x := recovery.New(pass, recovery.Config{
		Launchers:  recovery.ParseNames(launchersFlag),
		Recoverers: recovery.ParseNames(recoverersFlag),
	})
	x.Export()
	c := &checker{pass: pass, x: x, in: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)}
	c.findUses()
	c.checkRecovers()
	c.checkGoroutines()
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	x    *recovery.Index
	in   *inspector.Inspector
	uses map[types.Object]*uses
	dead map[types.Object]bool // functions whose recover() is reported as never working
}

// uses counts how a function of this package (or a variable bound to a literal)
// is used: deferred, called, started by go, or passed around.
type uses struct {
	deferred, called, started, escaped int
}

// findUses classifies every use of the package's own functions.
func (c *checker) findUses() {
	c.uses = make(map[types.Object]*uses)
	for cur := range c.in.Root().Preorder((*ast.Ident)(nil)) {
		obj := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)]
		switch o := obj.(type) {
		case *types.Func:
			obj = o.Origin()
		case *types.Var:
		default:
			continue
		}
		if body, _ := c.x.Local(obj); body == nil {
			continue
		}
		u := c.uses[obj]
		if u == nil {
			u = new(uses)
			c.uses[obj] = u
		}
		switch kind, _ := useOf(cur); kind {
		case edge.DeferStmt_Call:
			u.deferred++
		case edge.GoStmt_Call:
			u.started++
		case edge.CallExpr_Fun:
			u.called++
		default:
			u.escaped++
		}
	}
}

// useOf climbs from a function's name (through selectors, instantiation and
// parentheses) to its use. It returns DeferStmt_Call or GoStmt_Call for a deferred
// or started call, CallExpr_Fun for any other call, and the call.
func useOf(cur inspector.Cursor) (edge.Kind, *ast.CallExpr) {
	for {
		kind := cur.ParentEdgeKind()
		switch kind {
		case edge.SelectorExpr_Sel, edge.IndexExpr_X, edge.IndexListExpr_X, edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		case edge.CallExpr_Fun:
			call := cur.Parent()
			switch k := call.ParentEdgeKind(); k {
			case edge.DeferStmt_Call, edge.GoStmt_Call:
				return k, call.Node().(*ast.CallExpr)
			}
			return kind, call.Node().(*ast.CallExpr)
		}
		return kind, nil
	}
}

// funcOf returns the function declaration or literal whose body holds cur.
func funcOf(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c != cur {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}

// litUse climbs from a function literal through parentheses to its use, like useOf.
func litUse(cur inspector.Cursor) (edge.Kind, inspector.Cursor) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	kind := cur.ParentEdgeKind()
	if kind == edge.CallExpr_Fun {
		call := cur.Parent()
		switch k := call.ParentEdgeKind(); k {
		case edge.DeferStmt_Call, edge.GoStmt_Call:
			return k, call
		}
		return kind, call
	}
	return kind, cur
}

// boundVar returns the variable a function literal is bound to for good, if any.
func (c *checker) boundVar(lit *ast.FuncLit) *types.Var {
	cur, ok := c.in.Root().FindNode(lit)
	if !ok {
		return nil
	}
	var id *ast.Ident
	switch kind, _ := cur.ParentEdge(); kind {
	case edge.AssignStmt_Rhs:
		a := cur.Parent().Node().(*ast.AssignStmt)
		for i, rhs := range a.Rhs {
			if rhs == lit && i < len(a.Lhs) {
				id, _ = a.Lhs[i].(*ast.Ident)
			}
		}
	case edge.ValueSpec_Values:
		s := cur.Parent().Node().(*ast.ValueSpec)
		for i, v := range s.Values {
			if v == lit && i < len(s.Names) {
				id = s.Names[i]
			}
		}
	}
	if id == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.Defs[id].(*types.Var)
	if v != nil && c.x.VarLit(v) == lit {
		return v
	}
	return nil
}

// isDeferred reports whether the function at cur (a declaration or literal) is
// certainly deferred, at least sometimes.
func (c *checker) isDeferred(cur inspector.Cursor) bool {
	switch fn := cur.Node().(type) {
	case *ast.FuncLit:
		if kind, _ := litUse(cur); kind == edge.DeferStmt_Call {
			return true
		}
		if v := c.boundVar(fn); v != nil {
			return c.uses[v] != nil && c.uses[v].deferred > 0
		}
	case *ast.FuncDecl:
		if obj := c.pass.TypesInfo.Defs[fn.Name]; obj != nil && c.uses[obj] != nil {
			return c.uses[obj].deferred > 0
		}
	}
	return false
}

// checkRecovers reports recover() calls that can never stop a panic.
func (c *checker) checkRecovers() {
	info := c.pass.TypesInfo
	var helperCalls []inspector.Cursor
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !recovery.IsRecover(info, call) {
			if obj := c.x.FuncOf(call.Fun); obj != nil {
				if _, ok := obj.(*types.Builtin); !ok {
					helperCalls = append(helperCalls, cur)
				}
			}
			continue
		}
		switch cur.ParentEdgeKind() {
		case edge.DeferStmt_Call:
			report.Node(c.pass, call, "defer recover() recovers nothing, because the runtime calls recover itself instead of a deferred function calling it: defer a function literal that calls recover()")
			continue
		case edge.GoStmt_Call:
			report.Node(c.pass, call, "go recover() recovers nothing: call recover() in a function literal that is deferred")
			continue
		}
		fn, ok := funcOf(cur)
		if !ok {
			continue
		}
		if deferArg(cur, fn) {
			if !c.isDeferred(fn) {
				report.Node(c.pass, call, "recover() in the arguments of a deferred call runs when the defer statement runs, when there is no panic to stop, so it returns nil: call recover() inside a deferred function literal")
			}
			continue
		}
		switch f := fn.Node().(type) {
		case *ast.FuncLit:
			switch kind, _ := litUse(fn); kind {
			case edge.DeferStmt_Call:
				// works
			case edge.GoStmt_Call:
				report.Node(c.pass, call, "recover() in the function a go statement starts is not called by a deferred function, so it returns nil and stops no panic: defer a function literal that calls recover()")
			case edge.CallExpr_Fun:
				report.Node(c.pass, call, "recover() in a function literal that is called rather than deferred returns nil and stops no panic: call recover() directly in the deferred function")
			default:
				if v := c.boundVar(f); v != nil {
					c.checkNamed(v, call)
				}
			}
		case *ast.FuncDecl:
			if obj, ok := info.Defs[f.Name].(*types.Func); ok {
				c.checkNamed(obj, call)
			}
		}
	}
	for _, cur := range helperCalls {
		c.checkHelperCall(cur)
	}
}

// deferArg reports whether the recover() at cur is evaluated as an argument of a
// defer statement of fn (defer f(recover())).
func deferArg(cur, fn inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := p.Node().(*ast.DeferStmt); ok {
			return fn.Contains(p)
		}
		if p != cur {
			return false
		}
	}
	return false
}

// checkNamed reports the recover() call of a function that is never deferred,
// when every use of the function can be seen.
func (c *checker) checkNamed(obj types.Object, call *ast.CallExpr) {
	u := c.uses[obj]
	if u == nil {
		u = new(uses)
	}
	entry := isEntry(c.pass.Pkg, obj)
	if !c.allUsesVisible(obj) || u.deferred > 0 || u.escaped > 0 || (u.called+u.started == 0 && !entry) {
		return
	}
	c.markDead(obj)
	report.Node(c.pass, call, fmt.Sprintf(
		"recover() in %s returns nil and stops no panic, because %s is never deferred and recover only works when called directly by a deferred function: defer a function that calls recover()",
		obj.Name(), obj.Name()))
}

func (c *checker) markDead(obj types.Object) {
	if c.dead == nil {
		c.dead = make(map[types.Object]bool)
	}
	c.dead[obj] = true
}

// isEntry reports whether fn is main or an init function, which the runtime calls
// and nothing defers.
func isEntry(pkg *types.Package, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Recv() != nil {
		return false
	}
	return fn.Name() == "init" || fn.Name() == "main" && pkg.Name() == "main"
}

// allUsesVisible reports whether every use of obj is in this package: a local
// variable, an unexported function, any function of package main, or an
// unexported method that no interface of the package declares (exported methods
// may be deferred through an interface anywhere).
func (c *checker) allUsesVisible(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var:
		return obj.Parent() != c.pass.Pkg.Scope() || !obj.Exported() || c.pass.Pkg.Name() == "main"
	case *types.Func:
		if obj.Signature().Recv() == nil {
			return !obj.Exported() || c.pass.Pkg.Name() == "main"
		}
		return !obj.Exported() && !c.interfaceDeclares(obj.Name())
	}
	return false
}

// interfaceDeclares reports whether some interface type of the package has a
// method named name.
func (c *checker) interfaceDeclares(name string) bool {
	for _, tv := range c.pass.TypesInfo.Types {
		if tv.Type == nil {
			continue
		}
		if iface, ok := tv.Type.Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if m.Name() == name {
					return true
				}
			}
		}
	}
	return false
}

// checkHelperCall reports a call, without defer, of a function that calls recover()
// directly, where its recover() is sure to be meant and to return nil: the call is
// made by a deferred function (that does not recover itself), by a go statement, or
// the helper does nothing but recover.
func (c *checker) checkHelperCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	obj := c.x.FuncOf(call.Fun)
	if c.dead[obj] {
		return
	}
	var fact recovery.Fact
	switch o := obj.(type) {
	case *types.Func:
		fact, _ = c.x.FactOf(o)
	case *types.Var:
		if _, f := c.x.Local(o); f != nil {
			fact = *f
		}
	}
	if !fact.Recovers {
		return
	}
	name := obj.Name()
	kind := cur.ParentEdgeKind()
	switch kind {
	case edge.DeferStmt_Call:
		return
	case edge.GoStmt_Call:
		report.Node(c.pass, call, fmt.Sprintf(
			"%s calls recover(), which returns nil in a goroutine of its own and stops no panic: defer %s inside the goroutine's function instead", name, name))
		return
	}
	fn, ok := funcOf(cur)
	if !ok {
		return
	}
	if c.isDeferred(fn) && !c.frameRecovers(fn) {
		report.Node(c.pass, call, fmt.Sprintf(
			"%s calls recover(), which returns nil here because %s is called by the deferred function instead of being deferred itself: defer %s directly",
			name, name, name))
		return
	}
	if fact.OnlyRecovers && kind == edge.ExprStmt_X {
		report.Node(c.pass, call, fmt.Sprintf(
			"%s does nothing unless its recover() stops a panic, which it cannot do unless deferred: write defer %s",
			name, name))
	}
}

// frameRecovers reports whether the function at cur calls recover() directly.
func (c *checker) frameRecovers(cur inspector.Cursor) bool {
	body := flow.FuncBody(cur.Node())
	return body != nil && recovery.CallsRecover(c.pass.TypesInfo, body)
}

// checkGoroutines reports goroutines that nothing recovers.
func (c *checker) checkGoroutines() {
	helper := c.packageHelper()
	for cur := range c.in.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		if c.exempt(cur) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			c.checkStarted(n.Call.Fun, "", helper)
		case *ast.CallExpr:
			direct, wrapped, fn := c.x.Launches(n)
			if fn == nil {
				continue
			}
			if len(wrapped) > 0 && !c.sameModule(fn.Pkg()) {
				direct = append(direct, wrapped...)
			}
			for _, a := range direct {
				c.checkStarted(n.Args[a], launcherName(fn), helper)
			}
		}
	}
}

// exempt reports whether goroutines started at cur are not checked: in tests
// (unless asked for), and in main and init.
func (c *checker) exempt(cur inspector.Cursor) bool {
	if !testsFlag && strings.HasSuffix(c.pass.Fset.File(cur.Node().Pos()).Name(), "_test.go") {
		return true
	}
	for p := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := p.Node().(*ast.FuncDecl)
		if fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main" && c.pass.Pkg.Name() == "main") {
			return true
		}
	}
	return false
}

// sameModule reports whether pkg belongs to the module being analyzed (or, when
// the driver does not say, is this package).
func (c *checker) sameModule(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if c.pass.Module == nil || c.pass.Module.Path == "" {
		return pkg == c.pass.Pkg
	}
	m := c.pass.Module.Path
	return pkg.Path() == m || strings.HasPrefix(pkg.Path(), m+"/")
}

func launcherName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n, ok := t.(*types.Named); ok {
			return fmt.Sprintf("(%s%s.%s).%s", ptr, n.Obj().Pkg().Name(), n.Obj().Name(), fn.Name())
		}
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// checkStarted reports fun, which runs in a new goroutine (started by a go
// statement, or by launcher when that is not empty), when nothing recovers it.
func (c *checker) checkStarted(fun ast.Expr, launcher string, helper *types.Func) {
	status, obj := c.x.Started(fun)
	if status != recovery.NotRecovered {
		return
	}
	lit, isLit := ast.Unparen(fun).(*ast.FuncLit)
	what := "the function literal"
	if isLit {
		if c.runsNoCode(lit) || c.exits(lit) || recovery.CallsRecover(c.pass.TypesInfo, lit.Body) {
			// (A recover() called by the goroutine's function itself is reported
			// as a recover() that never works.)
			return
		}
	} else {
		if obj == nil || c.x.IsStd(obj.Pkg()) {
			return
		}
		what = obj.Name()
	}
	var msg string
	if launcher != "" {
		msg = fmt.Sprintf("%s runs in a new goroutine started by %s, and nothing recovers a panic there, which ends the whole process: defer a call that recovers at its top", what, launcher)
	} else {
		msg = fmt.Sprintf("goroutine running %s does not recover panics, so a panic in it ends the whole process: defer a call that recovers at the top of %s", what, what)
	}
	var fixes []analysis.SuggestedFix
	if isLit {
		fixes = c.fix(lit, helper)
	}
	if isLit {
		report.Range(c.pass, lit.Pos(), lit.Type.End(), msg, fixes...)
	} else {
		report.Node(c.pass, fun, msg)
	}
}

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
// handler or the package's own helper.
func (c *checker) fix(lit *ast.FuncLit, helper *types.Func) []analysis.SuggestedFix {
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
	if path != c.pass.Pkg.Path() {
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
		NewText: []byte("\n\tdefer " + expr + "()" + sameLine),
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

// syncPackages are the standard library packages whose functions only wait,
// signal and keep time: a goroutine that calls nothing else runs no code of its
// own that could panic.
var syncPackages = map[string]bool{
	"context": true, "os/signal": true, "runtime": true, "sync": true, "sync/atomic": true, "time": true,
}

// runsNoCode reports whether lit calls nothing but built-in functions (other than
// panic), conversions, the standard library's synchronisation and time functions,
// and the Close, Stop, Done and Err methods of standard library types and
// interfaces: a goroutine such as go func() { <-ctx.Done(); conn.Close() }() or
// go func() { wg.Wait(); close(ch) }() has nothing to recover.
func (c *checker) runsNoCode(lit *ast.FuncLit) bool {
	info := c.pass.TypesInfo
	ok := true
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !isCall || !ok {
			return ok
		}
		if tv, found := info.Types[call.Fun]; found && tv.IsType() {
			return true // a conversion
		}
		switch obj := c.x.FuncOf(call.Fun).(type) {
		case *types.Builtin:
			ok = obj.Name() != "panic"
		case *types.Func:
			switch obj.Name() {
			case "Close", "Stop", "Done", "Err", "Context":
				ok = c.x.IsStd(obj.Pkg())
			default:
				ok = obj.Pkg() != nil && syncPackages[obj.Pkg().Path()]
			}
		case *types.Var:
			named, isNamed := types.Unalias(obj.Type()).(*types.Named)
			ok = isNamed && named.Obj().Pkg() != nil && syncPackages[named.Obj().Pkg().Path()]
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// exits reports whether lit ends the process itself (os.Exit, log.Fatal and the
// like, anywhere in it): such a goroutine, typically a signal handler, exists to
// end the process.
func (c *checker) exits(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn, ok := c.x.FuncOf(call.Fun).(*types.Func); ok && fn.Pkg() != nil {
				switch fn.Pkg().Path() + "." + fn.Name() {
				case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln":
					found = true
				}
			}
		}
		return !found
	})
	return found
}
