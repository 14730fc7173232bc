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

// shape returns the shape of body, computing it on first use, in one walk: a
// node is in the body's frame unless it lies in a function literal or is part
// of what a go statement starts (its call and the function called; the
// arguments are evaluated here).
func (x *Index) shape(body *ast.BlockStmt) *bodyShape {
	if s := x.shapes[body]; s != nil {
		return s
	}
	s := new(bodyShape)
	var (
		inFrame []bool        // per open node: whether it is in the frame
		goCall  *ast.CallExpr // the call of the go statement being walked in the frame
		goFun   ast.Expr      // and its function
	)
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			inFrame = inFrame[:len(inFrame)-1]
			return true
		}
		frame := len(inFrame) == 0 || inFrame[len(inFrame)-1]
		switch n := n.(type) {
		case *ast.FuncLit:
			frame = false
		case *ast.DeferStmt:
			s.allDefers = append(s.allDefers, n)
			if frame {
				s.frameDefers = append(s.frameDefers, n)
			}
		case *ast.GoStmt:
			if frame {
				goCall, goFun = n.Call, n.Call.Fun
			}
		case *ast.CallExpr:
			if frame && n != goCall {
				s.frameCalls = append(s.frameCalls, n)
			}
		}
		if n == goFun {
			frame = false
		}
		inFrame = append(inFrame, frame)
		return true
	})
	x.shapes[body] = s
	return s
}
