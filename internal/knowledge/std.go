package knowledge

import (
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// IsStdPath reports whether an import path is one of the standard library's, by
// the go command's rule: no dot in its first element. Packages the standard
// library vendors ("vendor/golang.org/x/net/http2/hpack") are in it; golang.org/x
// modules are not.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return first != "" && !strings.Contains(first, ".")
}

// IsStd reports whether pkg belongs to the standard library: its path is a
// standard one (IsStdPath) and its declarations lie in GOROOT, since a package of a
// module or GOPATH tree may have a path without dots too (a module named "app",
// the packages of analysistest's testdata). A package with no declaration whose
// position is known is not taken for the standard library.
func IsStd(fset *token.FileSet, pkg *types.Package) bool {
	return pkg != nil && IsStdPath(pkg.Path()) && inGOROOT(fset, pkg)
}

// inGOROOT reports whether the first declaration of pkg with a known position
// lies in GOROOT: under the GOROOT of this build, or under "$GOROOT/", as
// positions read from export data built with -trimpath say.
func inGOROOT(fset *token.FileSet, pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		pos := scope.Lookup(name).Pos()
		if !pos.IsValid() {
			continue
		}
		file := filepath.ToSlash(fset.Position(pos).Filename)
		if strings.HasPrefix(file, "$GOROOT/") {
			return true
		}
		root := filepath.ToSlash(build.Default.GOROOT)
		return root != "" && strings.HasPrefix(file, root+"/")
	}
	return false
}

// StdPackages answers IsStd for the packages of one pass, once per package:
// finding where a package is declared costs a walk of its scope.
type StdPackages struct {
	fset  *token.FileSet
	known map[*types.Package]bool
}

// NewStdPackages returns an empty StdPackages for positions in fset.
func NewStdPackages(fset *token.FileSet) *StdPackages {
	return &StdPackages{fset: fset, known: make(map[*types.Package]bool)}
}

// Has reports IsStd(pkg).
func (s *StdPackages) Has(pkg *types.Package) bool {
	std, ok := s.known[pkg]
	if !ok {
		std = IsStd(s.fset, pkg)
		s.known[pkg] = std
	}
	return std
}
