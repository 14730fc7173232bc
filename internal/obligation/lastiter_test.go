package obligation

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestGoesRoundIf reads the guard g in the body of the loop of each case: whether
// it is a test of the next iteration, and whether the loop goes round again when
// g is true.
func TestGoesRoundIf(t *testing.T) {
	for _, c := range []struct {
		loop, guard string
		ok, again   bool
	}{
		{"i := 0; i < n; i++", "i+1 < n", true, true},
		{"i := 0; i < n; i++", "i < n-1", true, true},
		{"i := 0; i < n; i++", "n-1 > i", true, true},
		{"i := 0; i < n; i++", "1+i < n", true, true},
		{"i := 0; i < n; i++", "i <= n-2", true, true},
		{"i := 0; i < n; i++", "i != n-1", true, true},
		{"i := 0; i < n; i++", "i+1 == n", true, false},
		{"i := 0; i < n; i++", "i == n-1", true, false},
		{"i := 0; i < n; i++", "i >= n-1", true, false},
		{"i := 0; i < n; i++", "i > n-2", true, false},
		{"i := 0; i < limit; i++", "i+1 < limit", true, true},
		{"i := 0; i < limit; i++", "i == limit-1", true, false},
		{"i := 1; i <= n; i++", "i < n", true, true},
		{"i := 1; i <= n; i++", "i == n", true, false},
		{"i := 0; n > i; i++", "i+1 < n", true, true},
		{"i := n; i > 0; i--", "i > 1", true, true},
		{"i := n; i > 0; i--", "i-1 > 0", true, true},
		{"i := n; i > 0; i--", "i == 1", true, false},
		{"i := n; i >= 1; i--", "i >= 2", true, true},
		{"i := n; 0 < i; i--", "i <= 1", true, false},
		// not a test of the next iteration
		{"i := 0; i < n; i++", "i+2 < n", false, false},
		{"i := 0; i < n; i++", "i < n", false, false},
		{"i := 0; i < n; i++", "i+1 < m", false, false},
		{"i := 0; i < n; i++", "j+1 < n", false, false},
		{"i := 0; i < n; i++", "i*2 < n", false, false},
		{"i := n; i > 0; i--", "i+1 < n", false, false},
	} {
		src := "package p\nconst limit = 5\nfunc f(n, m, j int) {\n\tfor " + c.loop + " {\n\t\tif " + c.guard + " {\n\t\t}\n\t}\n}\n"
		info, body := check(t, src)
		fs := body.List[0].(*ast.ForStmt)
		loop, ok := countedLoopOf(info, fs, body, func(v *types.Var) bool { return changedVars(info, body)[v] })
		if !ok {
			t.Errorf("for %s: not a counted loop", c.loop)
			continue
		}
		guard := fs.Body.List[0].(*ast.IfStmt).Cond.(*ast.BinaryExpr)
		again, ok := loop.goesRoundIf(info, guard)
		if ok != c.ok || ok && again != c.again {
			t.Errorf("for %s { if %s }: again, ok = %v, %v; want %v, %v", c.loop, c.guard, again, ok, c.again, c.ok)
		}
	}
}

// TestCountedLoopOf checks the loops that are no counted loops: their counter or
// bound changes where the search does not see it, or their step is not one.
func TestCountedLoopOf(t *testing.T) {
	for _, c := range []struct {
		decl, loop, body string
		ok               bool
	}{
		{"", "i := 0; i < n; i++", "", true},
		{"", "i := 0; i < n; i++", "i++", false},
		{"", "i := 0; i < n; i++", "n++", false},
		{"", "i := 0; i < n; i += 2", "", false},
		{"", "i := 0; i != n; i++", "", false},
		{"var bound int", "i := 0; i < bound; i++", "", false}, // another goroutine may change it
		{"", "i := 0.0; i < 3; i++", "", false},
		{"", "i := 0; i < n; i++", "func() { i = n }()", false},
	} {
		src := "package p\n" + c.decl + "\nfunc f(n int) {\n\tfor " + c.loop + " {\n\t\t" + c.body + "\n\t}\n}\n"
		info, body := check(t, src)
		fs := body.List[0].(*ast.ForStmt)
		if _, ok := countedLoopOf(info, fs, body, func(v *types.Var) bool { return changedVars(info, body)[v] }); ok != c.ok {
			t.Errorf("for %s { %s }: counted = %v, want %v", c.loop, c.body, ok, c.ok)
		}
	}
}

// check type-checks src and returns the body of its function f.
func check(t *testing.T, src string) (*types.Info, *ast.BlockStmt) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "f" {
			return info, fd.Body
		}
	}
	t.Fatal("no function f")
	return nil, nil
}

// TestLoopAnswer checks what a path that knows whether the loop goes round again
// answers for its guards: like value, an == or != by whether its operands are
// equal, an ordering by whether it holds.
func TestLoopAnswer(t *testing.T) {
	src := "package p\nfunc f(n int) {\n\tfor i := 0; i < n; i++ {\n\t\tif i != n-1 {\n\t\t}\n\t\tif i == n-1 {\n\t\t}\n\t\tif i+1 < n {\n\t\t}\n\t}\n}\n"
	info, body := check(t, src)
	fs := body.List[0].(*ast.ForStmt)
	loop, ok := countedLoopOf(info, fs, body, func(*types.Var) bool { return false })
	if !ok {
		t.Fatal("not a counted loop")
	}
	set := boolFlagSet{{loop: loop}}
	guards := map[string]*ast.BinaryExpr{}
	for i, name := range []string{"!=", "==", "<"} {
		guards[name] = fs.Body.List[i].(*ast.IfStmt).Cond.(*ast.BinaryExpr)
	}
	for _, c := range []struct {
		again bool
		guard string
		want  bool
	}{
		{true, "!=", false}, // i != n-1 holds: its operands differ
		{true, "==", false}, // i == n-1 does not hold
		{true, "<", true},   // i+1 < n holds
		{false, "!=", true}, // the last iteration: i equals n-1
		{false, "==", true}, // likewise
		{false, "<", false}, // i+1 < n does not hold
	} {
		known := flagValues(0).set(0, c.again)
		got, ok := set.value(info, guards[c.guard], known)
		if !ok || got != c.want {
			t.Errorf("again = %v, guard %s: value = %v, %v; want %v, true", c.again, c.guard, got, ok, c.want)
		}
	}
}
