package driver

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// factKey names a fact a package exported: about one of its objects, named by its
// object path (the same in the importer's view of the package, from export data,
// as in the package's own, from source), or about the package itself (path "").
type factKey struct {
	path objectpath.Path
	typ  reflect.Type
}

// packageFacts are the facts one package exported, shared read-only by every
// package that imports it, directly or not.
type packageFacts struct {
	byKey map[factKey]analysis.Fact
	// objectTypes holds the types of its object facts: a package with none of a
	// type is not asked for an object's path (computing one walks the package).
	objectTypes map[reflect.Type]bool
}

// add records a fact under its key.
func (pf *packageFacts) add(k factKey, f analysis.Fact) {
	pf.byKey[k] = f
	if k.path != "" {
		if pf.objectTypes == nil {
			pf.objectTypes = make(map[reflect.Type]bool)
		}
		pf.objectTypes[k.typ] = true
	}
}

// factTypes maps the name of each fact type of a suite (see factTypeName) to its
// type, to decode facts read from the cache.
type factTypes map[string]reflect.Type

func newFactTypes(analyzers []*analysis.Analyzer) factTypes {
	ft := make(factTypes)
	visitAnalyzers(analyzers, func(a *analysis.Analyzer) {
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			ft[factTypeName(t)] = t
		}
	})
	return ft
}

// factTypeName names a fact type by its package path and name: unique in a binary.
func factTypeName(t reflect.Type) string {
	return t.Elem().PkgPath() + "." + t.Elem().Name()
}

// visitAnalyzers calls f on each analyzer and each analyzer it requires, once,
// requirements first.
func visitAnalyzers(analyzers []*analysis.Analyzer, f func(*analysis.Analyzer)) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		f(a)
	}
	for _, a := range analyzers {
		visit(a)
	}
}

// factHeader lists the facts of an encoding in the order of their values.
type factHeader struct {
	Paths []string
	Types []string
}

// encode returns the facts as a header and a gob stream of their values, in a
// fixed order, so that equal facts give equal bytes. A gob stream describes each
// type once, however many facts of it there are.
func (pf *packageFacts) encode() ([]byte, error) {
	keys := make([]factKey, 0, len(pf.byKey))
	for k := range pf.byKey {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b factKey) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(factTypeName(a.typ), factTypeName(b.typ)))
	})
	var h factHeader
	for _, k := range keys {
		h.Paths = append(h.Paths, string(k.path))
		h.Types = append(h.Types, factTypeName(k.typ))
	}
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(h); err != nil {
		return nil, err
	}
	for _, k := range keys {
		if err := enc.Encode(pf.byKey[k]); err != nil {
			return nil, fmt.Errorf("encoding a %s fact: %v", factTypeName(k.typ), err)
		}
	}
	return buf.Bytes(), nil
}

// decodeFacts reads what encode wrote. A fact type this binary does not know fails
// the decoding: the entry is then not trusted.
func decodeFacts(data []byte, known factTypes) (*packageFacts, error) {
	pf := &packageFacts{byKey: make(map[factKey]analysis.Fact)}
	if len(data) == 0 {
		return pf, nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	var h factHeader
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	if len(h.Paths) != len(h.Types) {
		return nil, fmt.Errorf("malformed facts")
	}
	for i, name := range h.Types {
		t, ok := known[name]
		if !ok {
			return nil, fmt.Errorf("unknown fact type %s", name)
		}
		v := reflect.New(t.Elem())
		if err := dec.DecodeValue(v); err != nil {
			return nil, err
		}
		pf.add(factKey{objectpath.Path(h.Paths[i]), t}, v.Interface().(analysis.Fact))
	}
	return pf, nil
}

// factView is what one package sees of its dependencies' facts: those of each
// package of its import graph that was analyzed, by package path (unique within
// one package's graph).
type factView map[string]*packageFacts

// ownFacts are the facts a package's analyzers export while it is analyzed, keyed
// by object (some have no object path and serve only the package itself).
type ownFacts struct {
	mu      sync.Mutex
	objects map[objectFactKey]analysis.Fact
	pkg     map[reflect.Type]analysis.Fact
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

func newOwnFacts() *ownFacts {
	return &ownFacts{objects: make(map[objectFactKey]analysis.Fact), pkg: make(map[reflect.Type]analysis.Fact)}
}

// exported returns the facts that importers can see: those of objects with an
// object path, and the package's own.
func (o *ownFacts) exported() *packageFacts {
	pf := &packageFacts{byKey: make(map[factKey]analysis.Fact)}
	var enc objectpath.Encoder
	for k, f := range o.objects {
		if path, err := enc.For(k.obj); err == nil {
			pf.add(factKey{path, k.typ}, f)
		}
	}
	for t, f := range o.pkg {
		pf.byKey[factKey{"", t}] = f
	}
	return pf
}

// copyFact sets *dst to *src, as the checker does: facts are pointers to structs.
func copyFact(dst, src analysis.Fact) {
	reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem())
}

// bindFacts gives pass the fact functions of an analyzer on a package: its own
// facts in own, its dependencies' in view.
func bindFacts(pass *analysis.Pass, own *ownFacts, view factView) {
	var enc objectpath.Encoder
	var encMu sync.Mutex
	pathOf := func(obj types.Object) (objectpath.Path, bool) {
		encMu.Lock()
		defer encMu.Unlock()
		p, err := enc.For(obj)
		return p, err == nil
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil || obj.Pkg() == nil {
			return false
		}
		t := reflect.TypeOf(fact)
		if obj.Pkg() == pass.Pkg {
			own.mu.Lock()
			f, ok := own.objects[objectFactKey{obj, t}]
			own.mu.Unlock()
			if ok {
				copyFact(fact, f)
			}
			return ok
		}
		pf := view[obj.Pkg().Path()]
		if pf == nil || !pf.objectTypes[t] {
			return false
		}
		path, ok := pathOf(obj)
		if !ok {
			return false
		}
		f, ok := pf.byKey[factKey{path, t}]
		if ok {
			copyFact(fact, f)
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj == nil || obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("%s: fact %T for object %v of another package", pass.Analyzer.Name, fact, obj))
		}
		own.mu.Lock()
		own.objects[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
		own.mu.Unlock()
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg == nil {
			return false
		}
		t := reflect.TypeOf(fact)
		var f analysis.Fact
		ok := false
		if pkg == pass.Pkg {
			own.mu.Lock()
			f, ok = own.pkg[t]
			own.mu.Unlock()
		} else if pf := view[pkg.Path()]; pf != nil {
			f, ok = pf.byKey[factKey{"", t}]
		}
		if ok {
			copyFact(fact, f)
		}
		return ok
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		own.mu.Lock()
		own.pkg[reflect.TypeOf(fact)] = fact
		own.mu.Unlock()
	}
	mine := make(map[reflect.Type]bool)
	for _, f := range pass.Analyzer.FactTypes {
		mine[reflect.TypeOf(f)] = true
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var all []analysis.ObjectFact
		own.mu.Lock()
		for k, f := range own.objects {
			if mine[k.typ] {
				all = append(all, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		own.mu.Unlock()
		for _, pkg := range importGraph(pass.Pkg) {
			pf := view[pkg.Path()]
			if pf == nil {
				continue
			}
			for k, f := range pf.byKey {
				if !mine[k.typ] || k.path == "" {
					continue
				}
				if obj, err := objectpath.Object(pkg, k.path); err == nil {
					all = append(all, analysis.ObjectFact{Object: obj, Fact: f})
				}
			}
		}
		return all
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var all []analysis.PackageFact
		own.mu.Lock()
		for t, f := range own.pkg {
			if mine[t] {
				all = append(all, analysis.PackageFact{Package: pass.Pkg, Fact: f})
			}
		}
		own.mu.Unlock()
		for _, pkg := range importGraph(pass.Pkg) {
			if pf := view[pkg.Path()]; pf != nil {
				for k, f := range pf.byKey {
					if mine[k.typ] && k.path == "" {
						all = append(all, analysis.PackageFact{Package: pkg, Fact: f})
					}
				}
			}
		}
		return all
	}
}

// importGraph returns the packages that pkg imports, directly or not, as its type
// checker saw them.
func importGraph(pkg *types.Package) []*types.Package {
	var all []*types.Package
	seen := map[*types.Package]bool{pkg: true}
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				all = append(all, imp)
				visit(imp)
			}
		}
	}
	visit(pkg)
	return all
}
