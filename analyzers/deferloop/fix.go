package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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
	text := wrappedBody(src, tf, d.loop, body, continues)
	if text == "" {
		return nil
	}
	edits := []analysis.TextEdit{{Pos: body.Lbrace + 1, End: body.Rbrace, NewText: []byte(text)}}
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

// wrappedBody returns the text that replaces everything between the braces of body:
// the same statements inside func() { ... }(), indented one tab deeper (except lines
// inside raw string literals), with each continue statement of the loop replaced by
// return. It returns "" when the offsets do not fit the source.
func wrappedBody(src []byte, tf *token.File, loop ast.Stmt, body *ast.BlockStmt, continues []*ast.BranchStmt) string {
	offset := func(p token.Pos) int {
		if !p.IsValid() || int(p) < tf.Base() || int(p) > tf.Base()+tf.Size() {
			return -1
		}
		return tf.Offset(p)
	}
	start, end := offset(body.Lbrace)+1, offset(body.Rbrace)
	loopStart := offset(loop.Pos())
	if start <= 0 || end < start || loopStart < 0 {
		return ""
	}
	// Indentation of the loop's line, and of the statements in its body.
	line := tf.LineStart(tf.Line(loop.Pos()))
	indent := leadingSpace(src[tf.Offset(line):])
	bodyIndent := indent + "\t"

	// Text to copy: without the blanks before the first line break and at the end.
	for start < end && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	for end > start && strings.ContainsRune(" \t\r\n", rune(src[end-1])) {
		end--
	}

	// Raw strings spanning lines keep their text.
	type span struct{ from, to int }
	var raw []span
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") {
			raw = append(raw, span{offset(lit.Pos()), offset(lit.End())})
		}
		return true
	})
	inRaw := func(i int) bool {
		return slices.ContainsFunc(raw, func(s span) bool { return s.from <= i && i < s.to })
	}
	replace := make(map[int]int) // offset of a continue statement -> its end
	for _, c := range continues {
		from, to := offset(c.Pos()), offset(c.End())
		if from < start || to > end || to < from {
			return ""
		}
		replace[from] = to
	}

	var b strings.Builder
	b.WriteString("\n" + bodyIndent + "func() {")
	switch {
	case start < end && src[start] == '\n':
	case start < end && src[start] == '/':
		b.WriteString(" ")
	default:
		b.WriteString("\n" + bodyIndent + "\t")
	}
	for i := start; i < end; {
		if to, ok := replace[i]; ok {
			b.WriteString("return")
			i = to
			continue
		}
		b.WriteByte(src[i])
		if src[i] == '\n' && i+1 < end && src[i+1] != '\n' && !inRaw(i) {
			b.WriteByte('\t')
		}
		i++
	}
	b.WriteString("\n" + bodyIndent + "}()\n" + indent)
	return b.String()
}

// leadingSpace returns the blanks that start line.
func leadingSpace(line []byte) string {
	n := 0
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return string(line[:n])
}
