package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestFunctionName checks how a baseline names the function around a finding.
func TestFunctionName(t *testing.T) {
	src := `package p

var hook = func() { /*glob.func1*/ }

func F() { /*F*/
	go func() { /*F.func1*/ }()
	defer func() {
		func() { /*F.func2.1*/ }()
		_ = func() { /*F.func2.2*/ }
	}()
}

func (t *T) M() { /*(*T).M*/ }

func (l List[E]) Len() int { /*List.Len*/ return 0 }

func (p *Pair[K, V]) Swap() { /*(*Pair).Swap*/ }

var after = []func(){ func() { /*glob.func2*/ } }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for rest, offset := src, 0; ; {
		i := strings.Index(rest, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "*/")
		want := rest[i+2 : i+j]
		pos := file.FileStart + token.Pos(offset+i)
		if got := functionName([]*ast.File{file}, pos); got != want {
			t.Errorf("functionName at %s = %q, want %q", fset.Position(pos), got, want)
		}
		offset += i + j
		rest = rest[i+j:]
	}
	if got := functionName([]*ast.File{file}, file.Package); got != "" {
		t.Errorf("functionName at the package clause = %q, want \"\"", got)
	}
}

func TestNormalizeMessage(t *testing.T) {
	got := normalizeMessage("this assignment overwrites cancel from line 42 before the return at line 7; not a byline 3")
	want := "this assignment overwrites cancel from line N before the return at line N; not a byline 3"
	if got != want {
		t.Errorf("normalizeMessage = %q, want %q", got, want)
	}
}
