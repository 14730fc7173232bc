package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"

	"github.com/deferlint/deferlint/internal/flow"
)

// A fingerprint names a finding in a way that survives edits elsewhere in its file:
// lines inserted above it move it, but leave its analyzer, file, enclosing function
// and message as they were. Index tells apart identical findings in one function,
// counted in source order. Baselines record fingerprints.
type fingerprint struct {
	Analyzer string `json:"analyzer"`
	File     string `json:"file"`     // slash path relative to the repository root
	Function string `json:"function"` // see functionName
	Message  string `json:"message"`  // with line numbers replaced (see normalizeMessage)
	Index    int    `json:"index"`
}

// fingerprints returns the fingerprint of each finding, in the order of found, which
// is sorted by position: the first of identical ones has index 0.
func fingerprints(found []finding, root string) []fingerprint {
	seen := make(map[fingerprint]int)
	prints := make([]fingerprint, len(found))
	for i, f := range found {
		fp := fingerprint{
			Analyzer: f.analyzer,
			File:     filepath.ToSlash(relative(root, f.posn.Filename)),
			Function: f.function,
			Message:  normalizeMessage(f.message),
		}
		n := seen[fp] // fp.Index is 0: the key counts identical findings
		seen[fp]++
		fp.Index = n
		prints[i] = fp
	}
	return prints
}

var lineNumber = regexp.MustCompile(`\b(lines?) [0-9]+`)

// normalizeMessage replaces the line numbers a message mentions ("the assignment at
// line 30") by N: they change whenever code above them does.
func normalizeMessage(message string) string {
	return lineNumber.ReplaceAllString(message, "$1 N")
}

// functionName names the function enclosing pos in one of the files, as a baseline
// records it: F, T.M or (*T).M for a declared function or method (without type
// parameters), F.func2 for the second function literal in F, F.func2.1 for the
// first literal within that one; glob.funcN for literals outside any function, in
// package-level declarations of the file. It returns "" outside any function.
func functionName(files []*ast.File, pos token.Pos) string {
	if file := flow.FileOf(files, pos); file != nil {
		return functionNameIn(file, pos)
	}
	return ""
}

func functionNameIn(file *ast.File, pos token.Pos) string {
	var globals []ast.Node
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			globals = append(globals, decl)
			continue
		}
		if fn.Pos() <= pos && pos < fn.End() {
			if fn.Body == nil {
				return declName(fn)
			}
			return literalName(declName(fn), ".func", []ast.Node{fn.Body}, pos)
		}
	}
	return literalName("", "glob.func", globals, pos)
}

// literalName returns name, or the name of the function literal in nodes that
// encloses pos: literals directly in nodes (not within another literal) are
// numbered from 1 in source order, and their own literals below them.
func literalName(name, sep string, nodes []ast.Node, pos token.Pos) string {
	n := 0
	var inner *ast.FuncLit
	for _, node := range nodes {
		ast.Inspect(node, func(node ast.Node) bool {
			lit, ok := node.(*ast.FuncLit)
			if !ok || inner != nil {
				return inner == nil
			}
			n++
			if lit.Pos() <= pos && pos < lit.End() {
				inner = lit
			}
			return false
		})
		if inner != nil {
			return literalName(fmt.Sprintf("%s%s%d", name, sep, n), ".", []ast.Node{inner.Body}, pos)
		}
	}
	return name
}

// declName returns F, T.M or (*T).M.
func declName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	typ := fn.Recv.List[0].Type
	star := false
	if s, ok := typ.(*ast.StarExpr); ok {
		typ, star = s.X, true
	}
	switch t := typ.(type) {
	case *ast.IndexExpr:
		typ = t.X
	case *ast.IndexListExpr:
		typ = t.X
	}
	recv := "?"
	if id, ok := typ.(*ast.Ident); ok {
		recv = id.Name
	}
	if star {
		return "(*" + recv + ")." + fn.Name.Name
	}
	return recv + "." + fn.Name.Name
}
