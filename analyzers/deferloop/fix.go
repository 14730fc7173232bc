package deferloop

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deferlint/deferlint/internal/edit"
	"github.com/deferlint/deferlint/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
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
	edits := wrapEdits(src, tf, d.loop, body, continues, edit.Indentation(pass, d.loop.Pos()))
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

// movesAlone reports whether moving the body of d's loop into a function literal
// changes nothing but when the deferred calls of the body run, as far as the code
// shows, so that the fix may be offered. It is false in test code (a test's loops
// often set up what the test holds to its end); when a deferred call of the loop
// releases a value that outlives the iteration (handedOn: it is handed on, or a
// variable declared outside the loop carries it past the iteration); when the body
// starts a
// goroutine or makes a function value that may run after the iteration (a callback, a
// method value); and when anything but a return runs after the loop before the
// function returns (the deferred calls would then run before it, not after: a wait
// for a reader, a producer's publish).
func movesAlone(pass *analysis.Pass, fn *function, d finding, found []finding) bool {
	if fn.test || !onlyReturnAfter(d) {
		return false
	}
	info := pass.TypesInfo
	body := loops.Body(d.loop)
	if body == nil || startsOrRegisters(info, body) {
		return false
	}
	for _, other := range found {
		if other.loop != d.loop {
			continue
		}
		call := deferredCall(other.stmt.Call)
		vars := releasedVars(info, d.loop, body, call)
		if handedOn(info, fn.body, d.loop, other.stmt, call, vars) {
			return false
		}
	}
	return true
}

// startsOrRegisters reports whether body starts a goroutine or makes a function value
// that may be called after the iteration: a function literal that is not called where
// it stands, or a method value (register(c.Close)).
func startsOrRegisters(info *types.Info, body *ast.BlockStmt) bool {
	called := make(map[ast.Expr]bool) // the function operands of calls
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			called[ast.Unparen(call.Fun)] = true
		}
		return true
	})
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			found = true
		case *ast.FuncLit:
			found = !called[n]
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.MethodVal && !called[n] {
				found = true
			}
		}
		return !found
	})
	return found
}

// onlyReturnAfter reports whether nothing but return statements without calls or
// channel receives can run after d's loop before its function returns: every
// statement after the loop, and after each statement around it, up to the function
// body. A loop inside another loop runs again with the outer loop's statements after
// it, so it is refused.
func onlyReturnAfter(d finding) bool {
	var cur inspector.Cursor
	for c := range d.cur.Enclosing() {
		if c.Node() == d.loop {
			cur = c
			break
		}
	}
	if cur.Node() == nil {
		return false
	}
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return true
		case *ast.BlockStmt:
			switch cur.Node().(type) {
			case *ast.CaseClause, *ast.CommClause:
				// The other clauses of a switch or select do not follow this one.
			default:
				if !inert(stmtsAfter(p.List, cur.Node())) {
					return false
				}
			}
		case *ast.CaseClause:
			if !inert(stmtsAfter(p.Body, cur.Node())) {
				return false
			}
		case *ast.CommClause:
			if !inert(stmtsAfter(p.Body, cur.Node())) {
				return false
			}
		case *ast.IfStmt:
			if cur.Node() != p.Body && cur.Node() != p.Else {
				return false
			}
		case *ast.LabeledStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		default:
			return false
		}
		cur = parent
	}
}

// stmtsAfter returns the statements of list after n.
func stmtsAfter(list []ast.Stmt, n ast.Node) []ast.Stmt {
	for i, s := range list {
		if s == n {
			return list[i+1:]
		}
	}
	return nil
}

// inert reports whether stmts do nothing that the deferred calls of a loop before
// them could be ordered against: they are empty statements and return statements
// whose results make no calls and receive from no channel.
func inert(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.EmptyStmt:
		case *ast.ReturnStmt:
			acts := false
			for _, r := range s.Results {
				ast.Inspect(r, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.CallExpr, *ast.FuncLit:
						acts = true
					case *ast.UnaryExpr:
						acts = acts || n.Op == token.ARROW
					}
					return !acts
				})
			}
			if acts {
				return false
			}
		default:
			return false
		}
	}
	return true
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
// its own. indent is the indentation of the loop's line.
func wrapEdits(src []byte, tf *token.File, loop ast.Stmt, body *ast.BlockStmt, continues []*ast.BranchStmt, indent string) []analysis.TextEdit {
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
	bodyIndent := indent + "\t" // the body moves in by one level

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
