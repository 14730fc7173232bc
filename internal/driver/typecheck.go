package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// sharedTypes is the one importer of a run, as go/packages has one: the types of
// every package of the graph by ID, whether type-checked from source or read from
// the export data that go list -export names (the compiler's, in the go command's
// build cache). Each export data file is decoded once, and a package decoded from
// export data that refers to a package type-checked from source (a test variant's
// importer) reuses its objects, because the source package is complete first (see
// engine.run) and the decoder keeps the objects a package already has.
type sharedTypes struct {
	mu       sync.Mutex // gcexportdata may create or complete any package of the graph
	fset     *token.FileSet
	byID     map[string]*types.Package
	complete map[string]bool // type-checked from source, or decoded from its own export data
}

func newSharedTypes(fset *token.FileSet) *sharedTypes {
	return &sharedTypes{fset: fset, byID: make(map[string]*types.Package), complete: make(map[string]bool)}
}

// fromSource records the types of a package type-checked from source.
func (s *sharedTypes) fromSource(pkg *packages.Package) {
	s.mu.Lock()
	s.byID[pkg.ID] = pkg.Types
	s.complete[pkg.ID] = true
	s.mu.Unlock()
}

// load returns the types of pkg from its export data.
func (s *sharedTypes) load(pkg *packages.Package) (*types.Package, error) {
	if pkg.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.complete[pkg.ID] {
		return s.byID[pkg.ID], nil
	}
	if pkg.ExportFile == "" {
		return nil, fmt.Errorf("no export data file")
	}
	f, err := os.Open(pkg.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	//lint:ignore SA1019 go list -export names the compiler's archives, which only NewReader opens (go/packages reads them so too)
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", pkg.ExportFile, err)
	}
	// gcexportdata knows packages by path, which is unique within one package's
	// graph (not across test variants): give it a view of pkg's graph, by path, of
	// the packages known by ID.
	view := make(map[string]*types.Package)
	packages.Visit([]*packages.Package{pkg}, func(p *packages.Package) bool {
		if view[p.PkgPath] != nil {
			return false
		}
		t := s.byID[p.ID]
		if t == nil {
			t = types.NewPackage(p.PkgPath, p.Name)
			s.byID[p.ID] = t
		}
		view[p.PkgPath] = t
		return true
	}, nil)
	view["unsafe"] = types.Unsafe
	t, err := gcexportdata.Read(r, s.fset, view, pkg.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", pkg.ExportFile, err)
	}
	s.complete[pkg.ID] = true
	return t, nil
}

// typeCheck parses pkg's files and type-checks them (without function bodies when
// the package is not analyzed: its types are all its importers need, as
// go/packages checks a dependency that has no export data), the types of its
// imports given by typesOf, and fills in pkg's Fset, Syntax, Types, TypesInfo, TypesSizes and
// IllTyped. Errors are added to pkg.Errors as go/packages adds them.
func typeCheck(pkg *packages.Package, fset *token.FileSet, typesOf func(*packages.Package) (*types.Package, error), sizes types.Sizes, ignoreBodies bool) {
	pkg.Fset = fset
	pkg.TypesSizes = sizes
	for _, name := range pkg.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			pkg.Syntax = append(pkg.Syntax, f)
		}
		addError(pkg, err)
	}
	pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
	pkg.TypesInfo = newTypesInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := pkg.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return typesOf(imp)
		}),
		Error:            func(err error) { addError(pkg, err) },
		Sizes:            sizes,
		IgnoreFuncBodies: ignoreBodies,
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		tc.GoVersion = "go" + pkg.Module.GoVersion
	}
	err := types.NewChecker(tc, fset, pkg.Types, pkg.TypesInfo).Files(pkg.Syntax)
	if err != nil && len(pkg.Errors) == 0 {
		addError(pkg, err)
	}
	pkg.IllTyped = len(pkg.Errors) > 0
	for _, imp := range pkg.Imports {
		pkg.IllTyped = pkg.IllTyped || len(imp.Errors) > 0
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

// addError converts a parser's or type checker's error into the packages.Error
// that go/packages would record, so that load errors read the same.
func addError(pkg *packages.Package, err error) {
	switch err := err.(type) {
	case nil:
	case scanner.ErrorList:
		for _, e := range err {
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case *os.PathError:
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
	case types.Error:
		pkg.TypeErrors = append(pkg.TypeErrors, err)
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
	default:
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}
