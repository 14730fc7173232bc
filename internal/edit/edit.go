// Package edit builds the text of suggested fixes, once for every analyzer: the
// source form of a node, the indentation of an inserted line, a line inserted after
// a statement or at the top of a body, an import added to a file, a name free at a
// position. A fix built here reads as if written by hand; the driver formats every
// file it fixes, so that -fix and go fix -fixtool write the same gofmt'd bytes.
package edit

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
)

// Render returns the source text of n as gofmt prints it, or otherwise when n
// cannot be printed.
func Render(fset *token.FileSet, n ast.Node, otherwise string) string {
	var buf strings.Builder
	if err := format.Node(&buf, fset, n); err != nil {
		return otherwise
	}
	return buf.String()
}

// source returns the content of the file holding pos and that file, or false when
// it cannot be read or no longer matches what was parsed.
func source(pass *analysis.Pass, pos token.Pos) ([]byte, *token.File, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil || pass.ReadFile == nil || int(pos) < tf.Base() || int(pos) > tf.Base()+tf.Size() {
		return nil, nil, false
	}
	content, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(content) {
		return nil, nil, false
	}
	return content, tf, true
}

// Indentation returns the white space that starts the line holding pos, read from
// the file's source; "" when the source cannot be read.
func Indentation(pass *analysis.Pass, pos token.Pos) string {
	content, tf, ok := source(pass, pos)
	if !ok {
		return ""
	}
	start := int(tf.LineStart(tf.Line(pos))) - tf.Base()
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}

// BodyIndentation returns the indentation of a statement written at the top of
// body: that of its first statement when it starts a line of its own, else one tab
// more than the line of the opening brace.
func BodyIndentation(pass *analysis.Pass, body *ast.BlockStmt) string {
	if len(body.List) > 0 {
		first := body.List[0].Pos()
		if pass.Fset.Position(first).Line != pass.Fset.Position(body.Lbrace).Line {
			return Indentation(pass, first)
		}
	}
	return Indentation(pass, body.Lbrace) + "\t"
}

// AfterStatement returns the edit that writes line on a line of its own after
// stmt, indented as stmt is (see LineAfter).
func AfterStatement(pass *analysis.Pass, stmt ast.Node, line string) analysis.TextEdit {
	return LineAfter(pass, stmt.End(), Indentation(pass, stmt.Pos()), line)
}

// AtTopOfBody returns the edit that writes line as the first statement of body, on
// a line of its own (see LineAfter and BodyIndentation).
func AtTopOfBody(pass *analysis.Pass, body *ast.BlockStmt, line string) analysis.TextEdit {
	return LineAfter(pass, body.Lbrace+1, BodyIndentation(pass, body), line)
}

// LineAfter returns the edit that writes indent+line on a line of its own after
// pos: at the end of pos's line when nothing but a semicolon, blanks and comments
// follow pos there (a comment stays on its line), else after them, ending the new
// line too so that the code that followed pos starts the next one. When the source
// cannot be read, the line goes right after pos and is ended (the next line may be
// blank, never invalid).
func LineAfter(pass *analysis.Pass, pos token.Pos, indent, line string) analysis.TextEdit {
	text := "\n" + indent + line
	content, tf, ok := source(pass, pos)
	if !ok {
		return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text + "\n")}
	}
	rest := content[tf.Offset(pos):]
	if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
		rest = rest[:i]
	}
	blanks := func(i int) int {
		for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\r') {
			i++
		}
		return i
	}
	at := 0 // where the line goes, as an offset in rest
	i := blanks(0)
	if i < len(rest) && rest[i] == ';' {
		at = i + 1
		i = blanks(at)
	}
	for strings.HasPrefix(string(rest[i:]), "/*") {
		end := strings.Index(string(rest[i:]), "*/")
		if end < 0 {
			break // the comment goes on below: the line goes before it
		}
		at = i + end + 2
		i = blanks(at)
	}
	switch {
	case i == len(rest):
		at = len(rest)
	case strings.HasPrefix(string(rest[i:]), "//"):
		at = len(rest)
	default:
		text += "\n"
	}
	p := pos + token.Pos(at)
	return analysis.TextEdit{Pos: p, End: p, NewText: []byte(text)}
}

// Qualifier returns the name by which file may refer, at pos, to the package at
// path: "" for a dot import; with the edits that add the import when file lacks
// it. ok is false when that name would be shadowed at pos or is not an identifier.
// A missing import is named as the package calls itself when the package under
// analysis depends on it, else by the last element of its path (without a major
// version suffix), and merged into the file's last import declaration.
func Qualifier(pass *analysis.Pass, file *ast.File, path string, pos token.Pos) (qual string, edits []analysis.TextEdit, ok bool) {
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			switch spec.Name.Name {
			case "_":
				continue
			case ".":
				return "", nil, true
			}
		}
		obj := pass.TypesInfo.Implicits[spec]
		if spec.Name != nil {
			obj = pass.TypesInfo.Defs[spec.Name]
		}
		if obj == nil {
			return "", nil, false
		}
		return obj.Name(), nil, Resolves(pass, pos, obj.Name(), obj)
	}
	name := ""
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == path {
			name = imp.Name()
		}
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if name == "" {
		name = last
		if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
			name = elems[len(elems)-2]
		}
		name = strings.NewReplacer("-", "", ".", "").Replace(name)
	}
	if !token.IsIdentifier(name) || !Resolves(pass, pos, name, nil) {
		return "", nil, false
	}
	spec := strconv.Quote(path)
	if name != last {
		spec = name + " " + spec
	}
	return name, addImport(pass, file, path, spec), true
}

// addImport returns the edits that add the import spec to file: after the last
// spec of its last import declaration, in a group of its own when one of the
// standard library's packages would join another's (as goimports groups them),
// parenthesizing a declaration of one spec; or a declaration after the package
// clause when file has none.
func addImport(pass *analysis.Pass, file *ast.File, path, spec string) []analysis.TextEdit {
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT && len(g.Specs) > 0 {
			decl = g
		}
	}
	if decl == nil {
		e := LineAfter(pass, file.Name.End(), "", "import "+spec)
		e.NewText = append([]byte("\n"), e.NewText...)
		return []analysis.TextEdit{e}
	}
	lastSpec := decl.Specs[len(decl.Specs)-1].(*ast.ImportSpec)
	e := LineAfter(pass, lastSpec.End(), "\t", spec)
	if lastPath, _ := strconv.Unquote(lastSpec.Path.Value); knowledge.IsStdPath(lastPath) != knowledge.IsStdPath(path) {
		e.NewText = append([]byte("\n"), e.NewText...)
	}
	if decl.Lparen.IsValid() {
		return []analysis.TextEdit{e}
	}
	text := string(e.NewText)
	more := strings.HasSuffix(text, "\n") // code follows on the line
	text = strings.TrimSuffix(text, "\n") + "\n)"
	if more {
		text += "\n"
	}
	e.NewText = []byte(text)
	return []analysis.TextEdit{{Pos: lastSpec.Pos(), End: lastSpec.Pos(), NewText: []byte("(\n\t")}, e}
}

// Resolves reports whether name, looked up at pos, resolves to want (nil: to
// nothing, so that a new declaration or import would not be shadowed).
func Resolves(pass *analysis.Pass, pos token.Pos, name string, want types.Object) bool {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj == want
}

// FreshName returns base, or base2, base3..., whichever is not visible at pos and
// not used anywhere in within (so that it neither shadows nor is shadowed), or ""
// when none of the first nine is.
func FreshName(pkg *types.Package, within ast.Node, base string, pos token.Pos) string {
	used := make(map[string]bool)
	ast.Inspect(within, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	scope := pkg.Scope().Innermost(pos)
	for i := 1; i < 10; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprint(base, i)
		}
		if used[name] {
			continue
		}
		if scope != nil {
			if _, obj := scope.LookupParent(name, pos); obj != nil {
				continue
			}
		}
		return name
	}
	return ""
}
