package obligation

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/cfg"
)

// src holds one function per case. In each, the first statement that calls
// acquire is the acquisition, its first left-hand side the variable and its
// second (if any) the pair; a statement calling release(v) meets the obligation.
// A return marked "// leak" is reached with the obligation held; a statement
// marked "// drop" drops it.
const src = `package p

type res struct{}

func acquire() *res                  { return nil }
func acquireErr() (*res, error)      { return nil, nil }
func acquireOK() (*res, bool)        { return nil, false }
func release(*res)                   {}
func other() error                   { return nil }
func cond() bool                     { return false }

func released() {
	r := acquire()
	release(r)
}

func leaksAtReturn() {
	r := acquire()
	if cond() {
		return // leak
	}
	release(r)
}

func drifted(verbose bool) error {
	r, err := acquireErr()
	if verbose {
		println()
	}
	if err != nil {
		return err
	}
	release(r)
	return nil
}

func pairingEnds() error {
	r, err := acquireErr()
	err = other()
	if err != nil {
		return err // leak
	}
	release(r)
	return nil
}

func addressTaken() error {
	r, err := acquireErr()
	use(&err)
	if err != nil {
		return err // leak
	}
	release(r)
	return nil
}

func use(*error) {}

func commaOK() {
	r, ok := acquireOK()
	if !ok {
		return
	}
	release(r)
}

func combined() error {
	r, err := acquireErr()
	if err != nil || cond() {
		return err // leak
	}
	if r == nil || err != nil {
		return err
	}
	release(r)
	return nil
}

func nilTest() {
	r := acquire()
	if r == nil {
		return
	}
	release(r)
}

func loop() {
	for cond() {
		r := acquire() // drop
		if cond() {
			continue
		}
		release(r)
	}
} // leak: the end of the function, after the loop

func dropped() {
	r := acquire()
	r = acquire2() // drop
	release(r)
}

func acquire2() *res { return nil }

func derived() {
	r := acquire()
	r = wrap(r)
	release(r)
}

func wrap(r *res) *res { return r }

func assertion() error {
	r, err := acquireErr()
	if _, ok := err.(interface{ Temporary() bool }); ok {
		return err
	}
	if err != nil {
		return err
	}
	release(r)
	return nil
}

func named() (r *res) {
	r = acquire()
	if cond() {
		return
	}
	release(r)
	return nil
}

func known() {
	r := acquire()
	if cond() {
		return // skipped by Knows
	}
	release(r)
}

func skipped() {
	r := acquire()
	switch {
	case cond():
		return // skipped by Skips
	}
	release(r)
}

func flagSetAfter(open bool) {
	var r *res
	did := false
	if open {
		r = acquire()
		did = true
	}
	if did {
		release(r)
		return
	}
	return // did is false here: no path from the acquisition comes this way
}

func flagSetBefore() {
	did := true
	r := acquire()
	if did {
		release(r)
		return
	}
	return // leak: the path does not know did, set before the acquisition
}

func flagForgotten(reset func(*bool)) {
	r := acquire()
	did := true
	reset(&did)
	if did {
		release(r)
		return
	}
	return // leak: did's address was taken, so its value is unknown
}

// The acquisition lies under if debug, and nothing assigns debug: every later
// test of it answers true (gorgonia's cu gencudnn, measurement 31).
func fixedParam(debug bool) {
	var r *res
	if debug {
		r = acquire()
	}
	for cond() {
		if !debug {
			r = acquire2() // not on the path: debug is true there
		}
		if !debug {
			release(r)
		}
	}
	if debug {
		release(r)
		return
	}
	return // not on the path either
}

func fixedLocal() {
	debug := cond()
	var r *res
	if !debug {
	} else {
		r = acquire()
	}
	if debug == false {
		r = acquire2() // not on the path: debug is true there
	}
	release(r)
}

// The first test on the path fixes the answer of the later ones.
func fixedLearned(debug bool) {
	r := acquire()
	if !debug {
		release(r)
	}
	if debug && cond() {
		return // leak
	}
	if debug {
		release(r)
	}
	return // not on the path: the first test sent debug's false branch to the release
}

func fixedAssigned(debug bool) {
	var r *res
	if debug {
		r = acquire()
	}
	for cond() {
		debug = cond()
		if !debug {
			r = acquire2() // drop: debug changed on the way
		}
	}
	release(r)
}

var pkgDebug bool

func fixedPackage() {
	var r *res
	if pkgDebug {
		r = acquire()
	}
	if !pkgDebug {
		r = acquire2() // drop: another goroutine, or any call, may set a package-level variable
	}
	release(r)
}

func fixedOther(debug, verbose bool) {
	var r *res
	if debug {
		r = acquire()
	}
	if !verbose {
		r = acquire2() // drop: another variable says nothing of debug
	}
	release(r)
}

func fixedRedeclared() {
	var r *res
	for cond() {
		var debug = cond()
		if !debug {
			return // leak: the next iteration declares debug anew
		}
		if debug {
			r = acquire() // drop
		}
	}
	release(r)
}

// A comparison of a variable nothing assigns with a constant answers every
// test as the ifs around the acquisition did (istio's startMonitor,
// measurement 30): the return is reached only where addr == "", with nothing
// acquired.
func cmpFixed(addr string) error {
	var r *res
	if addr != "" {
		var err error
		if r, err = acquireErr(); err != nil {
			return err
		}
	}
	if addr != "" {
		release(r)
	}
	return nil
}

const none = 0

func cmpNegated(p *int, n int) {
	var r *res
	if p == nil || n == none {
	} else {
		r = acquire()
	}
	if n == 0 {
		return // not on the path: n != 0 there (the constant none is 0)
	}
	if p != nil {
		release(r)
	}
}

// The first test on the path fixes the answer of the later ones.
func cmpLearned(n int) {
	r := acquire()
	if n == 3 {
		release(r)
	}
	if n != 3 {
		release(r)
		return
	}
	return // not on the path
}

func cmpAssigned(addr string) error {
	var r *res
	if addr != "" {
		r = acquire()
	}
	addr = ""
	if addr != "" {
		release(r)
	}
	return nil // leak: addr changed on the way
}

func cmpOtherConstant(addr string) error {
	var r *res
	if addr != "" {
		r = acquire()
	}
	if addr != ":80" {
		return nil // leak: another constant asks another question
	}
	release(r)
	return nil
}

var pkgAddr string

func cmpPackage() error {
	var r *res
	if pkgAddr != "" {
		r = acquire()
	}
	if pkgAddr != "" {
		release(r)
	}
	return nil // leak: another goroutine, or any call, may set a package-level variable
}

type level int

func (l *level) set() {}

func cmpPointerMethod(l level) {
	var r *res
	if l != 0 {
		r = acquire()
	}
	l.set()
	if l != 0 {
		release(r)
	}
	return // leak: l.set() may change l
}

func lastKept(n int) *res {
	var r *res
	for i := 0; i < n; i++ {
		r = acquire()
		if cond() {
			release(r)
			return nil
		}
		if i+1 < n {
			release(r)
		}
	}
	return nil // leak: the last iteration keeps r, and no other comes round
}

func lastKeptPaired(n int) (*res, error) {
	var r *res
	var err error
	for i := 0; i < n; i++ {
		r, err = acquireErr()
		if err == nil && cond() {
			break
		} else if err == nil && i+1 < n {
			release(r)
		}
	}
	return r, err // leak: the test's release(v) is the only hand-on it knows
}

func lastGuardOff(n int) *res {
	var r *res
	for i := 0; i < n; i++ {
		r = acquire() // drop: with i+2 == n, the path comes round holding r
		if i+2 < n {
			release(r)
		}
	}
	return nil // leak
}

func lastLoopAgain(n int) {
	for k := 0; k < 2; k++ {
		var r *res
		for i := 0; i < n; i++ {
			r = acquire() // drop: the outer loop starts the inner one again, holding r
			if i+1 < n {
				release(r)
				continue
			}
			if cond() {
				break // holding r: the inner loop's next start asks its condition anew
			}
			release(r)
		}
	}
} // leak: the end of the function, after the last iteration

func nilLocal(shared bool) {
	r := acquire()
	var s *res
	if shared {
		s = &res{}
		release(r)
	}
	if s != nil {
		return // only a path that released r set s: s is still nil from its declaration on the others
	}
	release(r)
}

func nilUnknown(shared bool) {
	r := acquire()
	var s *res
	if shared {
		release(r)
	}
	s = acquire2()
	if s != nil {
		return // leak: s may be non-nil on a path that kept r
	}
	release(r)
}

func exitNeq(addr string, debug bool) {
	if addr != "" && !debug {
		return
	}
	r := acquire()
	if addr == "" {
		release(r)
		return
	}
	if debug {
		release(r)
		return
	}
	return // addr != "" && !debug returned before the acquisition: never reached
}

func retryBreak(max int) error {
	var r *res
	var err error
	i := 0
	for ; i < max; i++ {
		r, err = acquireErr()
		if err != nil {
			continue // no resource: try again
		}
		break
	}
	if i == max {
		return err // a break leaves the loop before its post statement: i < max there
	}
	release(r)
	return nil
}

func retryBreakMoved(max int) error {
	var r *res
	var err error
	i := 0
	for ; i < max; i++ {
		r, err = acquireErr()
		if err != nil {
			continue
		}
		break
	}
	i++
	if i == max {
		return err // leak: the counter moved after the loop
	}
	release(r)
	return nil
}

type config struct{ a, b bool }

func fieldExit(c *config) {
	if c.a && !c.b {
		return
	}
	r := acquire()
	if !c.a {
		release(r)
		return
	}
	if c.b {
		release(r)
		return
	}
	return // c.a && !c.b returned before the acquisition: never reached
}

func fieldChanged(c *config) {
	if c.a && !c.b {
		return
	}
	r := acquire()
	c.b = cond()
	if !c.a {
		release(r)
		return
	}
	if c.b {
		release(r)
		return
	}
	return // leak: c.b changed after the early exit
}

func cmpError(e error) {
	var r *res
	if e != nil {
		r = acquire()
	}
	if e == nil {
		return // leak: an error is left to the pairing rules
	}
	release(r)
}
`

func TestSearch(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	leaks, drops := marked(fset, f, "// leak"), marked(fset, f, "// drop")
	cases := map[string]bool{ // the cases, and whether a path comes back to the acquisition
		"released": false, "leaksAtReturn": false, "drifted": false, "pairingEnds": false,
		"addressTaken": false, "commaOK": false, "combined": false, "nilTest": false,
		"loop": true, "dropped": false, "derived": false, "assertion": false,
		"named": false, "known": false, "skipped": false,
		"flagSetAfter": false, "flagSetBefore": false, "flagForgotten": false,
		"fixedParam": false, "fixedLocal": false, "fixedLearned": false, "fixedAssigned": false,
		"fixedPackage": false, "fixedOther": false, "fixedRedeclared": true,
		"cmpFixed": false, "cmpNegated": false, "cmpLearned": false, "cmpAssigned": false,
		"cmpOtherConstant": false, "cmpPackage": false, "cmpPointerMethod": false, "cmpError": false,
		"lastKept": false, "lastKeptPaired": false, "lastGuardOff": true, "lastLoopAgain": true,
		"nilLocal": false, "nilUnknown": false, "fieldExit": false, "fieldChanged": false,
		"exitNeq": false, "retryBreak": false, "retryBreakMoved": false,
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		again, ok := cases[fd.Name.Name]
		if !ok {
			continue
		}
		delete(cases, fd.Name.Name)
		t.Run(fd.Name.Name, func(t *testing.T) {
			s := search(t, info, fd)
			p := s.Run(flow.New(info, fd.Body), fd.Body)
			var reached []int
			for _, ret := range p.Returns {
				reached = append(reached, fset.Position(ret.Pos()).Line)
			}
			wantLeaks := within(fset, fd, leaks)
			if !sameLines(reached, wantLeaks) {
				t.Errorf("returns reached at lines %v, want %v", reached, wantLeaks)
			}
			if len(wantLeaks) > 0 && (p.First == nil || fset.Position(p.First.Pos()).Line != wantLeaks[0]) {
				t.Errorf("first return %v, want line %d", p.First, wantLeaks[0])
			}
			if p.Again != again {
				t.Errorf("again = %v, want %v", p.Again, again)
			}
			var dropped []int
			if p.Dropped != nil {
				dropped = append(dropped, fset.Position(p.Dropped.Pos()).Line)
			}
			if wantDrops := within(fset, fd, drops); !sameLines(dropped, wantDrops) {
				t.Errorf("dropped at lines %v, want %v", dropped, wantDrops)
			}
		})
	}
	for name := range cases {
		t.Errorf("no function %s in the source", name)
	}
}

// search builds the search for the first acquisition in fd, with hooks that
// end a path at release(v), know cond() to be false in known, and skip case
// bodies in skipped.
func search(t *testing.T, info *types.Info, fd *ast.FuncDecl) *Search {
	s := &Search{Info: info}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || s.Acquire != nil || !callsNamed(as.Rhs[0], "acquire", "acquireErr", "acquireOK") {
			return s.Acquire == nil
		}
		s.Acquire = as
		s.Var = info.ObjectOf(as.Lhs[0].(*ast.Ident)).(*types.Var)
		if len(as.Lhs) > 1 {
			s.Pair = info.ObjectOf(as.Lhs[1].(*ast.Ident)).(*types.Var)
		}
		return false
	})
	if s.Acquire == nil {
		t.Fatalf("no acquisition in %s", fd.Name.Name)
	}
	s.Named = fd.Name.Name == "named"
	s.Ends = func(n ast.Node, _ bool) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok && callsNamed(call, "release") {
				found = found || flow.Mentions(info, call, s.Var)
			}
			return !found
		})
		return found
	}
	if fd.Name.Name == "known" {
		s.Knows = func(cond ast.Expr, _ bool) Gone {
			if callsNamed(cond, "cond") {
				return GoneIf(true)
			}
			return Gone{}
		}
	}
	if fd.Name.Name == "skipped" {
		s.Skips = func(b *cfg.Block) bool { return b.Kind == cfg.KindSwitchCaseBody }
	}
	return s
}

func callsNamed(e ast.Expr, names ...string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := call.Fun.(*ast.Ident)
	if !ok {
		return false
	}
	for _, name := range names {
		if id.Name == name {
			return true
		}
	}
	return false
}

func sameLines(got, want []int) bool {
	seen := make(map[int]bool)
	for _, l := range got {
		seen[l] = true
	}
	if len(seen) != len(want) {
		return false
	}
	for _, l := range want {
		if !seen[l] {
			return false
		}
	}
	return true
}

// marked returns the lines of f that hold a comment starting with text.
func marked(fset *token.FileSet, f *ast.File, text string) []int {
	var lines []int
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, text) {
				lines = append(lines, fset.Position(c.Pos()).Line)
			}
		}
	}
	return lines
}

// within returns the lines that lie in fd.
func within(fset *token.FileSet, fd *ast.FuncDecl, lines []int) []int {
	var in []int
	for _, l := range lines {
		if fset.Position(fd.Pos()).Line <= l && l <= fset.Position(fd.End()).Line {
			in = append(in, l)
		}
	}
	return in
}
