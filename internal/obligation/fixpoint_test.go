package obligation

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// A chain of helpers declared callee last: each pass over the declarations in
// order learns one more link, so a bound on the rounds would stop short of h1.
const chain = `package p

func acquire() int { return 0 }

func h1() int { return h2() }
func h2() int { return h3() }
func h3() int { return h4() }
func h4() int { return h5() }
func h5() int { return h6() }
func h6() int { return h7() }
func h7() int { return h8() }
func h8() int { return h9() }
func h9() int { return acquire() }

func unrelated() int { return 1 }

func recursive(n int) int {
	if n == 0 {
		return acquire()
	}
	return recursive(n - 1)
}
`

func TestFixpoint(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", chain, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var decls []*ast.FuncDecl
	for _, d := range f.Decls {
		decls = append(decls, d.(*ast.FuncDecl))
	}
	// The fact: the function calls acquire or a function with the fact.
	fresh := make(map[*types.Func]bool)
	updates := 0
	Fixpoint(info, decls, func(fd *ast.FuncDecl, fn *types.Func) bool {
		updates++
		if fresh[fn] {
			return false
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if callee, ok := info.Uses[id].(*types.Func); ok && (callee.Name() == "acquire" || fresh[callee]) {
					fresh[fn] = true
				}
			}
			return !fresh[fn]
		})
		return fresh[fn]
	})
	var got []string
	for _, fd := range decls {
		if fresh[info.Defs[fd.Name].(*types.Func)] {
			got = append(got, fd.Name.Name)
		}
	}
	if want := "h1 h2 h3 h4 h5 h6 h7 h8 h9 recursive"; strings.Join(got, " ") != want {
		t.Errorf("fresh: %s, want %s", strings.Join(got, " "), want)
	}
	// Each function once, then each caller once more per growth of a callee:
	// h1..h8 and recursive (its own caller) again.
	if want := len(decls) + 9; updates != want {
		t.Errorf("%d updates, want %d", updates, want)
	}
}
