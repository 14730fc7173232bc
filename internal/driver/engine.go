package driver

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/deferlint/deferlint/internal/cache"
	"github.com/deferlint/deferlint/internal/configfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// The engine analyzes packages one at a time, as go vet does: each package of the
// import graph whose results are wanted is parsed and type-checked from source,
// its imports read from the compiler's export data, and analyzed with its
// dependencies' facts. Each result is stored in the cache under a key that hashes
// everything it depends on (see identity and entryKey), so that a later run
// type-checks and analyzes only the packages whose inputs changed, and reads the
// rest, findings and facts, from the cache.

// A role is what a package's analysis is for.
type role int

const (
	notAnalyzed role = iota // a dependency, when no analyzer uses facts
	stub                    // a dependency whose facts are not computed (see analyzeStub)
	factsOnly               // a dependency: only the analyzers that give facts run
	reported                // named by the patterns: every analyzer runs
)

// A unit is one package of the import graph, as the engine sees it.
type unit struct {
	pkg    *packages.Package
	deps   []*unit // the units of its imports
	role   role
	ident  cache.Key   // hashes its inputs and its dependencies' (see identity)
	result *unitResult // nil until read from the cache or computed
	broken bool        // it did not load or type-check: not analyzed
	cached bool        // result came from the cache
	source bool        // its types come from source, not export data (see planTypes)
	// staleExport: its export data file, from an earlier run's listing, predates
	// an edit of it or of a package below it.
	staleExport bool
	typed       chan struct{} // closed once its types are known
	done        chan struct{} // closed once its result is known
}

// engine holds what the analysis of one run shares.
type engine struct {
	store     *cache.Store // nil: -cache=false
	stamp     cache.Key    // hashes what every result depends on (see newEngine)
	goroot    string       // the Go distribution's root, when its version is known ("" otherwise)
	fset      *token.FileSet
	types     *sharedTypes
	sizes     types.Sizes
	known     factTypes
	runners   map[role]*runner
	usesFacts bool
	byPkg     map[*packages.Package]*unit

	stamps   *stamps              // the files read, with their hashes
	previous map[string]cache.Key // the keys when the listing was made, by ID (nil: listed by this run)

	mu          sync.Mutex
	configFiles map[string][]string // by directory
}

// newEngine prepares the analysis of the packages that go list gave. Everything
// the keys need of the go command's settings comes from its one listing and the
// environment, with no go env run: the type sizes (GOARCH) go/packages asked for,
// the Go distribution's root (the directory of package runtime) and version (its
// VERSION file), and the environment variables that configure the go command.
// The rest of what the settings change (which files are compiled, with which
// build tags, the export data of the dependencies) is in each package's key.
func newEngine(cfg *config, l *loaded) (*engine, error) {
	pkgs := l.pkgs
	e := &engine{
		store:       l.store,
		stamps:      l.stamps,
		previous:    l.previous,
		fset:        token.NewFileSet(),
		known:       newFactTypes(cfg.suite),
		usesFacts:   UsesFacts(cfg.enabled),
		configFiles: make(map[string][]string),
		byPkg:       make(map[*packages.Package]*unit),
	}
	e.types = newSharedTypes(e.fset)
	var goVersion string
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		if e.sizes == nil && pkg.TypesSizes != nil {
			e.sizes = pkg.TypesSizes
		}
		if pkg.PkgPath == "runtime" && pkg.Module == nil && pkg.Dir != "" && goVersion == "" {
			goVersion, e.goroot = goRoot(pkg.Dir)
		}
	})
	if e.sizes == nil {
		e.sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	var factAnalyzers []*analysis.Analyzer
	for _, a := range cfg.enabled {
		if UsesFacts([]*analysis.Analyzer{a}) {
			factAnalyzers = append(factAnalyzers, a)
		}
	}
	e.runners = map[role]*runner{reported: newRunner(cfg.enabled), factsOnly: newRunner(factAnalyzers)}
	tool, err := toolIdentityOnce()
	if err != nil {
		e.store = nil // nothing to tell this binary's results from another's: no cache
	}
	h := sha256.New()
	fmt.Fprintf(h, "tool %s\ngo %s %s\nsizes %#v\n", tool, goVersion, e.goroot, e.sizes)
	writeGoEnvironment(h)
	fmt.Fprintf(h, "tags %s\ntests %v\ndeps-facts %v\n", cfg.tags, cfg.tests, cfg.depsFacts)
	for _, a := range cfg.enabled {
		fmt.Fprintf(h, "enabled %s\n", a.Name)
	}
	visitAnalyzers(cfg.suite, func(a *analysis.Analyzer) {
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %s.%s=%s\n", a.Name, f.Name, f.Value) })
	})
	copy(e.stamp[:], h.Sum(nil))
	return e, nil
}

// goRoot returns the version and root of the Go distribution whose package runtime
// is in dir, or "" for both when its VERSION file cannot be read (a toolchain built
// from source): then its files are hashed like any other.
func goRoot(dir string) (version, root string) {
	root = filepath.Dir(filepath.Dir(dir)) // GOROOT/src/runtime
	data, err := os.ReadFile(filepath.Join(root, "VERSION"))
	if err != nil {
		return "", ""
	}
	version, _, _ = strings.Cut(string(data), "\n")
	return version, root
}

// writeGoEnvironment writes to h the environment variables that configure the go
// command and the C toolchain (GO*, CGO_*, CC, CXX), and the go command's own
// environment file, which go env -w writes. The keys would not need them (each
// package's key holds the files they select), but a result is kept under them too
// so that a change of settings never reuses one.
func writeGoEnvironment(h io.Writer) {
	var vars []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") || name == "CC" || name == "CXX" {
			vars = append(vars, kv)
		}
	}
	slices.Sort(vars)
	for _, kv := range vars {
		fmt.Fprintf(h, "env %s\n", kv)
	}
	if name := goEnvFile(); name != "" {
		data, _ := os.ReadFile(name)
		fmt.Fprintf(h, "goenv %s %x\n", name, sha256.Sum256(data))
	}
}

// goEnvFile names the go command's environment file: $GOENV, else go/env under the
// user's configuration directory.
func goEnvFile() string {
	if name := os.Getenv("GOENV"); name != "" {
		if name == "off" {
			return ""
		}
		return name
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "go", "env")
}

// toolIdentity names the deferlint binary that runs: the build ID the go command
// writes near the start of every executable it links (it hashes the binary's
// inputs), else a hash of the whole file.
func toolIdentity() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	const prefix, suffix = "\xff Go build ID: \"", "\"\n \xff"
	if i := bytes.Index(head, []byte(prefix)); i >= 0 {
		rest := head[i+len(prefix):]
		if j := bytes.Index(rest, []byte(suffix)); j > 0 {
			return "buildid " + string(rest[:j]), nil
		}
	}
	h := sha256.New()
	h.Write(head)
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("sha256 %x", h.Sum(nil)), nil
}

// units returns a unit for each package of the graph of roots, dependencies first,
// with the role the configuration gives it.
func (e *engine) units(cfg *config, roots []*packages.Package) []*unit {
	isRoot := make(map[*packages.Package]bool)
	for _, pkg := range roots {
		isRoot[pkg] = true
	}
	tested := testedByVariant(roots)
	var all []*unit
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		u := &unit{pkg: pkg, typed: make(chan struct{}), done: make(chan struct{}), broken: len(pkg.Errors) > 0}
		for _, path := range sortedImports(pkg) {
			u.deps = append(u.deps, e.byPkg[pkg.Imports[path]])
		}
		switch {
		case isRoot[pkg] && !tested[pkg]:
			u.role = reported
		case e.usesFacts && wantsFacts(cfg, pkg):
			u.role = factsOnly
		case e.usesFacts:
			u.role = stub
		}
		u.ident = e.identity(u)
		if e.previous != nil && e.previous[pkg.ID] != u.ident {
			u.staleExport = true // listed before something below it changed
		}
		e.byPkg[pkg] = u
		all = append(all, u)
	})
	return all
}

// testedByVariant returns the roots whose internal test variant (the package with
// its _test.go files, "p [p.test]") is a root that loaded and compiled: the variant
// holds every file of the package and its findings speak for them (see collect),
// so analysing the plain package too would only repeat the work. Such a package
// gets the role of a dependency: it still computes the facts its importers need.
// A variant that did not load or compile leaves its package reported.
func testedByVariant(roots []*packages.Package) map[*packages.Package]bool {
	plain := make(map[string]*packages.Package)
	for _, pkg := range roots {
		if pkg.ForTest == "" {
			plain[pkg.PkgPath] = pkg
		}
	}
	tested := make(map[*packages.Package]bool)
	for _, v := range roots {
		if v.ForTest != "" && v.PkgPath == v.ForTest && len(v.Errors) == 0 && plain[v.PkgPath] != nil {
			tested[plain[v.PkgPath]] = true
		}
	}
	return tested
}

// wantsFacts reports whether the facts of a dependency are computed: those of the
// main module(s), and with -deps-facts those of every module and the standard
// library. A dependency compiled again for a test (a test variant) is left out,
// as are packages under testdata (fixtures, which ./... leaves out on purpose).
func wantsFacts(cfg *config, pkg *packages.Package) bool {
	if pkg.ID != pkg.PkgPath || pkg.PkgPath == "unsafe" || len(pkg.CompiledGoFiles) == 0 || isTestdata(pkg.PkgPath) {
		return false
	}
	return cfg.depsFacts || pkg.Module != nil && pkg.Module.Main
}

func sortedImports(pkg *packages.Package) []string {
	paths := make([]string, 0, len(pkg.Imports))
	for path := range pkg.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	return paths
}

// identity hashes what a package's results depend on besides the analyzers' role:
// the run's stamp (deferlint's build, the go command's settings, the analyzers and
// their options), the package's files, the configuration files that apply to it,
// and its imports' identities, which hash their files and so on: a change in a
// dependency changes the identity of every package that imports it, directly or
// not, as it may change their types and facts. A dependency that is never
// type-checked from source (a stub, or not analyzed at all) is known by its export
// data instead: the go command names an export data file by the hash of its
// content.
func (e *engine) identity(u *unit) cache.Key {
	pkg := u.pkg
	h := sha256.New()
	h.Write(e.stamp[:])
	fmt.Fprintf(h, "id %s\npath %s\nname %s\n", pkg.ID, pkg.PkgPath, pkg.Name)
	if m := pkg.Module; m != nil {
		fmt.Fprintf(h, "module %s %s %s %v %s\n", m.Path, m.Version, m.GoVersion, m.Main, m.Dir)
		if r := m.Replace; r != nil {
			fmt.Fprintf(h, "replace %s %s %s\n", r.Path, r.Version, r.Dir)
		}
	}
	if (u.role == stub || u.role == notAnalyzed) && pkg.ExportFile != "" {
		fmt.Fprintf(h, "export %s\n", pkg.ExportFile)
	} else {
		immutable := e.immutable(pkg)
		for _, list := range [][]string{pkg.GoFiles, pkg.CompiledGoFiles, pkg.OtherFiles} {
			for _, name := range list {
				fmt.Fprintf(h, "file %s %x\n", name, e.fileHash(name, immutable))
			}
			fmt.Fprintf(h, "--\n")
		}
		if !immutable {
			for _, name := range e.configFilesOf(packageDir(pkg)) {
				fmt.Fprintf(h, "config %s %x\n", name, e.fileHash(name, false))
			}
		}
	}
	for i, path := range sortedImports(pkg) {
		fmt.Fprintf(h, "import %s %s %x\n", path, u.deps[i].pkg.ID, u.deps[i].ident)
	}
	var k cache.Key
	copy(k[:], h.Sum(nil))
	return k
}

// entryKey is the key of a unit's result in the cache.
func (u *unit) entryKey() cache.Key {
	return sha256.Sum256(fmt.Appendf(u.ident[:], "role %d", u.role))
}

// fileHash hashes a file's content; a file of an immutable package's (see
// immutable) never changes, so its name stands for its content.
func (e *engine) fileHash(name string, immutable bool) [sha256.Size]byte {
	if immutable {
		return sha256.Sum256([]byte(name))
	}
	return e.stamps.get(name).Sum
}

// immutable reports whether a package's files never change under their names: a
// package of the Go distribution whose version is known (it is in the stamp), or of
// a module version in the module cache (its path names the version; the go command
// keeps those files read-only). A main module, a module replaced by a directory
// and a vendored package are edited in place.
func (e *engine) immutable(pkg *packages.Package) bool {
	if pkg.Module == nil {
		return e.goroot != "" && within(pkg.Dir, filepath.Join(e.goroot, "src"))
	}
	m := pkg.Module
	if m.Replace != nil {
		m = m.Replace
	}
	return !pkg.Module.Main && m.Version != "" && m.Dir != "" && within(pkg.Dir, m.Dir)
}

// within reports whether name is dir or lies under it.
func within(name, dir string) bool {
	return name == dir || strings.HasPrefix(name, dir+string(filepath.Separator))
}

// configFilesOf returns the configuration files that apply to the packages of dir.
func (e *engine) configFilesOf(dir string) []string {
	if dir == "" {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	files, ok := e.configFiles[dir]
	if !ok {
		if c, err := configfile.Load(dir); err == nil {
			files = c.Files
		} else {
			files = []string{dir + string(filepath.Separator) + configfile.FileName}
		}
		e.configFiles[dir] = files
	}
	return files
}

// packageDir returns the directory of a package's source files (a cgo package's
// compiled files lie in the build cache), as configfile.Dir finds it from syntax.
func packageDir(pkg *packages.Package) string {
	for _, name := range pkg.GoFiles {
		if filepath.IsAbs(name) && !strings.HasPrefix(filepath.Base(name), "_cgo_") {
			return filepath.Dir(name)
		}
	}
	for _, name := range pkg.CompiledGoFiles {
		if filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}

// run reads from the cache the results of the units it holds, and computes the
// others, each once its dependencies' types and facts are known, as many at once
// as there are processors. A package analyzed afresh is type-checked from source;
// the types of the other packages it needs come from their export data, which the
// one go list of the run gave, through one importer (sharedTypes), as go/packages
// does: on a cold run this is the loader's own work, and on a warm run only the
// packages whose keys changed (an edited package and its importers) are
// type-checked. A package that needs types but has no export data (some test
// variants) is type-checked from source without its function bodies.
func (e *engine) run(units []*unit) error {
	for _, u := range units {
		if (u.role == reported || u.role == factsOnly) && !u.broken {
			e.lookup(u)
		}
	}
	needed := stubsNeeded(units)
	planTypes(units)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, u := range units {
		wg.Go(func() {
			defer close(u.done)
			for _, d := range u.deps {
				<-d.typed // the whole graph below u is typed: see sharedTypes
				if e.usesFacts {
					// Type-checking u before its imports' facts are known would
					// only hold its syntax and types in memory while it waits.
					<-d.done
				}
			}
			if u.source {
				sem <- struct{}{}
				typeCheck(u.pkg, e.fset, e.typesOf, e.sizes, !u.analyzedAfresh())
				<-sem
				e.types.fromSource(u.pkg)
			}
			close(u.typed)
			if e.usesFacts {
				for _, d := range u.deps {
					<-d.done
				}
			}
			stubNeeded := u.role == stub && needed[u]
			if !stubNeeded && !u.analyzedAfresh() {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			switch {
			case stubNeeded:
				e.analyzeStub(u)
			case u.analyzedAfresh():
				e.analyze(u)
			}
			u.pkg.Syntax, u.pkg.TypesInfo = nil, nil // the results hold what the outputs need; importers keep the types
		})
	}
	wg.Wait()
	if e.store != nil {
		e.store.Trim()
	}
	return nil
}

// lookup reads u's result from the cache, and reports whether it found one.
func (e *engine) lookup(u *unit) bool {
	if e.store == nil {
		return false
	}
	data, ok := e.store.Get(u.entryKey())
	if !ok {
		return false
	}
	res, err := decodeResult(data, e.known)
	if err != nil {
		return false
	}
	u.result, u.cached = res, true
	return true
}

// analyzedAfresh reports whether u's results are wanted and not in the cache.
func (u *unit) analyzedAfresh() bool {
	return (u.role == reported || u.role == factsOnly) && u.result == nil
}

// planTypes marks the units whose types come from source: those analyzed afresh,
// and, among the packages whose types they need, those with no export data or
// with export data older than their sources (staleExport).
func planTypes(units []*unit) {
	needed := make(map[*unit]bool)
	var need func(*unit)
	need = func(u *unit) {
		if !needed[u] {
			needed[u] = true
			for _, d := range u.deps {
				need(d)
			}
		}
	}
	for _, u := range units {
		if u.analyzedAfresh() {
			need(u)
		}
	}
	for _, u := range units {
		u.source = u.analyzedAfresh() || needed[u] && (u.pkg.ExportFile == "" || u.staleExport) && u.pkg.PkgPath != "unsafe" && len(u.pkg.CompiledGoFiles) > 0
	}
}

// typesOf returns the types of an import of a package being type-checked: from
// source when the engine type-checks it too, else from export data.
func (e *engine) typesOf(dep *packages.Package) (*types.Package, error) {
	if u := e.byPkg[dep]; u != nil && u.source {
		<-u.typed
		return u.pkg.Types, nil // complete, errors or not: the errors are the dependency's
	}
	return e.types.load(dep)
}

// analyze runs a type-checked unit's analyzers, and stores the result unless an
// analyzer failed.
func (e *engine) analyze(u *unit) {
	pkg := u.pkg
	if pkg.IllTyped {
		u.broken = true
		return
	}
	view, failedDeps := e.factsFor(u)
	u.result = e.runners[u.role].run(pkg, view, failedDeps)
	if e.store == nil || len(u.result.failures) > 0 || len(failedDeps) > 0 {
		return
	}
	if data, err := encodeResult(u.result); err == nil {
		e.store.Put(u.entryKey(), data) // a write that fails leaves the result to compute again
	}
}

// stubsNeeded returns the stub units in the import graphs of the units that are
// to be analyzed, short of the stubs' own imports: the others' facts are never
// asked for. A stub's imports are cut, as they were before the cache
// (StubDependencies): the facts of a dependency's dependency are unknown.
func stubsNeeded(units []*unit) map[*unit]bool {
	needed := make(map[*unit]bool)
	seen := make(map[*unit]bool)
	var visit func(*unit)
	visit = func(u *unit) {
		for _, d := range u.deps {
			if !seen[d] {
				seen[d] = true
				needed[d] = d.role == stub
				if d.role != stub {
					visit(d)
				}
			}
		}
	}
	for _, u := range units {
		if (u.role == reported || u.role == factsOnly) && u.result == nil {
			visit(u)
		}
	}
	for u, ok := range needed {
		if !ok || u.result != nil {
			delete(needed, u)
		}
	}
	return needed
}

// analyzeStub runs the analyzers that give facts on a dependency whose facts are
// not computed, with none of its files and a package with its name and path but
// no objects, as deferlint did before the cache (go/analysis/checker on a package
// loaded without syntax): the facts they give are those of a package with no
// functions (gorecover's "analyzed", with no function that recovers), so that a
// call into the dependency counts as a call of code that neither recovers nor
// returns a resource. Those facts come from the files alone, so the dependency's
// export data is not read; and they cost less to compute than to read back, so
// they are not cached.
func (e *engine) analyzeStub(u *unit) {
	pkg := *u.pkg
	pkg.Fset, pkg.TypesSizes = e.fset, e.sizes
	pkg.Syntax, pkg.TypesInfo = nil, newTypesInfo()
	pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
	u.result = e.runners[factsOnly].run(&pkg, nil, nil)
}

// factsFor returns the facts of the packages of u's import graph, and the
// analyzers that could not give them (they failed on one of those packages).
func (e *engine) factsFor(u *unit) (factView, map[string]bool) {
	view := make(factView)
	failed := make(map[string]bool)
	seen := make(map[*unit]bool)
	var visit func(*unit)
	visit = func(d *unit) {
		for _, dep := range d.deps {
			if seen[dep] {
				continue
			}
			seen[dep] = true
			switch {
			case dep.role == notAnalyzed:
			case dep.role != stub && (dep.broken || dep.result == nil):
				for _, a := range e.runners[factsOnly].order {
					failed[a.Name] = true
				}
			default:
				view[dep.pkg.PkgPath] = dep.result.facts
				for _, name := range dep.result.failed {
					failed[name] = true
				}
			}
			if dep.role != stub {
				visit(dep) // a stub's imports are cut (see stubsNeeded)
			}
		}
	}
	visit(u)
	return view, failed
}
