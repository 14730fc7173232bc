package resources

import (
	"go/ast"
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// HeadResponse reports whether call, made in the function body body, returns
// the response to a HEAD request: http.Head, Client.Head, or Client.Do or
// Transport.RoundTrip sending a request built for HEAD (see sendsHead). Such a
// response has no body (net/http gives it http.NoBody) and the transport hands
// its connection back to the pool before returning it: its Body.Close does
// nothing. The catalogue leaves Head out as an acquirer for the same reason.
func HeadResponse(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	if knowledge.IsFunc(fn, "net/http", "Head") || knowledge.IsMethod(fn, "net/http", "Client", "Head") {
		return true
	}
	return sendsHeadIn(info, body, fn, call)
}
