package process

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/ast/inspector"
)

// commandProgram reports whether the package belongs to a command's program by
// Go's layout convention: its import path has a cmd element (…/cmd/<command>/…,
// or the …/cmd package cobra-cli lays out). Such a package holds the code of one
// command, called by that command's main, and a command runs one invocation per
// process: its exported functions and methods are called as its unexported ones
// are, by the command's code, not by any number of importers.
//
// It is a convention, not a fact the compiler checks. Where a server keeps its
// per-request code under cmd/ and another package of the command calls it per
// request (a handler package the server's main wires up, a method called through
// an interface that another package boxes), that code counts as once: a known
// false negative, accepted so that a command's one-shot code (a subcommand's Run
// that main's switch calls once, a constructor main calls once) stays quiet. Its
// own package's evidence still counts: a call site in a loop, a goroutine or
// code that may repeat, a function value, a receiver turned into an interface value, a handler's
// signature (see perEvent).
func (o *Once) commandProgram() bool {
	for elem := range strings.SplitSeq(o.pass.Pkg.Path(), "/") {
		if elem == "cmd" {
			return true
		}
	}
	return false
}

// perEvent reports whether fn, an exported function or a method of a command's
// package, may be reached once per event though its package calls it at most
// once: it has net/http.Handler's ServeHTTP signature (a handler is called per
// request, by whichever package serves it), or it is a method whose receiver's
// type the package turns into an interface value (see boxedTypes), through
// which anyone holding the value may call it any number of times.
func (o *Once) perEvent(fn *types.Func) bool {
	sig := fn.Signature()
	if handlerSignature(sig) {
		return true
	}
	recv := sig.Recv()
	if recv == nil {
		return false
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	return ok && o.boxedTypes()[named.Origin().Obj()]
}

// handlerSignature reports whether sig is that of net/http.Handler's ServeHTTP:
// func(http.ResponseWriter, *http.Request), whatever the function's name.
func handlerSignature(sig *types.Signature) bool {
	params := sig.Params()
	if params.Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	req, ok := types.Unalias(params.At(1).Type()).(*types.Pointer)
	return ok && knowledge.IsType(params.At(0).Type(), "net/http", "ResponseWriter") &&
		knowledge.IsType(req.Elem(), "net/http", "Request")
}

// boxedTypes returns the package's named types whose values (or pointers to
// them) its non-test code turns into interface values: assigns to a variable
// or field of interface type, passes as an argument of interface type (or of a
// type parameter's type), returns as an interface result, stores in a composite
// literal's interface element or sends on a channel of interfaces. A type
// embedded in one such type is boxed with it, since its methods are promoted.
// A value boxed in another package is not seen (see commandProgram).
func (o *Once) boxedTypes() map[*types.TypeName]bool {
	if o.boxed != nil {
		return o.boxed
	}
	o.boxed = make(map[*types.TypeName]bool)
	info := o.pass.TypesInfo
	kinds := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil),
		(*ast.ReturnStmt)(nil), (*ast.CompositeLit)(nil), (*ast.SendStmt)(nil)}
	for cur := range o.in.Root().Preorder(kinds...) {
		if o.inTestFile(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, rhs := range n.Rhs {
					o.box(info.TypeOf(n.Lhs[i]), rhs)
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				for _, v := range n.Values {
					o.box(info.TypeOf(n.Type), v)
				}
			}
		case *ast.CallExpr:
			o.boxArgs(n)
		case *ast.ReturnStmt:
			if sig := enclosingSignature(info, cur); sig != nil && sig.Results().Len() == len(n.Results) {
				for i, r := range n.Results {
					o.box(sig.Results().At(i).Type(), r)
				}
			}
		case *ast.CompositeLit:
			o.boxElements(n)
		case *ast.SendStmt:
			if ch, ok := typeUnder(info.TypeOf(n.Chan)).(*types.Chan); ok {
				o.box(ch.Elem(), n.Value)
			}
		}
	}
	return o.boxed
}

// boxArgs boxes the arguments of call that go to parameters of interface type,
// and the operand of a conversion to an interface type.
func (o *Once) boxArgs(call *ast.CallExpr) {
	info := o.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			o.box(tv.Type, call.Args[0])
		}
		return
	}
	sig, ok := typeUnder(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, arg := range call.Args {
		switch last := params.Len() - 1; {
		case sig.Variadic() && i >= last && !call.Ellipsis.IsValid():
			if s, ok := typeUnder(params.At(last).Type()).(*types.Slice); ok {
				o.box(s.Elem(), arg)
			}
		case i < params.Len():
			o.box(params.At(i).Type(), arg)
		}
	}
}

// boxElements boxes the elements of lit that go to interface-typed fields,
// elements, keys or values.
func (o *Once) boxElements(lit *ast.CompositeLit) {
	info := o.pass.TypesInfo
	t := typeUnder(info.TypeOf(lit))
	if p, ok := t.(*types.Pointer); ok {
		t = typeUnder(p.Elem())
	}
	for i, elt := range lit.Elts {
		kv, keyed := elt.(*ast.KeyValueExpr)
		switch u := t.(type) {
		case *types.Struct:
			switch {
			case keyed:
				if key, ok := kv.Key.(*ast.Ident); ok && info.ObjectOf(key) != nil {
					o.box(info.ObjectOf(key).Type(), kv.Value)
				}
			case i < u.NumFields():
				o.box(u.Field(i).Type(), elt)
			}
		case *types.Slice, *types.Array, *types.Map:
			elem := u.(interface{ Elem() types.Type }).Elem()
			if !keyed {
				o.box(elem, elt)
				continue
			}
			if m, ok := u.(*types.Map); ok {
				o.box(m.Key(), kv.Key)
			}
			o.box(elem, kv.Value)
		}
	}
}

// box records the named type of e if target is an interface type (or a type
// parameter) and e's own type is not.
func (o *Once) box(target types.Type, e ast.Expr) {
	if target == nil || !types.IsInterface(target) {
		return
	}
	src := o.pass.TypesInfo.TypeOf(e)
	if src == nil || types.IsInterface(src) {
		return
	}
	o.record(src)
}

// record marks t's named type (through one pointer) boxed, and the types
// embedded in it, whose methods it promotes.
func (o *Once) record(t types.Type) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if named, ok := t.(*types.Named); ok {
		name := named.Origin().Obj()
		if o.boxed[name] {
			return
		}
		o.boxed[name] = true
	}
	if s, ok := t.Underlying().(*types.Struct); ok {
		for i := range s.NumFields() {
			if f := s.Field(i); f.Embedded() {
				o.record(f.Type())
			}
		}
	}
}

// enclosingSignature returns the signature of the function declared or written
// around cur.
func enclosingSignature(info *types.Info, cur inspector.Cursor) *types.Signature {
	var sig *types.Signature
	for c := range cur.Enclosing() {
		switch f := c.Node().(type) {
		case *ast.FuncLit:
			sig, _ = typeUnder(info.TypeOf(f)).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if fn, ok := info.Defs[f.Name].(*types.Func); ok {
				sig = fn.Signature()
			}
			return sig
		}
	}
	return nil
}

// typeUnder returns t's underlying type, or nil for no type.
func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// isActionValue reports whether the expression at c is the value of a field
// holding an action or a hook in a command literal of a command-line framework:
// one known by its import path (knowledge.CommandField and knowledge.IsRunField:
// cobra, urfave/cli) or a fork of urfave/cli, known by its shape (see
// forkActionValue).
func isActionValue(info *types.Info, c inspector.Cursor) bool {
	if field, ok := knowledge.CommandField(info, c); ok {
		return knowledge.IsRunField(field)
	}
	return forkActionValue(info, c)
}

// forkRunFields are urfave/cli's fields of a command that hold what the
// framework runs when the command line selects the command: its action and the
// hooks around it.
var forkRunFields = []string{"Action", "Before", "After"}

// forkActionValue reports whether the expression at c is the value of a run
// field (forkRunFields) of a fork's command type (see forkCommandType), in its
// composite literal (cli.Command{Action: mainAdminPolicyInfo} with minio's fork)
// or assigned to the field (app.Action = run).
func forkActionValue(info *types.Info, c inspector.Cursor) bool {
	owner, field, ok := knowledge.FieldValue(info, c)
	return ok && slices.Contains(forkRunFields, field) && forkCommandType(owner)
}

// forkCommandType reports whether t (or what it points to) has the shape of
// urfave/cli's command types: a struct type named Command or App, declared in a
// package named cli, with a field Action that holds a function (a func type, or
// an empty interface as urfave/cli v1's Action interface{}, which its Run
// calls through HandleAction).
//
// A fork keeps its framework's API, and so its behaviour: minio/cli, a fork of
// urfave/cli v1, runs one command per App.Run as urfave/cli does. Recognising
// the shape rather than each fork's import path keeps the rule true of forks
// we have not seen; it takes the names and the field together, so a package's
// own Command type with an Action (a job queue's) does not match.
func forkCommandType(t types.Type) bool {
	name := namedOf(t)
	if name == nil || name.Pkg() == nil || name.Pkg().Name() != "cli" ||
		(name.Name() != "Command" && name.Name() != "App") {
		return false
	}
	s, ok := name.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range s.NumFields() {
		if f := s.Field(i); f.Name() == "Action" {
			return holdsFunc(f.Type())
		}
	}
	return false
}

// holdsFunc reports whether a field of type t holds a function: t is a func
// type, or an interface every type satisfies (interface{}, any).
func holdsFunc(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return true
	case *types.Interface:
		return u.Empty()
	}
	return false
}

// forkRunMethods are the methods of urfave/cli's App (v1, v2) and Command (v3)
// that execute a command line (see knowledge.IsCommandExecutor).
var forkRunMethods = []string{"Run", "RunContext", "RunAndExitOnError"}

// isExecutor reports whether fn executes a command line: a framework's
// executor known by its import path (knowledge.IsCommandExecutor), or the Run
// method (forkRunMethods) of a fork's command type (see forkCommandType).
func isExecutor(fn *types.Func) bool {
	if knowledge.IsCommandExecutor(fn) {
		return true
	}
	recv := fn.Signature().Recv()
	return recv != nil && slices.Contains(forkRunMethods, fn.Name()) && forkCommandType(recv.Type())
}
