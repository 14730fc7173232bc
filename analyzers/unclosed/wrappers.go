package unclosed

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// wrapping describes a value that holds a resource it was given: the result of a
// call that keeps the resource in the value it returns (see resources.Keep).
type wrapping struct {
	inner string // what it holds, for messages: "the file from os.Open"
}

// soleHandOff returns the one use among uses (outside the acquiring statement
// stmt) that releases the resource or hands it on, when there is exactly one and
// it hands it on. Only then can a value the resource went into carry its whole
// obligation: a resource also released or handed on elsewhere has an owner that
// the wrapper's fate says nothing about.
func soleHandOff(uses []resources.Use, stmt ast.Node) (resources.Use, bool) {
	var sole []resources.Use
	for _, u := range uses {
		if u.Effect != resources.Neutral && (u.Ident.Pos() < stmt.Pos() || u.Ident.Pos() >= stmt.End()) {
			sole = append(sole, u)
		}
	}
	if len(sole) != 1 || sole[0].Effect != resources.Move {
		return resources.Use{}, false
	}
	return sole[0], true
}

// checkWrapper follows a resource of kind k that use u passes to a call keeping
// it in the value it returns (w := newWrapper(f), where newWrapper returns
// &wrapper{f}): the obligation moves to that value, when its type has a method
// that can release it (Close, or one of the kind's release methods). The
// receiving variable is checked as an acquisition of its own, released with those
// methods. A value without such a method (a plain struct, a bufio-like reader
// over the resource) cannot be released through: the resource counts as handed
// on, as before, and nothing is reported. inner says what the resource is, for
// messages.
func (c *checker) checkWrapper(fnCur inspector.Cursor, u resources.Use, k *resources.Kind, inner string) {
	call, arg := keepingCall(fnCur, u, k)
	if call == nil || c.wrapped[call] {
		return
	}
	result, ok := c.t.KeptIn(call, arg)
	if !ok || !paramReleasable(c.pass, call, arg, k) {
		return
	}
	typ := resultType(c.pass.TypesInfo, call, result)
	release := releaseMethods(c.pass.Pkg, typ, k)
	if len(release) == 0 {
		return
	}
	callCur, ok := fnCur.FindNode(call)
	if !ok {
		return
	}
	c.wrapped[call] = true // a loop of wrappers (a = wrap(b); b = wrap(a)) ends here
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	held := &resources.Kind{
		Name:     k.Name,
		Noun:     types.TypeString(typ, types.RelativeTo(c.pass.Pkg)),
		Release:  release,
		Leak:     k.Leak,
		PreGo123: k.PreGo123,
		Writer:   k.Writer,
	}
	c.checkAcquisition(callCur, call, &resources.Source{Kind: held, Result: result, Callee: fn}, &wrapping{inner: inner})
}

// keepingCall returns the call that use u is an argument of, and the argument's
// index: the variable itself, or, for a kind released through its Body field,
// resp.Body.
func keepingCall(fnCur inspector.Cursor, u resources.Use, k *resources.Kind) (*ast.CallExpr, int) {
	cur, ok := fnCur.FindNode(u.Ident)
	if !ok {
		return nil, 0
	}
	var arg ast.Node = u.Ident
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			cur, arg = parent, p
			continue
		case *ast.SelectorExpr:
			if k.BodyOnly && p.X == arg && p.Sel.Name == "Body" {
				cur, arg = parent, p
				continue
			}
		case *ast.CallExpr:
			for i, a := range p.Args {
				if a == arg {
					return p, i
				}
			}
		}
		return nil, 0
	}
}

// paramReleasable reports whether the callee of call can release what it is
// given as argument arg: the parameter's type is the resource's own type, or has
// one of its release methods. A constructor taking an io.Reader keeps a reader it
// cannot close (its Close, if any, frees something else, as gzip.Reader's does):
// that is wrapping, and whether the resource is released stays with the caller.
func paramReleasable(pass *analysis.Pass, call *ast.CallExpr, arg int, k *resources.Kind) bool {
	fun := pass.TypesInfo.TypeOf(call.Fun)
	if fun == nil {
		return false
	}
	sig, ok := fun.Underlying().(*types.Signature)
	if !ok || arg >= sig.Params().Len() || sig.Variadic() && arg >= sig.Params().Len()-1 {
		return false
	}
	typ := sig.Params().At(arg).Type()
	return slices.Contains(k.Types, types.TypeString(typ, nil)) || len(releaseMethods(pass.Pkg, typ, k)) > 0
}

// resultType returns the type of result r of call.
func resultType(info *types.Info, call *ast.CallExpr, r int) types.Type {
	t := info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		if r < tuple.Len() {
			return tuple.At(r).Type()
		}
		return nil
	}
	if r != 0 {
		return nil
	}
	return t
}

// releaseMethods returns the methods of typ, without parameters, that release a
// value holding a resource of kind k: Close, and the kind's own release methods
// (Stop for a ticker, Rollback for a transaction), Close first.
func releaseMethods(pkg *types.Package, typ types.Type, k *resources.Kind) []string {
	if typ == nil {
		return nil
	}
	var names []string
	for _, name := range append([]string{"Close"}, k.Release...) {
		if slices.Contains(names, name) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(typ, true, pkg, name)
		if m, ok := obj.(*types.Func); ok && m.Signature().Params().Len() == 0 {
			names = append(names, name)
		}
	}
	return names
}
