package ctxcancel

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// usesOf classifies the mentions of v in the function fnCur, including those in
// nested function literals.
func (c *checker) usesOf(fnCur inspector.Cursor, v *types.Var) []resources.FuncUse {
	return c.uses.Of(fnCur, v)
}

// isRead reports whether some code in the package reads v in a way that may call
// the functions stored in it: anything but assigning to it or its elements,
// comparing it with nil, appending to it, or taking its length.
func (c *checker) isRead(v *types.Var) bool {
	if c.reads == nil {
		c.reads = make(map[*types.Var]bool)
		for cur := range c.in.Root().Preorder((*ast.Ident)(nil)) {
			if u, ok := c.info.Uses[cur.Node().(*ast.Ident)].(*types.Var); ok && !c.reads[u] && c.reads1(cur, u) {
				c.reads[u] = true
			}
		}
	}
	return c.reads[v]
}

// reads1 reports whether the mention cur of v reads it.
func (c *checker) reads1(cur inspector.Cursor, v *types.Var) bool {
	if kind, _ := cur.ParentEdge(); kind == edge.KeyValueExpr_Key {
		return false
	}
	cur = c.uses.Climb(cur)
	for {
		kind, _ := cur.ParentEdge()
		if kind != edge.IndexExpr_X {
			break
		}
		if k, _ := cur.Parent().ParentEdge(); k != edge.AssignStmt_Lhs {
			return true // an element is read
		}
		cur = cur.Parent()
	}
	kind, index := cur.ParentEdge()
	parent := cur.Parent().Node()
	switch kind {
	case edge.AssignStmt_Lhs:
		return false
	case edge.AssignStmt_Rhs:
		assign := parent.(*ast.AssignStmt)
		if len(assign.Lhs) == len(assign.Rhs) {
			if id, ok := assign.Lhs[index].(*ast.Ident); ok && id.Name == "_" {
				return false
			}
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return !resources.IsNilComparison(c.info, parent)
	case edge.CallExpr_Args:
		call := parent.(*ast.CallExpr)
		if b, ok := typeutil.Callee(c.info, call).(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "delete", "clear":
				return false
			case "append":
				if k, i := cur.Parent().ParentEdge(); index == 0 && k == edge.AssignStmt_Rhs {
					assign := cur.Parent().Parent().Node().(*ast.AssignStmt)
					return len(assign.Lhs) != len(assign.Rhs) || c.uses.RootVar(assign.Lhs[i]) != v
				}
			}
		}
	}
	return true
}
