package deferloop

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
)

// wrapFix offers to move the body of the loop that d repeats through into a function
// literal called in its place, so that the defers of the body run at the end of each
// iteration. It offers nothing unless loops.MovableBody allows the move, when the
// source text is not at hand, or when the loop is labelled and the function uses goto
// (which may jump to the label, so that it cannot go).
func wrapFix(pass *analysis.Pass, d finding, gotos bool) []analysis.SuggestedFix {
	body := loops.Body(d.loop)
	if body == nil || !body.Lbrace.IsValid() || !body.Rbrace.IsValid() {
		return nil
	}
	labelled := loopLabel(d)
	if labelled != nil && gotos {
		return nil
	}
	var label *ast.Ident
	if labelled != nil {
		label = labelled.Label
	}
	continues, ok := loops.MovableBody(pass.TypesInfo, d.loop, label)
	if !ok || defersReachOut(pass.TypesInfo, body) {
		return nil
	}
	tf := pass.Fset.File(body.Lbrace)
	if tf == nil || pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	edits := wrapEdits(src, tf, d.loop, body, continues)
	if edits == nil {
		return nil
	}
	if labelled != nil {
		// Every use of the label is in the body and gone with the move (a break of
		// the loop refuses it; a continue became return): an unused label would not
		// compile, so it goes too.
		edit, ok := removeLabel(src, tf, labelled)
		if !ok {
			return nil
		}
		edits = append([]analysis.TextEdit{edit}, edits...)
	}
	return []analysis.SuggestedFix{{
		Message:   "Move the loop body into a function literal, so that its deferred calls run at the end of each iteration",
		TextEdits: edits,
	}}
}

// defersReachOut reports whether a defer statement of body (outside nested function
// literals) recovers from panics or writes variables declared outside body: a
// deferred literal that calls recover or assigns such a variable (err = errors.Join(
// err, f.Close())), or a deferred call passed the address of one (&err). Run at the
// end of each iteration instead of at return, such a call would swallow panics per
// iteration, or set an error that the function's return statement then overwrites.
func defersReachOut(info *types.Info, body *ast.BlockStmt) bool {
	outside := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return true // a field or element: it may live outside
		}
		if id.Name == "_" {
			return false
		}
		obj := info.Uses[id]
		return obj == nil || obj.Pos() < body.Pos() || obj.Pos() >= body.End()
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			ast.Inspect(n.Call, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
						if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
							found = true
						}
					}
				case *ast.AssignStmt:
					if n.Tok != token.DEFINE {
						for _, lhs := range n.Lhs {
							found = found || outside(lhs)
						}
					}
				case *ast.IncDecStmt:
					found = found || outside(n.X)
				case *ast.UnaryExpr:
					found = found || n.Op == token.AND && outside(n.X)
				}
				return !found
			})
			return false
		}
		return !found
	})
	return found
}

// loopLabel returns the labelled statement around d's loop, or nil.
func loopLabel(d finding) *ast.LabeledStmt {
	for c := range d.cur.Enclosing() {
		if c.Node() == d.loop {
			l, _ := c.Parent().Node().(*ast.LabeledStmt)
			return l
		}
	}
	return nil
}

// removeLabel returns the edit that deletes the label of a labelled loop: the text
// from the label to the loop when both share a line, else the label's own line, when
// that line holds nothing else.
func removeLabel(src []byte, tf *token.File, l *ast.LabeledStmt) (analysis.TextEdit, bool) {
	labelLine, loopLine := tf.Line(l.Label.Pos()), tf.Line(l.Stmt.Pos())
	if labelLine == loopLine {
		return analysis.TextEdit{Pos: l.Label.Pos(), End: l.Stmt.Pos()}, true
	}
	if loopLine != labelLine+1 {
		return analysis.TextEdit{}, false
	}
	from, to := tf.LineStart(labelLine), tf.LineStart(loopLine)
	line := strings.TrimSpace(string(src[tf.Offset(from):tf.Offset(to)]))
	if line != l.Label.Name+":" {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: from, End: to}, true
}

// wrapEdits returns the edits that move the statements of body into
// func() { ... }(): an insertion after the opening brace, a tab at the start of each
// line of the body (except blank lines and lines inside raw string literals), the
// closing "}()" on a line of its own, and "return" for each continue statement of the
// loop. Small edits, rather than one that rewrites the whole body, compose with the
// fixes other analyzers make inside the body when go fix applies them all together.
// It returns nil unless the body is laid out as gofmt lays it out: nothing but a
// comment after the opening brace on its line, and the closing brace on a line of
// its own.
func wrapEdits(src []byte, tf *token.File, loop ast.Stmt, body *ast.BlockStmt, continues []*ast.BranchStmt) []analysis.TextEdit {
	valid := func(p token.Pos) bool { return p.IsValid() && int(p) >= tf.Base() && int(p) <= tf.Base()+tf.Size() }
	if !valid(body.Lbrace) || !valid(body.Rbrace) || !valid(loop.Pos()) {
		return nil
	}
	first, last := tf.Line(body.Lbrace), tf.Line(body.Rbrace)
	if last <= first {
		return nil
	}
	afterBrace := strings.TrimSpace(string(lineRest(src, tf.Offset(body.Lbrace)+1)))
	closing := tf.Offset(tf.LineStart(last))
	if afterBrace != "" && !strings.HasPrefix(afterBrace, "//") || strings.TrimSpace(string(src[closing:tf.Offset(body.Rbrace)])) != "" {
		return nil
	}
	indent := leadingSpace(src[tf.Offset(tf.LineStart(tf.Line(loop.Pos()))):])
	bodyIndent := indent + "\t"

	// Lines that start inside a raw string keep their text.
	inRaw := func(pos token.Pos) bool {
		raw := false
		ast.Inspect(body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") {
				raw = raw || lit.Pos() < pos && pos < lit.End()
			}
			return !raw
		})
		return raw
	}

	edits := []analysis.TextEdit{{Pos: body.Lbrace + 1, End: body.Lbrace + 1, NewText: []byte("\n" + bodyIndent + "func() {")}}
	for line := first + 1; line < last; line++ {
		start := tf.LineStart(line)
		if strings.TrimSpace(string(lineRest(src, tf.Offset(start)))) == "" || inRaw(start) {
			continue
		}
		edits = append(edits, analysis.TextEdit{Pos: start, End: start, NewText: []byte("\t")})
	}
	edits = append(edits, analysis.TextEdit{Pos: tf.LineStart(last), End: tf.LineStart(last), NewText: []byte(bodyIndent + "}()\n")})
	for _, c := range continues {
		if !valid(c.Pos()) || !valid(c.End()) {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: c.Pos(), End: c.End(), NewText: []byte("return")})
	}
	return edits
}

// lineRest returns the text from offset to the end of its line.
func lineRest(src []byte, offset int) []byte {
	rest := src[offset:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// leadingSpace returns the blanks that start line.
func leadingSpace(line []byte) string {
	n := 0
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return string(line[:n])
}
