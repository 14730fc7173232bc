package deferloop

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"sort"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// enumValues is a fact on a defined type whose underlying type is an integer or a
// string: the exact values of the constants of that type its package declares at
// package level, unexported ones included (which export data may leave out, and
// which a switch in another package cannot name: such a switch is never judged
// complete).
type enumValues struct {
	Values []string
}

func (*enumValues) AFact() {}

func (f *enumValues) String() string { return "enumValues" }

// exportEnums exports an enumValues fact for each defined integer or string type of
// the package that has constants of its own type declared at package level.
func exportEnums(pass *analysis.Pass) {
	for tn, values := range packageEnums(pass.Pkg) {
		pass.ExportObjectFact(tn, &enumValues{Values: values})
	}
}

// packageEnums returns, for each defined integer or string type of pkg, the sorted
// exact values of the package-level constants of that type.
func packageEnums(pkg *types.Package) map[*types.TypeName][]string {
	enums := make(map[*types.TypeName][]string)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok {
			continue
		}
		named, ok := types.Unalias(c.Type()).(*types.Named)
		if !ok || named.Obj().Pkg() != pkg || !enumUnderlying(named) {
			continue
		}
		v := c.Val().ExactString()
		if !slices.Contains(enums[named.Obj()], v) {
			enums[named.Obj()] = append(enums[named.Obj()], v)
		}
	}
	for _, values := range enums {
		sort.Strings(values)
	}
	return enums
}

// enumUnderlying reports whether t's underlying type is an integer or a string type.
func enumUnderlying(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsString) != 0
}

// declaredEnum returns the values of the constants declared for named (see
// enumValues), from the package being checked or from a fact; ok is false when
// there are none, or none are known.
func declaredEnum(pass *analysis.Pass, named *types.Named) (values []string, ok bool) {
	tn := named.Obj()
	if tn.Pkg() == nil || named.TypeArgs() != nil || !enumUnderlying(named) {
		return nil, false
	}
	if tn.Pkg() == pass.Pkg {
		values = packageEnums(pass.Pkg)[tn]
		return values, len(values) > 0
	}
	var fact enumValues
	if !pass.ImportObjectFact(tn, &fact) || len(fact.Values) == 0 {
		return nil, false
	}
	return fact.Values, true
}

// completeEnumSwitch reports whether s is a switch, without a default clause, on a
// value of a defined type whose case lists name every constant of that type its
// package declares (declaredEnum): the same judgement exhaustiveness linters make.
// The language allows the value to be another one (a conversion of any number),
// but the code's own enum says none occurs: no path leaves such a switch because
// no case matched.
func completeEnumSwitch(pass *analysis.Pass, s *ast.SwitchStmt) bool {
	if s.Tag == nil || len(s.Body.List) == 0 {
		return false
	}
	named, ok := types.Unalias(pass.TypesInfo.TypeOf(s.Tag)).(*types.Named)
	if !ok {
		return false
	}
	declared, ok := declaredEnum(pass, named)
	if !ok {
		return false
	}
	covered := make(map[string]bool)
	for _, clause := range s.Body.List {
		cc, ok := clause.(*ast.CaseClause)
		if !ok || cc.List == nil {
			return false // a default clause: the graph already routes every value
		}
		for _, e := range cc.List {
			tv, ok := pass.TypesInfo.Types[e]
			if !ok || tv.Value == nil || tv.Value.Kind() == constant.Unknown {
				return false
			}
			covered[tv.Value.ExactString()] = true
		}
	}
	for _, v := range declared {
		if !covered[v] {
			return false
		}
	}
	return true
}

// unmatchedEnumCase returns a predicate telling whether a block of g is the one a
// complete enum switch (completeEnumSwitch) goes through when no case matched: the
// last next-case block, which only jumps to the switch's done block. Leaving it out
// of a path cuts the fall-through edge that the code's enum says is never taken.
func unmatchedEnumCase(pass *analysis.Pass, g *flow.Graph) func(*cfg.Block) bool {
	complete := make(map[ast.Stmt]bool) // case clauses of complete enum switches
	for _, b := range g.CFG.Blocks {
		if b.Kind != cfg.KindSwitchDone {
			continue
		}
		if s, ok := b.Stmt.(*ast.SwitchStmt); ok && completeEnumSwitch(pass, s) {
			for _, clause := range s.Body.List {
				complete[clause] = true
			}
		}
	}
	return func(b *cfg.Block) bool {
		return b.Kind == cfg.KindSwitchNextCase && complete[b.Stmt] &&
			len(b.Succs) == 1 && b.Succs[0].Kind == cfg.KindSwitchDone
	}
}

// repeating is loops.Repeating without the paths that leave a complete enum switch
// through no case (unmatchedEnumCase): a defer whose every way back round the loop
// passes through such a switch's missing default runs once, at return.
func repeating(pass *analysis.Pass, g *flow.Graph, stmt ast.Node, enclosing []ast.Stmt) (loop ast.Stmt, repeats bool) {
	unmatched := unmatchedEnumCase(pass, g)
	if !g.Repeats(stmt, func(b *cfg.Block) bool { return !unmatched(b) }) {
		return nil, false
	}
	for _, loop := range enclosing {
		if g.Repeats(stmt, func(b *cfg.Block) bool { return loops.InIteration(loop, b) && !unmatched(b) }) {
			return loop, true
		}
	}
	return nil, true
}
