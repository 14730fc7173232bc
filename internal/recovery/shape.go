package recovery

import "go/ast"

// bodyShape lists, once per function body, the nodes that the recovery queries
// look at. The facts of a function are derived again whenever a callee's facts
// change (deriveAll), and each derivation asks Body, Delegates, Propagates and
// Narrow about the same body: walking it once and keeping the few nodes they
// need makes each later question a loop over a short slice. Most bodies defer
// nothing, and then three of the four answers need no loop at all.
type bodyShape struct {
	frameDefers []*ast.DeferStmt // defer statements of the body's own frame, in source order
	allDefers   []*ast.DeferStmt // every defer statement, nested literals included, in source order
	frameCalls  []*ast.CallExpr  // calls made in the body's own goroutine and frame (see Delegates)
}

// shape returns the shape of body, computing it on first use.
func (x *Index) shape(body *ast.BlockStmt) *bodyShape {
	if s := x.shapes[body]; s != nil {
		return s
	}
	s := new(bodyShape)
	ast.Inspect(body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok {
			s.allDefers = append(s.allDefers, d)
		}
		return true
	})
	s.addFrame(body)
	x.shapes[body] = s
	return s
}

// addFrame records the defer statements and calls of root's frame. A go
// statement's call runs in another goroutine, but its arguments are evaluated
// here.
func (s *bodyShape) addFrame(root ast.Node) {
	inspectFrame(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			for _, arg := range n.Call.Args {
				s.addFrame(arg)
			}
			return false
		case *ast.DeferStmt:
			s.frameDefers = append(s.frameDefers, n)
		case *ast.CallExpr:
			s.frameCalls = append(s.frameCalls, n)
		}
		return true
	})
}
