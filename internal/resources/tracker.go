package resources

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Tracker answers ownership questions within one package: which calls acquire a
// resource, and what each use of a variable holding one does to it. What it
// knows of functions beyond their code comes from Facts: the facts pass fills
// them through a Tracker of its own (see Compute), and analyzers read them.
type Tracker struct {
	Pass     *analysis.Pass
	Cat      *Catalogue
	facts    *Facts
	imported map[*types.Func]*Asserts // other packages' Asserts, looked up once each
	analyzed map[*types.Package]bool
	std      *knowledge.StdPackages
	calls    map[*ast.BlockStmt]*bodyCalls      // see callsIn
	escaping map[ast.Node]map[*ast.FuncLit]bool // see escapingLiterals
}

// NewTracker returns a tracker for pass that reads facts from facts.
func NewTracker(pass *analysis.Pass, cat *Catalogue, facts *Facts) *Tracker {
	return &Tracker{Pass: pass, Cat: cat, facts: facts, imported: make(map[*types.Func]*Asserts), analyzed: make(map[*types.Package]bool), std: knowledge.NewStdPackages(pass.Fset),
		calls: make(map[*ast.BlockStmt]*bodyCalls), escaping: make(map[ast.Node]map[*ast.FuncLit]bool)}
}

// Source is what an acquiring call yields.
type Source struct {
	Kind   *Kind
	Result int         // index of the result that holds the resource
	Callee *types.Func // the acquiring function
}

// Acquires returns what call acquires, from the catalogue or from a Fresh fact of
// its callee, or nil.
func (t *Tracker) Acquires(call *ast.CallExpr) *Source {
	fn, ok := typeutil.Callee(t.Pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil
	}
	if a := t.Cat.Acquirer(fn); a != nil {
		if ReleasedWithTx(t.Pass.TypesInfo, call) {
			return nil // tx.Stmt(s).Query(): closed with the transaction
		}
		if t.sendsHead(fn, call) {
			return nil // the response to a HEAD request has no body to close
		}
		return &Source{Kind: a.Kind, Result: a.Result, Callee: fn}
	}
	f, ok := t.facts.FreshOf(fn, func(kind string) bool { return t.Cat.Kind(kind) != nil })
	if !ok {
		return nil
	}
	return &Source{Kind: t.Cat.Kind(f.Kind), Result: f.Result, Callee: fn.Origin()}
}

// Effect is what one use of a variable does to the resource it holds.
type Effect int

const (
	Neutral Effect = iota // reads or wraps it: the variable still owns it
	Release               // releases it
	Move                  // hands it on: returned, stored, sent, captured, passed to an owner
)

// Use is one use of a tracked variable.
type Use struct {
	Ident  *ast.Ident
	Effect Effect
}

// Uses returns the uses of v in root (function literals included) with their effect
// on a resource of kind k (nil when unknown: any release method then counts).
// Anything not understood counts as a move, so that unknown code silences reports.
func (t *Tracker) Uses(root ast.Node, v *types.Var, k *Kind) []Use {
	return t.UsesOf(root, map[*types.Var]*Kind{v: k})[v]
}

// UsesOf is Uses for several variables at once, each with its kind, in one walk
// of root.
func (t *Tracker) UsesOf(root ast.Node, vars map[*types.Var]*Kind) map[*types.Var][]Use {
	uses := make(map[*types.Var][]Use, len(vars))
	sorted := true // the uses are in source order, unless a read through a reader variable came early
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := t.Pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		k, tracked := vars[v]
		if !tracked {
			return true
		}
		effect := t.classify(stack, k)
		if effect == Neutral && k != nil && k.BodyOnly {
			// r := bufio.NewReader(resp.Body); ...; io.ReadAll(r): the read of r reads the body.
			if read := t.aliasRead(stack); read != nil {
				uses[v] = append(uses[v], Use{Ident: read, Effect: Release})
				sorted = false
			}
		}
		if effect == Neutral && t.inEscapingLiteral(root, stack) {
			effect = Move // return FuncHandler(func(r *Record) error { _, err := w.Write(...) }): the handler keeps w
		}
		if effect != Neutral && inDeadLiteral(t.Pass.TypesInfo, root, stack) {
			effect = Neutral // closeIt := func() { f.Close() }; _ = closeIt: it never runs
		}
		uses[v] = append(uses[v], Use{Ident: id, Effect: effect})
		return true
	})
	if !sorted {
		for _, us := range uses {
			slices.SortStableFunc(us, func(a, b Use) int { return int(a.Ident.Pos() - b.Ident.Pos()) })
		}
	}
	return uses
}

// inDeadLiteral reports whether the identifier at the top of stack lies in a
// function literal that can never run: one assigned to the blank identifier, or
// to a local variable of root that is only ever assigned to the blank identifier
// (the way to silence "declared and not used"). Nothing can call it, so what it
// would do to a resource does not happen.
func inDeadLiteral(info *types.Info, root ast.Node, stack []ast.Node) bool {
	for i := len(stack) - 2; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		target := assignedTo(stack[i-1], lit)
		if target == nil {
			return false
		}
		if target.Name == "_" {
			return true
		}
		w, ok := info.Defs[target].(*types.Var)
		return ok && onlyBlanked(info, root, w)
	}
	return false
}

// assignedTo returns the identifier that parent (an assignment or a var spec)
// assigns the expression e to, or nil.
func assignedTo(parent ast.Node, e ast.Expr) *ast.Ident {
	lhs, rhs, ok := flow.Sides(parent)
	if !ok || len(lhs) != len(rhs) {
		return nil
	}
	for j, r := range rhs {
		if r == e {
			id, _ := lhs[j].(*ast.Ident)
			return id
		}
	}
	return nil
}

// onlyBlanked reports whether every use of w in root is the right-hand side of an
// assignment to the blank identifier (_ = w).
func onlyBlanked(info *types.Info, root ast.Node, w *types.Var) bool {
	ok := true
	var parent ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if !ok || n == nil {
			return false
		}
		if as, isAssign := n.(*ast.AssignStmt); isAssign {
			parent = as
		}
		if id, isIdent := n.(*ast.Ident); isIdent && info.Uses[id] == w {
			target := assignedTo(parent, id)
			ok = target != nil && target.Name == "_"
		}
		return true
	})
	return ok
}

// releases reports whether method name releases a resource of kind k.
func (t *Tracker) releases(k *Kind, name string) bool {
	if k == nil {
		return slices.Contains(t.Cat.AnyRelease(), name)
	}
	return slices.Contains(k.Release, name)
}

// classify decides the effect of the use at the top of stack (an identifier).
func (t *Tracker) classify(stack []ast.Node, k *Kind) Effect {
	info := t.Pass.TypesInfo
	i := len(stack) - 1
	e, _ := stack[i].(ast.Expr)
	body := false // e is resp.Body
	for i > 0 {
		switch p := stack[i-1].(type) {
		case *ast.ParenExpr:
			e, i = p, i-1
			continue
		case *ast.StarExpr:
			if !t.copyCarries(stack, i-1) {
				return Neutral // *p = v, or a copy that shares nothing with the resource
			}
			e, i = p, i-1 // &wrapper{*f}: the copy of an os.File holds its descriptor (see copyCarries)
			continue
		case *ast.BinaryExpr, *ast.IncDecStmt:
			return Neutral
		case *ast.SelectorExpr:
			if p.X != e {
				return Move
			}
			name := p.Sel.Name
			if k != nil && k.BodyOnly && !body {
				if name == "Body" {
					e, i, body = p, i-1, true
					continue
				}
				return Neutral // resp.StatusCode, resp.Header.Get(...)
			}
			if name == "C" && k != nil && k.PreGo123 && rangedByGoroutine(stack, i-1) {
				return Move // go func() { for range t.C { ... } }(): the goroutine uses the ticker for ever
			}
			if i >= 2 {
				if call, ok := stack[i-2].(*ast.CallExpr); ok && call.Fun == p {
					if t.releases(k, name) || t.releasesReceiver(info, p) {
						return Release
					}
					if k != nil && k.NextEnds && name == "Next" && i >= 3 && assertsFalse(stack[i-3], call) {
						return Release // require.False(t, rows.Next()): the rows ran out
					}
					if i >= 3 {
						if g, ok := stack[i-3].(*ast.GoStmt); ok && g.Call == call {
							return Move // go c.serve(): the goroutine holds it for as long as it runs
						}
					}
					if body && name == "Read" && t.readsBodyToEnd(stack, i-2) {
						return Release // for { _, err := resp.Body.Read(buf); if err == io.EOF { break } }: read to its end
					}
					if name == "Fd" && t.fdHandedOn(stack, i-2) {
						return Move // return f.Fd(): the caller owns the descriptor (see fdHandedOn)
					}
					if name == "File" && socketFile(typeutil.Callee(info, call)) && t.socketFileHandedOn(stack, i-2) {
						return Move // return l.File(): the caller holds the socket through the copy (see socketFileHandedOn)
					}
					return Neutral
				}
			}
			if sel, ok := info.Selections[p]; ok && sel.Kind() == types.MethodVal && t.releases(k, name) {
				return Move // the release method value is handed on: defer closeLater(f.Close)
			}
			return Neutral
		case *ast.CallExpr:
			if p.Fun == e {
				return Neutral
			}
			for j, arg := range p.Args {
				if arg == e {
					if body && (t.readsToEOF(p, j) || t.readThrough(stack, i-1, j)) {
						return Release // io.ReadAll(resp.Body): at EOF the connection goes back to the pool
					}
					if k != nil && k.BodyOnly && !body && t.dumpsBody(p, j) {
						return Release // httputil.DumpResponse(resp, true) closed the body and put a buffer in its place
					}
					if lit, ok := ast.Unparen(p.Fun).(*ast.FuncLit); ok {
						if body {
							k = nil // the literal gets the body itself: b.Close() releases it
						}
						return t.literalParamEffect(lit, j, k)
					}
					if b, ok := typeutil.Callee(info, p).(*types.Builtin); ok && b.Name() == "append" && j > 0 && t.lentInExtraFiles(stack, i-1) {
						return Neutral // cmd.ExtraFiles = append(cmd.ExtraFiles, f): lent (see lentInExtraFiles)
					}
					if t.takes(p, j) || t.wrapperEscapes(stack, i-1, j, body) {
						return Move // a reader over it that leaves the function carries it (see wrapperEscapes)
					}
					return Neutral
				}
			}
			return Move
		case *ast.AssignStmt:
			if id := assignedTo(p, e); id != nil && id.Name == "_" {
				return Neutral // _ = rows keeps no reference
			}
			if lhs := assignedExpr(p, e); lhs != nil && t.lentToLocalCmd(stack[0], lhs, cmdStdio) {
				return Neutral // cmd.Stderr = f: os/exec uses the file and never closes it (see lentToLocalCmd)
			}
			return Move
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return Move
			}
			return Neutral // <-tick
		case *ast.RangeStmt:
			if p.X == e && isChan(info.TypeOf(e)) {
				return Neutral
			}
			return Move
		case *ast.SendStmt:
			if p.Chan == e {
				return Neutral
			}
			return Move
		case *ast.SwitchStmt:
			return Neutral // switch v { ... }
		case *ast.TypeAssertExpr:
			if p.Type == nil && i >= 2 {
				if _, ok := stack[i-2].(*ast.ExprStmt); ok {
					return Neutral // switch v.(type) without a new variable
				}
			}
			return Move
		case *ast.IndexExpr:
			if p.X == e {
				return Neutral
			}
			return Move
		case *ast.CompositeLit:
			if t.lentInExtraFiles(stack, i-1) {
				return Neutral // cmd.ExtraFiles = []*os.File{f}: lent (see lentInExtraFiles)
			}
			return Move
		default:
			return Move // assigned, returned, stored in a composite, ...
		}
	}
	return Move
}

// literalParamEffect is the effect of passing a resource as argument arg of a
// function literal called on the spot (defer func(b io.ReadCloser) { ... }(resp.Body)):
// what the literal's body does to the parameter. A variadic literal takes it.
func (t *Tracker) literalParamEffect(lit *ast.FuncLit, arg int, k *Kind) Effect {
	sig, ok := t.Pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if !ok || sig.Variadic() || arg >= sig.Params().Len() {
		return Move
	}
	param := sig.Params().At(arg)
	effect := Neutral
	for _, u := range t.Uses(lit.Body, param, k) {
		switch u.Effect {
		case Release:
			if effect == Neutral {
				effect = Release
			}
		case Move:
			effect = Move
		}
	}
	return effect
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// readsToEOF reports whether the call reads its argument at index arg to its end
// or until a read fails: io.ReadAll (ioutil.ReadAll), (*bytes.Buffer).ReadFrom,
// or io.Copy and io.CopyBuffer into any writer. net/http hands a response's
// connection back to the pool when its body reaches EOF, and closes it when a
// read fails (the transport's bodyEOFSignal tells the readLoop whether the read
// ended at EOF, and a connection whose body read failed is not kept alive; an
// HTTP/2 body's read fails only once its stream has ended or been reset, which
// frees it): either way nothing is left to release, on the read's failure branch
// too. io.ReadAll and Buffer.ReadFrom have no writer to fail: their error can
// come only from the body, so their failure branch is a failed read of the body.
// (A Buffer too large panics; it returns no error for it.) A copy stops early
// also when its writer fails; a local writer's
// failure (a full disk) is taken as rare, and what it leaves unread is a known
// false negative (see doc.go). Other ReadFrom methods (*os.File, *bufio.Writer,
// net.Conn) write somewhere that may fail, and are no such call.
func (t *Tracker) readsToEOF(call *ast.CallExpr, arg int) bool {
	fn := typeutil.Callee(t.Pass.TypesInfo, call)
	switch {
	case knowledge.IsFunc(fn, "io", "ReadAll"), knowledge.IsFunc(fn, "io/ioutil", "ReadAll"):
		return arg == 0
	case knowledge.IsMethod(fn, "bytes", "Buffer", "ReadFrom"):
		return arg == 0 // buf.ReadFrom(resp.Body)
	case knowledge.IsFunc(fn, "io", "Copy", "CopyBuffer"):
		return arg == 1
	}
	f, ok := fn.(*types.Func)
	return ok && slices.Contains(t.facts.Drains(f), arg) // bodyToString(resp.Body): a helper that reads its parameter to the end
}

// dumpsBody reports whether the call is httputil.DumpResponse(resp, true) with
// the response as its argument at index arg. With body true, DumpResponse reads
// the body to its end and closes it (its drainBody), then sets resp.Body to an
// in-memory copy: after the call resp.Body holds no connection, whatever error
// the call returns (a failed read closes the connection, as for readsToEOF; a
// failed Close was a Close). With body false it reads nothing and leaves the
// body as it was, and an argument that is no constant says nothing.
func (t *Tracker) dumpsBody(call *ast.CallExpr, arg int) bool {
	fn := typeutil.Callee(t.Pass.TypesInfo, call)
	if arg != 0 || len(call.Args) != 2 || !knowledge.IsFunc(fn, "net/http/httputil", "DumpResponse") {
		return false
	}
	tv, ok := t.Pass.TypesInfo.Types[call.Args[1]]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// wrapsReader reports whether the call returns a reader that reads its argument
// at index arg through to its end and passes on its errors: bufio.NewReader,
// bufio.NewReaderSize and io.TeeReader. Reading the wrapper to its end reads the
// wrapped body to its end. (io.LimitReader and io.NewSectionReader stop before
// the end, and are no such wrapper.)
func (t *Tracker) wrapsReader(call *ast.CallExpr, arg int) bool {
	fn := typeutil.Callee(t.Pass.TypesInfo, call)
	return arg == 0 && (knowledge.IsFunc(fn, "bufio", "NewReader", "NewReaderSize") || knowledge.IsFunc(fn, "io", "TeeReader"))
}

// readThrough reports whether stack[at], a call with the body as its argument
// arg, wraps it in readers (see wrapsReader) that a call reading to the end
// then reads in place: io.Copy(w, io.TeeReader(resp.Body, bar)).
func (t *Tracker) readThrough(stack []ast.Node, at, arg int) bool {
	call, ok := stack[at].(*ast.CallExpr)
	if !ok || !t.wrapsReader(call, arg) {
		return false
	}
	for at > 0 {
		var e ast.Expr = call
		at--
		for at > 0 {
			if _, ok := stack[at].(*ast.ParenExpr); !ok {
				break
			}
			e, at = stack[at].(ast.Expr), at-1
		}
		outer, ok := stack[at].(*ast.CallExpr)
		if !ok {
			return false
		}
		j := slices.Index(outer.Args, e)
		switch {
		case j < 0:
			return false
		case t.readsToEOF(outer, j):
			return true
		case !t.wrapsReader(outer, j):
			return false
		}
		call = outer
	}
	return false
}

// aliasRead returns, for the use of a response at the top of stack, the reading
// use of a local variable that holds a reader wrapping its body (r :=
// bufio.NewReader(resp.Body), or r = ...): the first use of r, in a later
// statement of the same block before r is assigned again (a function literal's
// body aside, which may never run), as the argument of a call that reads to the
// end (io.ReadAll(r)), which reads the body to its end. It returns nil when
// there is none.
func (t *Tracker) aliasRead(stack []ast.Node) *ast.Ident {
	info := t.Pass.TypesInfo
	i := len(stack) - 1
	sel, ok := stack[i-1].(*ast.SelectorExpr)
	if i < 3 || !ok || sel.Sel.Name != "Body" {
		return nil
	}
	var e ast.Expr = sel
	for i -= 2; i > 0; i-- {
		call, ok := stack[i].(*ast.CallExpr)
		if !ok {
			break
		}
		if j := slices.Index(call.Args, e); j < 0 || !t.wrapsReader(call, j) {
			return nil
		}
		e = call
	}
	if _, wrapped := e.(*ast.CallExpr); !wrapped || i < 1 {
		return nil
	}
	as, ok := stack[i].(*ast.AssignStmt)
	block, inBlock := stack[i-1].(*ast.BlockStmt)
	if !ok || !inBlock || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != e {
		return nil
	}
	id, _ := as.Lhs[0].(*ast.Ident)
	r, ok := info.ObjectOf(id).(*types.Var)
	if id == nil || !ok {
		return nil
	}
	at := slices.Index(block.List, ast.Stmt(as))
	if at < 0 {
		return nil
	}
	for _, s := range block.List[at+1:] {
		if assignsVar(info, s, r) {
			return nil
		}
		if read := t.readOf(s, r); read != nil {
			return read
		}
	}
	return nil
}

// assignsVar reports whether s assigns r or takes its address (anywhere, a
// function literal's body included): past it, r may hold another reader.
func assignsVar(info *types.Info, s ast.Stmt, r *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == r {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == r {
				found = true
			}
		}
		return !found
	})
	return found
}

// readOf returns the first use of r in s, outside function literals, that is the
// argument of a call reading to the end (see readsToEOF), directly or through
// wrapping readers; or nil.
func (t *Tracker) readOf(s ast.Stmt, r *types.Var) *ast.Ident {
	var found *ast.Ident
	var stack []ast.Node
	ast.Inspect(s, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, lit := n.(*ast.FuncLit); lit || found != nil {
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || t.Pass.TypesInfo.Uses[id] != r || len(stack) < 2 {
			return true
		}
		if call, ok := stack[len(stack)-2].(*ast.CallExpr); ok {
			if j := slices.Index(call.Args, ast.Expr(id)); j >= 0 && (t.readsToEOF(call, j) || t.readThrough(stack, len(stack)-2, j)) {
				found = id
			}
		}
		return true
	})
	return found
}

// takes reports whether the call releases or keeps its argument at index arg: a
// conversion, append, an owner in the standard library, a function with the Owns
// fact for that parameter, or an unknown callee (an interface method, a function
// value), which is assumed to take ownership.
func (t *Tracker) takes(call *ast.CallExpr, arg int) bool {
	info := t.Pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return callee.Name() == "append"
	case *types.Func:
		fn := callee.Origin()
		sig, ok := fn.Type().(*types.Signature)
		if !ok || fn.Pkg() == nil {
			return true
		}
		if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return true
		}
		if stdOwns(fn) {
			return true
		}
		if !t.isAnalyzed(fn.Pkg()) {
			return !t.std.Has(fn.Pkg())
		}
		if sig.Variadic() && arg >= sig.Params().Len()-1 {
			arg = sig.Params().Len() - 1
		}
		return slices.Contains(t.ownedParams(fn), arg)
	}
	return true
}

// ownedParams returns the parameters fn releases or keeps, from the facts; none
// for a function without facts (the standard library, whose owners are listed
// in stdOwners).
func (t *Tracker) ownedParams(fn *types.Func) []int { return t.facts.Owned(fn) }

// assertsFalse reports whether n is a call of an assertion named False (testify's
// require.False, assert.False) with arg as an argument.
func assertsFalse(n ast.Node, arg ast.Expr) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok || !slices.Contains(call.Args, arg) {
		return false
	}
	fun := ast.Unparen(call.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		fun = sel.Sel
	}
	id, ok := fun.(*ast.Ident)
	return ok && (id.Name == "False" || id.Name == "Falsef")
}

// isAnalyzed reports whether pkg was analyzed for facts (or is the package at
// hand), once per package.
func (t *Tracker) isAnalyzed(pkg *types.Package) bool {
	ok, seen := t.analyzed[pkg]
	if !seen {
		ok = t.facts.Analyzed(pkg)
		t.analyzed[pkg] = ok
	}
	return ok
}

// Acquiring reports whether pkg has functions that return fresh obligations.
func (t *Tracker) Acquiring(pkg *types.Package) bool { return t.facts.Acquiring(pkg) }

// bodyCalls lists the calls of a function body in source order: all of them,
// and those of its own frame (outside nested function literals).
type bodyCalls struct{ all, frame []*ast.CallExpr }

// callsIn returns the calls of body, listed on first use: the fixed points of
// Compute ask about the same bodies again whenever a callee's facts grow.
func (t *Tracker) callsIn(body *ast.BlockStmt) *bodyCalls {
	if c := t.calls[body]; c != nil {
		return c
	}
	c := new(bodyCalls)
	var litEnd token.Pos // the end of the outermost function literal walked into
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if n.Pos() >= litEnd {
				litEnd = n.End()
			}
		case *ast.CallExpr:
			c.all = append(c.all, n)
			if n.Pos() >= litEnd {
				c.frame = append(c.frame, n)
			}
		}
		return true
	})
	t.calls[body] = c
	return c
}

// rangedByGoroutine reports whether stack[i], a ticker's channel (t.C), is what
// a range statement ranges over inside a function literal that a go statement
// starts. The runtime never closes a ticker's channel, so the goroutine uses the
// ticker for as long as it runs: it holds the ticker, and the function that made
// it has nothing to stop. (A goroutine that leaves the range and ends without
// stopping it leaks it: a known false negative.)
func rangedByGoroutine(stack []ast.Node, i int) bool {
	if i < 1 {
		return false
	}
	r, ok := stack[i-1].(*ast.RangeStmt)
	if !ok || r.X != stack[i] {
		return false
	}
	for j := i - 2; j >= 2; j-- {
		lit, ok := stack[j].(*ast.FuncLit)
		if !ok {
			continue
		}
		call, ok := stack[j-1].(*ast.CallExpr)
		if !ok || call.Fun != lit {
			return false
		}
		g, ok := stack[j-2].(*ast.GoStmt)
		return ok && g.Call == call
	}
	return false
}

// copyCarries reports whether stack[at], a dereference of a resource's pointer
// (*f), is a copy that carries the resource wherever the pointer would go: it is
// used as a value (not assigned to, as in *f = v), and the struct it copies holds
// a pointer, an interface, a map or a function, through which the copy reaches
// the same state as the original. *os.File is struct{ *file }: its copy shares
// the descriptor, and the copy's Close closes it, so returning, storing or
// embedding *f (&selfDestructingFile{*f}, measurement 35: Argo Workflows'
// load_to_stream.go) hands the file on as f would. A method called on the copy
// ((*f).Name()) is followed as one called on f. A struct of plain values and
// channels is no such copy: a time.Ticker's copy does not stop the ticker, whose
// runtime timer is tied to the original's address.
func (t *Tracker) copyCarries(stack []ast.Node, at int) bool {
	star := stack[at].(*ast.StarExpr)
	if at > 0 {
		if as, ok := stack[at-1].(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(star)) {
			return false
		}
	}
	typ := t.Pass.TypesInfo.TypeOf(star)
	if typ == nil {
		return false
	}
	s, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range s.Fields() {
		switch f.Type().Underlying().(type) {
		case *types.Pointer, *types.Interface, *types.Map, *types.Signature:
			return true
		}
	}
	return false
}
