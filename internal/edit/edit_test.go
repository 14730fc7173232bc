package edit

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const src = `package p

func f() {
	go func() {
			deep()
	}()
	go func() { one() }()
	go func() {}()
}
`

func TestBodyIndentation(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	var got []string
	ast.Inspect(file, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			got = append(got, BodyIndentation(pass, lit.Body))
		}
		return true
	})
	// The first statement's own indentation, even when unusual; else one tab more
	// than the line of the brace.
	want := []string{"\t\t\t", "\t\t", "\t\t"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("literal %d: indentation %q, want %q", i, got[i], want[i])
		}
	}

	pass.ReadFile = func(string) ([]byte, error) { return nil, os.ErrNotExist }
	if got := Indentation(pass, file.Decls[0].Pos()); got != "" {
		t.Errorf("unreadable source: indentation %q, want \"\"", got)
	}
}

// passFor parses and type-checks src, a package that imports nothing, as p.go.
func passFor(t *testing.T, src string) (*analysis.Pass, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Scopes: map[ast.Node]*types.Scope{}}
	pkg, err := (&types.Config{Error: func(error) {}}).Check("p", fset, []*ast.File{file}, info)
	if pkg == nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
		ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	return pass, file
}

// apply returns src with the edits applied; edits must be in order.
func apply(t *testing.T, pass *analysis.Pass, src string, edits ...analysis.TextEdit) string {
	t.Helper()
	tf := pass.Fset.File(edits[0].Pos)
	var out strings.Builder
	last := 0
	for _, e := range edits {
		out.WriteString(src[last:tf.Offset(e.Pos)])
		out.Write(e.NewText)
		last = tf.Offset(e.End)
	}
	out.WriteString(src[last:])
	return out.String()
}

func TestLineAfter(t *testing.T) {
	for _, test := range []struct{ src, want string }{
		{ // a trailing comment stays on its statement's line
			"package p\n\nfunc f() {\n\ta() // why\n\tb()\n}\n",
			"package p\n\nfunc f() {\n\ta() // why\n\tdefer x()\n\tb()\n}\n",
		},
		{ // code after a semicolon starts the next line
			"package p\n\nfunc f() {\n\ta(); b()\n}\n",
			"package p\n\nfunc f() {\n\ta();\n\tdefer x()\n b()\n}\n",
		},
		{ // a block comment closed on the line stays with the statement
			"package p\n\nfunc f() {\n\ta() /* why */\n}\n",
			"package p\n\nfunc f() {\n\ta() /* why */\n\tdefer x()\n}\n",
		},
	} {
		pass, file := passFor(t, test.src)
		body := file.Decls[0].(*ast.FuncDecl).Body
		got := apply(t, pass, test.src, AfterStatement(pass, body.List[0], "defer x()"))
		if got != test.want {
			t.Errorf("AfterStatement in\n%s\ngave\n%s\nwant\n%s", test.src, got, test.want)
		}
		if _, err := format.Source([]byte(got)); err != nil {
			t.Errorf("AfterStatement gave invalid Go: %v", err)
		}
	}

	// At the top of a body that goes on after the brace, the line is ended.
	src := "package p\n\nfunc f() { a() }\n"
	pass, file := passFor(t, src)
	got := apply(t, pass, src, AtTopOfBody(pass, file.Decls[0].(*ast.FuncDecl).Body, "defer x()"))
	if want := "package p\n\nfunc f() {\n\tdefer x()\n a() }\n"; got != want {
		t.Errorf("AtTopOfBody gave\n%s\nwant\n%s", got, want)
	}
}

func TestQualifier(t *testing.T) {
	for _, test := range []struct{ src, path, wantName, want string }{
		{ // merged into the declaration, in a group of its own
			"package p\n\nimport (\n\t\"fmt\" // printing\n)\n\nvar _ = fmt.Print\n\nfunc f() {}\n",
			"example.com/x/v2", "x",
			"package p\n\nimport (\n\t\"fmt\" // printing\n\n\tx \"example.com/x/v2\"\n)\n\nvar _ = fmt.Print\n\nfunc f() {}\n",
		},
		{ // a declaration of one spec is parenthesized; same group
			"package p\n\nimport \"fmt\"\n\nvar _ = fmt.Print\n\nfunc f() {}\n",
			"os", "os",
			"package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nvar _ = fmt.Print\n\nfunc f() {}\n",
		},
		{ // no import declaration: one after the package clause
			"package p // comment\n\nfunc f() {}\n",
			"os", "os",
			"package p // comment\n\nimport \"os\"\n\nfunc f() {}\n",
		},
	} {
		pass, file := passFor(t, test.src)
		body := file.Decls[len(file.Decls)-1].(*ast.FuncDecl).Body
		name, edits, ok := Qualifier(pass, file, test.path, body.Lbrace+1)
		if !ok || name != test.wantName {
			t.Errorf("Qualifier(%q) = %q, %v; want %q", test.path, name, ok, test.wantName)
			continue
		}
		if got := apply(t, pass, test.src, edits...); got != test.want {
			t.Errorf("Qualifier(%q) in\n%s\ngave\n%s\nwant\n%s", test.path, test.src, got, test.want)
		}
	}

	// A local of the package's name would shadow it.
	src := "package p\n\nfunc f() { os := 1; _ = os }\n"
	pass, file := passFor(t, src)
	body := file.Decls[0].(*ast.FuncDecl).Body
	if _, _, ok := Qualifier(pass, file, "os", body.Rbrace); ok {
		t.Errorf("Qualifier(os) where a local os is in scope: ok")
	}
}

func TestFreshName(t *testing.T) {
	src := "package p\n\nvar cancel2 int\n\nfunc f() {\n\tcancel := 1\n\t_ = cancel\n}\n"
	pass, file := passFor(t, src)
	fn := file.Decls[1].(*ast.FuncDecl)
	if got := FreshName(pass.Pkg, fn, "cancel", fn.Body.Rbrace); got != "cancel3" {
		t.Errorf("FreshName = %q, want cancel3 (cancel is used in the function, cancel2 is visible)", got)
	}
	if got := Render(pass.Fset, fn.Body.List[0], "?"); got != "cancel := 1" {
		t.Errorf("Render = %q", got)
	}
}
