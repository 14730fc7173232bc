package loops

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Counted returns the innermost for or range statement around cur, across function
// literals, that repeats without a bound the code can see: a for statement, or a
// range over a channel, an integer or a function. A range over a slice, an array, a
// map or a string walks a table of cases that the code itself bounds, and is
// skipped. Counted returns nil when no such loop encloses cur.
//
// Test code asks this question: a cost paid once per test, or once per case of a
// table, is bounded by the test; one paid per round of b.N or per message of a
// channel is not.
func Counted(info *types.Info, cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c == cur {
			continue
		}
		loop, ok := c.Node().(*ast.RangeStmt)
		if !ok {
			return c.Node()
		}
		t := info.TypeOf(loop.X)
		if t == nil {
			continue
		}
		switch u := t.Underlying().(type) {
		case *types.Chan, *types.Signature:
			return c.Node()
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return c.Node()
			}
		}
	}
	return nil
}
