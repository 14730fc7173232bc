package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/deferlint/deferlint/internal/cache"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A manifest records what one run listed (the go command's answer: packages,
// files, imports, modules, export data files) and every input of that answer
// that can change in place: the directories and files of the main module(s) and
// of the other packages not in the module cache or the Go distribution, the
// go.mod, go.sum and go.work files, the toolchain, with sizes, modification
// times and content hashes. A later run with the same command line, environment
// and deferlint binary checks those by their sizes and times (reading only the
// files whose times moved) and, when nothing that go list reads has changed,
// reuses the listing instead of starting the go command: a run where nothing
// changed then reads each package's result from the cache and starts no other
// process, and a run after an edit below a file's imports type-checks the edited
// package and its importers and lists nothing.
//
// The manifest trusts a file's size and time only when the time is older than
// the run that recorded it by more than trustMargin (as git treats a racily clean
// file): a file written in the same clock tick as it was read could otherwise
// change unseen. Any change that could change the listing (a directory's entries,
// a file's build constraints, package clause or imports, go.mod, a dependency's
// export data gone from the build cache) makes the run list again.
type manifest struct {
	Start      int64    // when the recording run started reading files, in Unix nanoseconds
	Roots      []string // the IDs of the packages named by the patterns, in order
	Packages   []listedPackage
	Sizes      string // the type sizes, as %#v prints them (see sizesNamed)
	Identities map[string]cache.Key
	Files      map[string]fileStamp
	Dirs       map[string]dirStamp
}

const trustMargin = 2 * time.Second

// listedPackage is what go list said of one package.
type listedPackage struct {
	ID, Name, PkgPath, Dir                                       string
	GoFiles, CompiledGoFiles, OtherFiles, IgnoredFiles, Embedded []string
	ExportFile                                                   string
	Imports                                                      map[string]string // import path to ID
	Module                                                       *packages.Module
}

// stampKind says what a change of a file means for the listing.
type stampKind uint8

const (
	wholeFile   stampKind = iota // any change of content: list again
	goFile                       // a change below the imports needs no new listing
	contentFile                  // its content is in the keys only
	statOnly                     // not read: a change of size or time lists again (the go command's binary)
)

// fileStamp is what a manifest knows of a file. A file that did not exist has
// Size -1.
type fileStamp struct {
	Kind    stampKind
	Size    int64
	ModTime int64
	Sum     [sha256.Size]byte
	Header  [sha256.Size]byte // a Go file's package clause, build constraints and imports (see goHeader)
}

// dirStamp is what a manifest knows of a directory: its time and the hash of its
// entries' names.
type dirStamp struct {
	ModTime int64
	Names   [sha256.Size]byte
}

// stamps holds the stamps of the files a run read, shared by the engine (whose
// keys hash the files) and the manifest.
type stamps struct {
	mu     sync.Mutex
	byName map[string]fileStamp
}

func newStamps() *stamps { return &stamps{byName: make(map[string]fileStamp)} }

// get returns the stamp of a file, reading it if this run has not.
func (s *stamps) get(name string) fileStamp {
	s.mu.Lock()
	st, ok := s.byName[name]
	s.mu.Unlock()
	if ok {
		return st
	}
	st = stampFile(name)
	s.mu.Lock()
	s.byName[name] = st
	s.mu.Unlock()
	return st
}

// stampFile stats a file, then reads it: a change after the stat shows as a new
// time next run.
func stampFile(name string) fileStamp {
	info, err := os.Stat(name)
	if err != nil {
		return fileStamp{Size: -1, Sum: sha256.Sum256([]byte("unreadable " + err.Error()))}
	}
	st := fileStamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	data, err := os.ReadFile(name)
	if err != nil {
		st.Size = -1
		st.Sum = sha256.Sum256([]byte("unreadable " + err.Error()))
		return st
	}
	st.Sum = sha256.Sum256(data)
	if strings.HasSuffix(name, ".go") {
		st.Header = goHeader(data)
	}
	return st
}

// goHeader hashes the part of a Go file that go list reads: everything up to the
// end of its imports (the build constraints, the package clause, the imports, and
// the comments among them). A file whose header does not parse is hashed whole.
func goHeader(data []byte) [sha256.Size]byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", data, parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil || f.Name == nil {
		return sha256.Sum256(data)
	}
	end := f.Name.End()
	for _, d := range f.Decls {
		end = max(end, d.End())
	}
	return sha256.Sum256(data[:fset.Position(end).Offset])
}

func stampDir(dir string) (dirStamp, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return dirStamp{}, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dirStamp{}, err
	}
	h := sha256.New()
	for _, e := range entries {
		fmt.Fprintf(h, "%s %v\n", e.Name(), e.IsDir())
	}
	ds := dirStamp{ModTime: info.ModTime().UnixNano()}
	copy(ds.Names[:], h.Sum(nil))
	return ds, nil
}

var (
	toolOnce sync.Once
	toolID   string
	toolErr  error
)

// toolIdentityOnce is toolIdentity, computed once per process.
func toolIdentityOnce() (string, error) {
	toolOnce.Do(func() { toolID, toolErr = toolIdentity() })
	return toolID, toolErr
}

// manifestKey names the manifest of a command line: deferlint's build, the
// working directory, the patterns and the flags that change the listing, and the
// go command's environment.
func manifestKey(cfg *config, wd string) (cache.Key, bool) {
	tool, err := toolIdentityOnce()
	if err != nil {
		return cache.Key{}, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "manifest 1\ntool %s\nwd %s\ntags %s\ntests %v\n", tool, wd, cfg.tags, cfg.tests)
	for _, p := range cfg.patterns {
		fmt.Fprintf(h, "pattern %q\n", p)
	}
	// The analyzers and their options do not change the listing, but they change
	// every package's key, which the manifest keeps to tell stale export data.
	fmt.Fprintf(h, "deps-facts %v\n", cfg.depsFacts)
	for _, a := range cfg.enabled {
		fmt.Fprintf(h, "enabled %s\n", a.Name)
	}
	visitAnalyzers(cfg.suite, func(a *analysis.Analyzer) {
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %s.%s=%s\n", a.Name, f.Name, f.Value) })
	})
	fmt.Fprintf(h, "PATH %s\n", os.Getenv("PATH"))
	writeGoEnvironment(h)
	var k cache.Key
	copy(k[:], h.Sum(nil))
	return k, true
}

// fromManifest returns the packages that the manifest of this command line
// lists, if every input of its listing is unchanged, with the stamps of the files
// it checked; else nil.
func fromManifest(cfg *config, store *cache.Store, wd string) *loaded {
	start := time.Now()
	key, ok := manifestKey(cfg, wd)
	if !ok {
		return nil
	}
	data, ok := store.Get(key)
	if !ok {
		return nil
	}
	var m manifest
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		return nil
	}
	sizes := sizesNamed(m.Sizes)
	if sizes == nil {
		return nil
	}
	for dir, old := range m.Dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil
		}
		if info.ModTime().UnixNano() != old.ModTime || old.ModTime >= m.Start-int64(trustMargin) {
			now, err := stampDir(dir)
			if err != nil || now.Names != old.Names {
				return nil
			}
		}
	}
	st := newStamps()
	changed := false
	for name, old := range m.Files {
		info, err := os.Stat(name)
		switch {
		case err != nil && old.Size == -1:
			st.byName[name] = old
			continue
		case err != nil || old.Size == -1:
			return nil
		case info.Size() == old.Size && info.ModTime().UnixNano() == old.ModTime && old.ModTime < m.Start-int64(trustMargin):
			st.byName[name] = old
			continue
		case old.Kind == statOnly:
			return nil
		}
		now := stampFile(name)
		now.Kind = old.Kind
		st.byName[name] = now
		changed = true
		switch {
		case now.Sum == old.Sum:
		case old.Kind == wholeFile, old.Kind == goFile && now.Header != old.Header:
			return nil
		}
	}
	pkgs := make(map[string]*packages.Package, len(m.Packages))
	for _, lp := range m.Packages {
		if lp.ExportFile != "" {
			if _, err := os.Stat(lp.ExportFile); err != nil {
				return nil // trimmed from the build cache: the go command compiles it again
			}
		}
		pkgs[lp.ID] = &packages.Package{
			ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath, Dir: lp.Dir,
			GoFiles: lp.GoFiles, CompiledGoFiles: lp.CompiledGoFiles, OtherFiles: lp.OtherFiles,
			IgnoredFiles: lp.IgnoredFiles, EmbedFiles: lp.Embedded, ExportFile: lp.ExportFile,
			Module: lp.Module, TypesSizes: sizes,
		}
	}
	for _, lp := range m.Packages {
		pkg := pkgs[lp.ID]
		if len(lp.Imports) > 0 {
			pkg.Imports = make(map[string]*packages.Package, len(lp.Imports))
		}
		for path, id := range lp.Imports {
			if pkg.Imports[path] = pkgs[id]; pkgs[id] == nil {
				return nil
			}
		}
	}
	result := &loaded{reported: make(map[string]bool), store: store, stamps: st, start: start, previous: m.Identities, dirty: changed}
	for _, id := range m.Roots {
		if pkgs[id] == nil {
			return nil
		}
		result.pkgs = append(result.pkgs, pkgs[id])
		result.reported[id] = true
	}
	return result
}

// sizesNamed returns the gc type sizes of an architecture that prints as s.
func sizesNamed(s string) types.Sizes {
	for _, arch := range []string{"amd64", "arm64", "386", "arm", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x", "sparc64", "wasm", "amd64p32"} {
		if sizes := types.SizesFor("gc", arch); sizes != nil && fmt.Sprintf("%#v", sizes) == s {
			return sizes
		}
	}
	return nil
}

// writeManifest records the listing of a run and its inputs, when the run listed
// its packages afresh or found files changed. A listing with errors is not
// recorded: the next run asks the go command again.
func writeManifest(cfg *config, wd string, l *loaded, units []*unit, e *engine) {
	if l.store == nil || l.listErrors || !(l.listed || l.dirty) {
		return
	}
	key, ok := manifestKey(cfg, wd)
	if !ok {
		return
	}
	m := manifest{Start: l.start.UnixNano(), Sizes: fmt.Sprintf("%#v", e.sizes), Identities: make(map[string]cache.Key), Files: make(map[string]fileStamp), Dirs: make(map[string]dirStamp)}
	for _, pkg := range l.pkgs {
		m.Roots = append(m.Roots, pkg.ID)
	}
	if sizesNamed(m.Sizes) == nil {
		return
	}
	watch := func(name string, kind stampKind) {
		if old, ok := m.Files[name]; ok && old.Kind <= kind {
			return // the strictest kind wins
		}
		st := l.stamps.get(name)
		st.Kind = kind
		m.Files[name] = st
	}
	dirs := make(map[string]bool)
	var mainDirs []string
	for _, u := range units {
		pkg := u.pkg
		lp := listedPackage{ID: pkg.ID, Name: pkg.Name, PkgPath: pkg.PkgPath, Dir: pkg.Dir,
			GoFiles: pkg.GoFiles, CompiledGoFiles: pkg.CompiledGoFiles, OtherFiles: pkg.OtherFiles,
			IgnoredFiles: pkg.IgnoredFiles, Embedded: pkg.EmbedFiles, ExportFile: pkg.ExportFile,
			Module: pkg.Module, Imports: make(map[string]string, len(pkg.Imports))}
		for path, imp := range pkg.Imports {
			lp.Imports[path] = imp.ID
		}
		m.Packages = append(m.Packages, lp)
		m.Identities[pkg.ID] = u.ident
		if mod := pkg.Module; mod != nil {
			if mod.GoMod != "" && !e.immutable(pkg) {
				watch(mod.GoMod, wholeFile)
			}
			if mod.Main && mod.Dir != "" && !slices.Contains(mainDirs, mod.Dir) {
				mainDirs = append(mainDirs, mod.Dir)
				watch(filepath.Join(mod.Dir, "go.sum"), wholeFile)
				watch(filepath.Join(mod.Dir, "vendor", "modules.txt"), wholeFile)
			}
		}
		if e.immutable(pkg) {
			continue
		}
		if pkg.Dir != "" {
			dirs[pkg.Dir] = true
		}
		// A package whose key hashes its files may change below its files'
		// imports; one known by its export data, or whose compiled files the go
		// command generates (cgo), may not.
		bySource := !(u.role == stub || u.role == notAnalyzed) || pkg.ExportFile == ""
		cgo := !slices.Equal(pkg.GoFiles, pkg.CompiledGoFiles)
		for _, name := range pkg.GoFiles {
			if bySource && !cgo {
				watch(name, goFile)
			} else {
				watch(name, wholeFile)
			}
		}
		for _, name := range pkg.OtherFiles {
			if bySource {
				watch(name, contentFile)
			} else {
				watch(name, wholeFile)
			}
		}
		for _, name := range pkg.IgnoredFiles {
			watch(name, wholeFile)
		}
	}
	for _, root := range mainDirs {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !d.IsDir() {
				if _, ok := m.Files[path]; !ok && strings.HasSuffix(path, ".go") {
					watch(path, wholeFile) // a file of no package listed may join one
				}
				return nil
			}
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir // ./... leaves it out; a package listed there is watched as such
			}
			dirs[path] = true
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		})
	}
	// The go command's own inputs: go.work (looked for upwards from the working
	// directory unless GOWORK names it), the toolchain and its environment file.
	if gowork := os.Getenv("GOWORK"); gowork != "" {
		if gowork != "off" {
			watch(gowork, wholeFile)
			watch(gowork+".sum", wholeFile)
		}
	} else {
		for dir := wd; ; dir = filepath.Dir(dir) {
			watch(filepath.Join(dir, "go.work"), wholeFile)
			watch(filepath.Join(dir, "go.work.sum"), wholeFile)
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if e.goroot != "" {
		watch(filepath.Join(e.goroot, "VERSION"), wholeFile)
	}
	if goCmd, err := exec.LookPath("go"); err == nil {
		if info, err := os.Stat(goCmd); err == nil {
			m.Files[goCmd] = fileStamp{Kind: statOnly, Size: info.Size(), ModTime: info.ModTime().UnixNano()}
		}
	}
	if name := goEnvFile(); name != "" {
		watch(name, wholeFile)
	}
	for dir := range dirs {
		if ds, err := stampDir(dir); err == nil {
			m.Dirs[dir] = ds
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err == nil {
		l.store.Put(key, buf.Bytes())
	}
}
