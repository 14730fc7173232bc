package knowledge

import (
	"go/types"
	"strings"
)

// FuncName names fn as x/tools' typeutil.FuncName and staticcheck print it: a
// function as "importpath.Name", a method as "(importpath.Type).Name" or
// "(*importpath.Type).Name". A generic function or method is named by its
// origin, without type arguments: the same name serves every instantiation.
func FuncName(fn *types.Func) string {
	return funcName(fn, func(p *types.Package) string { return p.Path() })
}

// ShortFuncName is FuncName with package names instead of import paths
// ("(*errgroup.Group).Go", "helpers.Spawn"), for messages.
func ShortFuncName(fn *types.Func) string {
	return funcName(fn, func(p *types.Package) string { return p.Name() })
}

func funcName(fn *types.Func, qualify func(*types.Package) string) string {
	fn = fn.Origin()
	qualified := func(pkg *types.Package, name string) string {
		if pkg == nil {
			return name
		}
		return qualify(pkg) + "." + name
	}
	if tn, ptr := Receiver(fn); tn != nil {
		star := ""
		if ptr {
			star = "*"
		}
		return "(" + star + qualified(tn.Pkg(), tn.Name()) + ")." + fn.Name()
	}
	return qualified(fn.Pkg(), fn.Name())
}

// Receiver returns the named type whose method fn is, and whether the method
// has a pointer receiver; nil for a function, and for a method whose receiver
// has no name (an interface method read from export data).
func Receiver(fn *types.Func) (tn *types.TypeName, pointer bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil, false
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t, pointer = types.Unalias(p.Elem()), true
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj(), pointer
	}
	return nil, false
}

// Funcs is a set of functions given by name: in FuncName's format, or as users
// write them in options, importpath.Func and importpath.Type.Method, with or
// without the receiver's parentheses and star. A name matches a method
// whichever way its receiver is written.
type Funcs struct {
	keys  map[string]bool // names by key (see key)
	short map[string]bool // the function or method names alone, to rule out most calls at once
}

// NewFuncs returns the set of the named functions.
func NewFuncs(names ...string) Funcs {
	fs := Funcs{keys: make(map[string]bool), short: make(map[string]bool)}
	for _, name := range names {
		fs.add(name)
	}
	return fs
}

func (fs Funcs) add(name string) {
	if k := key(strings.TrimSpace(name)); k != "" {
		fs.keys[k] = true
		fs.short[k[strings.LastIndex(k, ".")+1:]] = true
	}
}

// Has reports whether fn is in the set.
func (fs Funcs) Has(fn *types.Func) bool {
	return fn != nil && fs.short[fn.Name()] && fs.keys[Key(fn)]
}

// Key returns the key under which tables find fn: FuncName without the
// receiver's parentheses and star ("net/http.Client.Do", "os.Open").
func Key(fn *types.Func) string { return key(FuncName(fn)) }

// NameKey returns the key of a function's name written either way:
// "(*net/http.Client).Do" and "net/http.Client.Do" have the same key.
func NameKey(name string) string { return key(name) }

var unqualify = strings.NewReplacer("(", "", ")", "", "*", "")

func key(name string) string { return unqualify.Replace(name) }
