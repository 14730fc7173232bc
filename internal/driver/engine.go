package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
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
	ident  cache.Key     // hashes its inputs and its dependencies' (see identity)
	result *unitResult   // nil until read from the cache or computed
	broken bool          // it did not load or type-check: not analyzed
	cached bool          // result came from the cache
	source bool          // its types come from source, not export data (see planTypes)
	typed  chan struct{} // closed once its types are known
	done   chan struct{} // closed once its result is known
}

// engine holds what the analysis of one run shares.
type engine struct {
	store     *cache.Store // nil: -cache=false
	stamp     cache.Key    // hashes what every result depends on (see newEngine)
	goroot    string
	modcache  string
	fset      *token.FileSet
	exports   *exportTypes
	sizes     types.Sizes
	known     factTypes
	runners   map[role]*runner
	usesFacts bool
	byPkg     map[*packages.Package]*unit

	mu          sync.Mutex
	fileHashes  map[string][sha256.Size]byte
	configFiles map[string][]string // by directory
}

// goEnvVars are the go command's settings that change what a package compiles to,
// and where the immutable sources are.
var goEnvVars = []string{"GOVERSION", "GOROOT", "GOMODCACHE", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOAMD64", "GOARM", "GOARM64", "GO386", "GORISCV64", "GOPPC64", "GOMIPS", "GOMIPS64", "GOWASM"}

func readGoEnv() (map[string]string, error) {
	out, err := exec.Command("go", append([]string{"env", "-json"}, goEnvVars...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	env := make(map[string]string)
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return env, nil
}

func newEngine(cfg *config) (*engine, error) {
	env, err := readGoEnv()
	if err != nil {
		return nil, err
	}
	e := &engine{
		goroot:      env["GOROOT"],
		modcache:    env["GOMODCACHE"],
		fset:        token.NewFileSet(),
		sizes:       types.SizesFor("gc", env["GOARCH"]),
		known:       newFactTypes(cfg.suite),
		usesFacts:   UsesFacts(cfg.enabled),
		fileHashes:  make(map[string][sha256.Size]byte),
		configFiles: make(map[string][]string),
		byPkg:       make(map[*packages.Package]*unit),
	}
	e.exports = newExportTypes(e.fset)
	var factAnalyzers []*analysis.Analyzer
	for _, a := range cfg.enabled {
		if UsesFacts([]*analysis.Analyzer{a}) {
			factAnalyzers = append(factAnalyzers, a)
		}
	}
	e.runners = map[role]*runner{reported: newRunner(cfg.enabled), factsOnly: newRunner(factAnalyzers)}
	if cfg.cache && os.Getenv(cache.EnvDir) != "off" {
		dir, err := cache.DefaultDir()
		if err != nil {
			return nil, err
		}
		if e.store, err = cache.Open(dir); err != nil {
			return nil, err
		}
	}
	tool, err := toolIdentity()
	if err != nil {
		e.store = nil // nothing to tell this binary's results from another's: no cache
	}
	h := sha256.New()
	fmt.Fprintf(h, "tool %s\n", tool)
	for _, name := range goEnvVars {
		fmt.Fprintf(h, "env %s=%s\n", name, env[name])
	}
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
	var all []*unit
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		u := &unit{pkg: pkg, typed: make(chan struct{}), done: make(chan struct{}), broken: len(pkg.Errors) > 0}
		for _, path := range sortedImports(pkg) {
			u.deps = append(u.deps, e.byPkg[pkg.Imports[path]])
		}
		switch {
		case isRoot[pkg]:
			u.role = reported
		case e.usesFacts && wantsFacts(cfg, pkg):
			u.role = factsOnly
		case e.usesFacts:
			u.role = stub
		}
		u.ident = e.identity(u)
		e.byPkg[pkg] = u
		all = append(all, u)
	})
	return all
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
// not, as it may change their types and facts.
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
	for _, list := range [][]string{pkg.GoFiles, pkg.CompiledGoFiles, pkg.OtherFiles} {
		for _, name := range list {
			fmt.Fprintf(h, "file %s %x\n", name, e.fileHash(name))
		}
		fmt.Fprintf(h, "--\n")
	}
	for _, name := range e.configFilesOf(packageDir(pkg)) {
		fmt.Fprintf(h, "config %s %x\n", name, e.fileHash(name))
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

// fileHash hashes a file's content; a file of the Go distribution or of the module
// cache never changes (the stamp holds the Go version, a module cache path the
// module's version), so its name stands for its content.
func (e *engine) fileHash(name string) [sha256.Size]byte {
	if e.immutable(name) {
		return sha256.Sum256([]byte(name))
	}
	e.mu.Lock()
	sum, ok := e.fileHashes[name]
	e.mu.Unlock()
	if ok {
		return sum
	}
	data, err := os.ReadFile(name)
	if err != nil {
		sum = sha256.Sum256([]byte("unreadable " + err.Error()))
	} else {
		sum = sha256.Sum256(data)
	}
	e.mu.Lock()
	e.fileHashes[name] = sum
	e.mu.Unlock()
	return sum
}

func (e *engine) immutable(name string) bool {
	for _, dir := range []string{e.goroot, e.modcache} {
		if dir != "" && strings.HasPrefix(name, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// configFilesOf returns the configuration files that apply to the packages of dir.
func (e *engine) configFilesOf(dir string) []string {
	if dir == "" || e.immutable(dir) {
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
// as there are processors. A package analyzed afresh is type-checked from source,
// and so are the packages of the main module it imports that are analyzed afresh
// too (an edit of one changes the keys of its importers); only the other imports
// come from export data, which the go command compiles, or finds in its build
// cache, for them alone (see loadExportFiles): an edited package is never
// compiled.
func (e *engine) run(cfg *config, units []*unit) error {
	for _, u := range units {
		if u.role == notAnalyzed || u.broken && u.role != stub || e.store == nil {
			continue
		}
		if data, ok := e.store.Get(u.entryKey()); ok {
			if res, err := decodeResult(data, e.known); err == nil {
				u.result, u.cached = res, true
			}
		}
	}
	needed := stubsNeeded(units)
	if err := loadExportFiles(cfg, planTypes(units, needed)); err != nil {
		return err
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, u := range units {
		wg.Go(func() {
			defer close(u.done)
			if !u.source {
				close(u.typed)
			}
			for _, d := range u.deps {
				<-d.typed
				if e.usesFacts {
					<-d.done
				}
			}
			stubNeeded := u.role == stub && needed[u]
			if !u.source && !stubNeeded {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if u.source {
				typeCheck(u.pkg, e.fset, e.typesOf, e.sizes)
				close(u.typed)
			}
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

// analyzedAfresh reports whether u's results are wanted and not in the cache.
func (u *unit) analyzedAfresh() bool {
	return (u.role == reported || u.role == factsOnly) && u.result == nil
}

// planTypes marks the units whose types come from source: those analyzed afresh,
// the test variants among the packages whose types are needed (the go command
// compiles no test variant but for a test), and every package that imports one of
// those (its export data would hold a second copy of the imported package's types,
// which the type checker would not take for the same). It returns the other units
// whose types are needed: they come from export data.
func planTypes(units []*unit, stubs map[*unit]bool) []*unit {
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
		if u.analyzedAfresh() || stubs[u] {
			need(u)
		}
	}
	var export []*unit
	for _, u := range units { // dependencies first
		if !needed[u] {
			continue
		}
		u.source = u.analyzedAfresh() || u.pkg.ID != u.pkg.PkgPath || slices.ContainsFunc(u.deps, func(d *unit) bool { return d.source })
		if !u.source {
			export = append(export, u)
		}
	}
	return export
}

// typesOf returns the types of an import of a package being type-checked: from
// source when the engine type-checks it too, else from export data.
func (e *engine) typesOf(dep *packages.Package) (*types.Package, error) {
	if u := e.byPkg[dep]; u != nil && u.source {
		<-u.typed
		return u.pkg.Types, nil // complete, errors or not: the errors are the dependency's
	}
	return e.exports.load(dep)
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
// to be analyzed: the others' facts are never asked for.
func stubsNeeded(units []*unit) map[*unit]bool {
	needed := make(map[*unit]bool)
	seen := make(map[*unit]bool)
	var visit func(*unit)
	visit = func(u *unit) {
		for _, d := range u.deps {
			if !seen[d] {
				seen[d] = true
				needed[d] = d.role == stub
				visit(d)
			}
		}
	}
	for _, u := range units {
		if (u.role == reported || u.role == factsOnly) && u.result == nil {
			visit(u)
		}
	}
	for u := range needed {
		needed[u] = needed[u] && u.result == nil // a stub's result may be cached too
	}
	return needed
}

// analyzeStub runs the analyzers that give facts on a dependency whose facts are
// not computed, with its types (from export data) but none of its files, as
// go/analysis/checker runs them on a package loaded without syntax: the facts
// they give are those of a package with no functions (gorecover's "analyzed",
// with no function that recovers), so that a call into the dependency counts as
// a call of code that neither recovers nor returns a resource. The result is
// cached like any other: it changes only with the dependency's version.
func (e *engine) analyzeStub(u *unit) {
	pkg := *u.pkg
	pkg.Fset, pkg.TypesSizes = e.fset, e.sizes
	pkg.Syntax, pkg.TypesInfo = nil, newTypesInfo()
	if !u.source {
		var err error
		if pkg.Types, err = e.exports.load(u.pkg); err != nil {
			pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
		}
	}
	u.result = e.runners[factsOnly].run(&pkg, nil, nil)
	if e.store != nil && len(u.result.failures) == 0 {
		if data, err := encodeResult(u.result); err == nil {
			e.store.Put(u.entryKey(), data)
		}
	}
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
			visit(dep)
		}
	}
	visit(u)
	return view, failed
}
