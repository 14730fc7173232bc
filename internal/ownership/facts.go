package ownership

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
)

// freshResults is the fact that a function returns fresh obligations (see
// resources.Fresh), in the order of results.
type freshResults struct {
	Results []resources.Fresh
}

func (*freshResults) AFact() {}
func (f *freshResults) String() string {
	var parts []string
	for _, r := range f.Results {
		s := fmt.Sprintf("fresh %s in result %d", r.Kind, r.Result)
		if r.MayBeNil {
			s += " (may be nil)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// params is the fact that a function releases or keeps the parameters Owned
// (closes or stores a resource, calls or stores a function), keeping some of
// them in a result (Keeps), or that a method releases its receiver (Recv). In an
// analyzed package, a function without it owns nothing.
type params struct {
	Owned  []int
	Closes []int // of Owned, those only released (see resources.Facts.Closes)
	Drains []int // read to their end before any return (see resources.Facts.Drains)
	Keeps  []resources.Keep
	Recv   bool
}

func (*params) AFact() {}
func (p *params) String() string {
	var parts []string
	if len(p.Owned) > 0 {
		parts = append(parts, fmt.Sprintf("owns params %v", p.Owned))
	}
	if len(p.Closes) > 0 {
		parts = append(parts, fmt.Sprintf("only releases params %v", p.Closes))
	}
	for _, k := range p.Keeps {
		parts = append(parts, fmt.Sprintf("keeps param %d in result %d", k.Param, k.Result))
	}
	if len(p.Drains) > 0 {
		parts = append(parts, fmt.Sprintf("reads params %v to their end", p.Drains))
	}
	if p.Recv {
		parts = append(parts, "releases its receiver")
	}
	return strings.Join(parts, "; ")
}

// analyzed is the package fact that a package's functions were analyzed, so that
// one without a params fact neither releases nor keeps its parameters. Acquiring
// says that some have fresh results.
type analyzed struct {
	Acquiring bool
}

func (*analyzed) AFact() {}
func (a *analyzed) String() string {
	if a.Acquiring {
		return "analyzed, acquiring"
	}
	return "analyzed"
}

// asserts is the fact that a function returns only when some of its parameters
// hold, or never (see resources.Asserts).
type asserts resources.Asserts

func (*asserts) AFact()           {}
func (a *asserts) String() string { return (*resources.Asserts)(a).String() }

// export records the package's facts for its importers.
func export(pass *analysis.Pass, facts *resources.Facts) {
	acquiring := false
	closes := make(map[*types.Func][]int)
	facts.ClosedParams(func(fn *types.Func, c []int) { closes[fn] = c })
	drains := make(map[*types.Func][]int)
	facts.DrainedParams(func(fn *types.Func, d []int) { drains[fn] = d })
	facts.Functions(func(fn *types.Func, fresh []resources.Fresh, owned []int, keeps []resources.Keep, recv bool, a *resources.Asserts) {
		if len(fresh) > 0 {
			pass.ExportObjectFact(fn, &freshResults{Results: fresh})
			acquiring = true
		}
		if len(owned) > 0 || recv || len(drains[fn]) > 0 {
			pass.ExportObjectFact(fn, &params{Owned: owned, Closes: closes[fn], Drains: drains[fn], Keeps: keeps, Recv: recv})
		}
		delete(drains, fn)
		if a != nil {
			pass.ExportObjectFact(fn, (*asserts)(a))
		}
	})
	for fn, d := range drains { // functions with no other facts
		pass.ExportObjectFact(fn, &params{Drains: d})
	}
	pass.ExportPackageFact(&analyzed{Acquiring: acquiring})
}

// imported reads other packages' facts through the pass that declares them: the
// analyzers that require this one cannot import them themselves. Reading facts
// after the pass has run is what the drivers allow (their stores are only
// written while a pass runs), and concurrent readers share no state here.
type imported struct {
	pass *analysis.Pass
}

func (im imported) Fresh(fn *types.Func) []resources.Fresh {
	var f freshResults
	if fn.Pkg() != nil && im.pass.ImportObjectFact(fn, &f) {
		return f.Results
	}
	return nil
}

func (im imported) Params(fn *types.Func) (owned []int, keeps []resources.Keep, recv bool) {
	var p params
	if fn.Pkg() != nil && im.pass.ImportObjectFact(fn, &p) {
		return p.Owned, p.Keeps, p.Recv
	}
	return nil, nil, false
}

func (im imported) Closes(fn *types.Func) []int {
	var p params
	if fn.Pkg() != nil && im.pass.ImportObjectFact(fn, &p) {
		return p.Closes
	}
	return nil
}

func (im imported) Drains(fn *types.Func) []int {
	var p params
	if fn.Pkg() != nil && im.pass.ImportObjectFact(fn, &p) {
		return p.Drains
	}
	return nil
}

func (im imported) Asserts(fn *types.Func) *resources.Asserts {
	var a asserts
	if fn.Pkg() != nil && im.pass.ImportObjectFact(fn, &a) {
		return (*resources.Asserts)(&a)
	}
	return nil
}

func (im imported) Analyzed(pkg *types.Package) (bool, bool) {
	var a analyzed
	if pkg != nil && im.pass.ImportPackageFact(pkg, &a) {
		return true, a.Acquiring
	}
	return false, false
}
