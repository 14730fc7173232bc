package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/ast/inspector"
)

// callerConstantSrc holds loops counted by a parameter of their function: the
// count CountFixedByCallers gives is the largest that a call passes, when every call
// passes a constant or a local defined with one.
const callerConstantSrc = `package p

const peers = 5

func use(xs []int, given int) {
	nPeers := 7
	nVals := 4
	netWithPeers(nVals, nPeers)
	netWithPeers(nVals, peers)
	netWithPeers(1, 2)
	ranged(3)
	inclusive(2)
	computed(len(xs))
	passedOn(given)
	k := 3
	k++
	reassignedLocal(k)
	asValue(3)
	f := asValue
	f(9)
	changed(3)
	var v value
	v.method(3)
	defer deferred(6)
	go started(2)
}

// netWithPeers's count is the largest its callers pass: 7 (cometbft's
// randConsensusNetWithPeers).
func netWithPeers(nValidators, nPeers int) {
	for i := 0; i < nPeers; i++ {
		mark(7)
	}
	for i := 1; i < nValidators; i++ {
		mark(3) // 1..3: the start counts
	}
}

func ranged(n int) {
	for range n {
		mark(3)
	}
}

func inclusive(n int) {
	for i := 0; i <= n; i++ {
		mark(3)
	}
}

func deferred(n int) {
	for range n {
		mark(6) // a deferred call is a call too
	}
}

func started(n int) {
	for range n {
		mark(2)
	}
}

func neverCalled(n int) {
	for range n {
		mark(-1) // no call fixes its count
	}
}

func Exported(n int) {
	for range n {
		mark(-1) // other packages may call it
	}
}

func computed(n int) {
	for range n {
		mark(-1) // a caller passes len(xs)
	}
}

func passedOn(n int) {
	for range n {
		mark(-1) // a caller passes its own parameter: not followed
	}
}

func reassignedLocal(n int) {
	for range n {
		mark(-1) // the caller's local is assigned again
	}
}

func asValue(n int) {
	for range n {
		mark(-1) // called through a variable too
	}
}

func changed(n int) {
	n *= 100
	for range n {
		mark(-1) // the body changes the count
	}
}

func recursive(n int) {
	for range n {
		mark(-1) // it calls itself with its own parameter
	}
	recursive(n)
}

func spread(n ...int) {
	for range n[0] {
		mark(-1) // variadic
	}
}

type value struct{}

func (value) method(n int) {
	for range n {
		mark(-1) // a method: an interface may call it
	}
}

func mark(int) {}
`

func TestConstantCountFromCallers(t *testing.T) {
	checkCounts(t, callerConstantSrc, loops.CountFixedByCallers)
}

// smallCallerSrc holds loops whose count parameter one caller sets above
// smallCount (64) or to nothing fixed.
const smallCallerSrc = `package p

func use() {
	few(3)
	n := 10
	few(n)
	stress(3)
	stress(1000)
	tableOnly(64)
}

func few(n int) {
	for i := 0; i < n; i++ {
		mark(1) // at most 10 rounds
	}
}

func stress(n int) {
	for i := 0; i < n; i++ {
		mark(2) // one caller asks for 1000
	}
}

func tableOnly(n int) {
	for range n {
		mark(3) // 64, the limit itself
	}
}

func mark(int) {}
`

func TestSmallConstantFromCallers(t *testing.T) {
	fset, file, info := typeCheck(t, smallCallerSrc)
	want := map[string]bool{"1": true, "2": false, "3": true}
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
			continue
		}
		mark := call.Args[0].(*ast.BasicLit).Value
		for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			if got := loops.SmallConstant(info, c); got != want[mark] {
				t.Errorf("%s: SmallConstant = %v, want %v", fset.Position(call.Pos()), got, want[mark])
			}
			if got := loops.Counted(info, cur) == nil; got != want[mark] {
				t.Errorf("%s: no counted loop = %v, want %v", fset.Position(call.Pos()), got, want[mark])
			}
			break
		}
	}
}

// typeCheck parses and type-checks src as the one file of package p.
func typeCheck(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	return fset, file, info
}
