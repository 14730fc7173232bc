package resources

import (
	"go/ast"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// FailedReadOf returns the reader whose failed Read alone makes call fail, or
// nil: the argument of io.ReadAll (ioutil.ReadAll) or of a bytes.Buffer's
// ReadFrom, which write to no writer that could fail, seen through the readers
// that return their underlying reader's errors unchanged and add none of
// their own: io.LimitReader (at its limit it returns io.EOF, which ReadAll and
// ReadFrom take as the end, not as a failure), bufio.NewReader and
// NewReaderSize. A failure of io.ReadAll(io.LimitReader(resp.Body, n)) is a
// failed read of the body, after which net/http has closed the connection (see
// readsToEOF), though its success leaves the rest of the body unread.
// io.TeeReader also returns its writer's errors, and io.Copy its writer's: a
// failure there may leave the body unread and open, so neither is seen
// through.
func (t *Tracker) FailedReadOf(call *ast.CallExpr) ast.Expr {
	fn := typeutil.Callee(t.Pass.TypesInfo, call)
	if len(call.Args) != 1 || !(knowledge.IsFunc(fn, "io", "ReadAll") || knowledge.IsFunc(fn, "io/ioutil", "ReadAll") || knowledge.IsMethod(fn, "bytes", "Buffer", "ReadFrom")) {
		return nil
	}
	r := ast.Unparen(call.Args[0])
	for {
		inner, ok := r.(*ast.CallExpr)
		if !ok || len(inner.Args) == 0 || !t.passesErrors(inner) {
			return r
		}
		r = ast.Unparen(inner.Args[0])
	}
}

// passesErrors reports whether call returns a reader over its first argument
// whose every error is one of that reader's (see FailedReadOf).
func (t *Tracker) passesErrors(call *ast.CallExpr) bool {
	fn := typeutil.Callee(t.Pass.TypesInfo, call)
	return knowledge.IsFunc(fn, "io", "LimitReader") || knowledge.IsFunc(fn, "bufio", "NewReader", "NewReaderSize")
}
