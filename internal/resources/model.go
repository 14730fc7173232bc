package resources

import (
	"go/types"
	"slices"
)

// Fresh says that a function returns, in result Result, an obligation of kind
// Kind that it acquired and neither released nor kept: its callers acquire the
// obligation when they call it. Kind names a catalogue kind (file, response...)
// or CancelKind. MayBeNil says that some return gives nil there beside a nil
// error (a helper that adds a timeout only when the context has no deadline):
// callers must test it before they release it.
type Fresh struct {
	Result   int
	Kind     string
	MayBeNil bool
}

// CancelKind is the kind of a cancel or stop function (context.WithCancel's
// second result, signal.NotifyContext's): released by calling it.
const CancelKind = "cancel"

// Keep says that a function keeps parameter Param inside the value it returns in
// result Result, and nowhere else: every return gives there nil or a composite
// literal holding the parameter (directly, through a pointer to it, a local
// variable built that way, or a call that keeps it in turn). Whoever receives
// that result owns what the parameter held (a constructor that wraps a file).
type Keep struct {
	Param, Result int
}

// Facts is the one model of what functions do with obligations: which results
// are fresh obligations, which parameters a function releases or keeps (its
// Owned parameters: a resource it closes or stores, a function it calls or
// stores), which of those it keeps in a result, whether a method releases its
// receiver, and what a function asserts of its parameters. It answers for the
// package at hand from what was computed, and for other packages from Imported.
// The facts pass fills it once per package; afterwards it is only read, by
// analyzers that may run concurrently.
type Facts struct {
	pkg      *types.Package
	analyzed bool // the package at hand was analyzed: its facts are complete
	fresh    map[*types.Func][]Fresh
	owned    map[*types.Func][]int
	closes   map[*types.Func][]int // of the owned parameters, those only released (see ClosedParams)
	drains   map[*types.Func][]int // parameters read to their end before any return (see Drains)
	keeps    map[*types.Func][]Keep
	recv     map[*types.Func]bool
	asserts  map[*types.Func]*Asserts
	imported Imported
}

// Imported gives what other packages' facts say: the facts pass decodes them.
// A function without facts has no fresh results, owns nothing and asserts
// nothing; Analyzed says whether that absence means "neither releases nor
// keeps" (the package was analyzed) or "unknown".
type Imported interface {
	Fresh(fn *types.Func) []Fresh
	Params(fn *types.Func) (owned []int, keeps []Keep, recv bool)
	Asserts(fn *types.Func) *Asserts
	Analyzed(pkg *types.Package) (analyzed, acquiring bool)
}

// NewFacts returns an empty model for pkg, reading other packages' facts from
// imported. analyzed says whether pkg's functions will be analyzed: a package
// loaded without its code, or the standard library (whose owners are
// catalogued), is not, and its functions are unknown.
func NewFacts(pkg *types.Package, imported Imported, analyzed bool) *Facts {
	return &Facts{
		pkg:      pkg,
		analyzed: analyzed,
		fresh:    make(map[*types.Func][]Fresh),
		owned:    make(map[*types.Func][]int),
		closes:   make(map[*types.Func][]int),
		drains:   make(map[*types.Func][]int),
		keeps:    make(map[*types.Func][]Keep),
		recv:     make(map[*types.Func]bool),
		asserts:  make(map[*types.Func]*Asserts),
		imported: imported,
	}
}

func (f *Facts) local(fn *types.Func) bool { return fn.Pkg() == f.pkg }

// FreshResults returns fn's fresh results, in the order of results.
func (f *Facts) FreshResults(fn *types.Func) []Fresh {
	fn = fn.Origin()
	if f.local(fn) {
		return f.fresh[fn]
	}
	return f.imported.Fresh(fn)
}

// FreshOf returns fn's fresh result of a kind that kinds accepts, if any.
func (f *Facts) FreshOf(fn *types.Func, kinds func(string) bool) (Fresh, bool) {
	for _, r := range f.FreshResults(fn) {
		if kinds(r.Kind) {
			return r, true
		}
	}
	return Fresh{}, false
}

// Owned returns the parameters fn releases or keeps, by index.
func (f *Facts) Owned(fn *types.Func) []int {
	fn = fn.Origin()
	if f.local(fn) {
		return f.owned[fn]
	}
	owned, _, _ := f.imported.Params(fn)
	return owned
}

// ImportedCloses is what an Imported may also give: the parameters another
// package's function only releases (see Facts.Closes). An Imported without it
// gives none, and those functions' owned parameters count as handed on.
type ImportedCloses interface {
	Closes(fn *types.Func) []int
}

// Closes returns the parameters fn only releases, by index: of its owned
// parameters, those whose every use that is not neutral releases them (a close
// helper, func closeQuietly(c io.Closer) { _ = c.Close() }), or, for a variadic
// parameter, ranges over it and releases each element (func quietClose(fps
// ...*os.File) { for _, fp := range fps { fp.Close() } }). A resource passed
// there is released at the call, not handed to a new owner.
func (f *Facts) Closes(fn *types.Func) []int {
	fn = fn.Origin()
	if f.local(fn) {
		return f.closes[fn]
	}
	if im, ok := f.imported.(ImportedCloses); ok {
		return im.Closes(fn)
	}
	return nil
}

// ClosedParams calls yield for each function of the package at hand that only
// releases some of its parameters (see Closes): what the facts pass exports
// beside Functions.
func (f *Facts) ClosedParams(yield func(fn *types.Func, closes []int)) {
	for fn, closes := range f.closes {
		if len(closes) > 0 {
			yield(fn, closes)
		}
	}
}

// ImportedDrains is what an Imported may also give: the parameters another
// package's function reads to their end (see Facts.Drains). An Imported without
// it gives none.
type ImportedDrains interface {
	Drains(fn *types.Func) []int
}

// Drains returns the parameters fn reads to their end before it can return, by
// index: a statement of its body, before which nothing returns, reads the
// parameter in place with io.ReadAll, io.Copy or another such helper (func
// bodyToString(r io.Reader) (string, error) { b, err := io.ReadAll(r); ... }).
// A response body passed there is read to its end, or its read failed: either
// way net/http has freed its connection, and the call releases it.
func (f *Facts) Drains(fn *types.Func) []int {
	fn = fn.Origin()
	if f.local(fn) {
		return f.drains[fn]
	}
	if im, ok := f.imported.(ImportedDrains); ok {
		return im.Drains(fn)
	}
	return nil
}

// DrainedParams calls yield for each function of the package at hand that reads
// some of its parameters to their end (see Drains): what the facts pass exports
// beside Functions.
func (f *Facts) DrainedParams(yield func(fn *types.Func, drains []int)) {
	for fn, drains := range f.drains {
		if len(drains) > 0 {
			yield(fn, drains)
		}
	}
}

// Keeps returns where fn keeps its parameters (see Keep).
func (f *Facts) Keeps(fn *types.Func) []Keep {
	fn = fn.Origin()
	if f.local(fn) {
		return f.keeps[fn]
	}
	_, keeps, _ := f.imported.Params(fn)
	return keeps
}

// ReleasesReceiver reports whether the method fn releases what its receiver
// holds (see Tracker.releasesOwnReceiver).
func (f *Facts) ReleasesReceiver(fn *types.Func) bool {
	fn = fn.Origin()
	if f.local(fn) {
		return f.recv[fn]
	}
	_, _, recv := f.imported.Params(fn)
	return recv
}

// AssertsOf returns what fn asserts of its parameters, or nil.
func (f *Facts) AssertsOf(fn *types.Func) *Asserts {
	fn = fn.Origin()
	if f.local(fn) {
		return f.asserts[fn]
	}
	return f.imported.Asserts(fn)
}

// Analyzed reports whether pkg's functions were analyzed, so that a function of
// it without facts neither releases nor keeps its parameters.
func (f *Facts) Analyzed(pkg *types.Package) bool {
	if pkg == f.pkg {
		return f.analyzed
	}
	analyzed, _ := f.imported.Analyzed(pkg)
	return analyzed
}

// Acquiring reports whether pkg has functions with fresh results.
func (f *Facts) Acquiring(pkg *types.Package) bool {
	if pkg == f.pkg {
		return len(f.fresh) > 0
	}
	_, acquiring := f.imported.Analyzed(pkg)
	return acquiring
}

// Inert reports whether fn never calls nor keeps its function parameter i: fn's
// package was analyzed, and the parameter is a named function that is not
// Owned. A variadic parameter is a slice the caller builds: never inert.
func (f *Facts) Inert(fn *types.Func, i int) bool {
	fn = fn.Origin()
	sig := fn.Signature()
	if fn.Pkg() == nil || i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return false
	}
	p := sig.Params().At(i)
	return IsFunc(p.Type()) && p.Name() != "" && p.Name() != "_" && f.Analyzed(fn.Pkg()) && !slices.Contains(f.Owned(fn), i)
}

// IsFunc reports whether t is a function type.
func IsFunc(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// Functions calls yield for each function of the package at hand that has
// facts, with them: what the facts pass exports.
func (f *Facts) Functions(yield func(fn *types.Func, fresh []Fresh, owned []int, keeps []Keep, recv bool, asserts *Asserts)) {
	seen := make(map[*types.Func]bool)
	visit := func(fn *types.Func) {
		if !seen[fn] {
			seen[fn] = true
			yield(fn, f.fresh[fn], f.owned[fn], f.keeps[fn], f.recv[fn], f.asserts[fn])
		}
	}
	for fn := range f.fresh {
		visit(fn)
	}
	for fn := range f.owned {
		visit(fn)
	}
	for fn := range f.recv {
		visit(fn)
	}
	for fn := range f.asserts {
		visit(fn)
	}
}
