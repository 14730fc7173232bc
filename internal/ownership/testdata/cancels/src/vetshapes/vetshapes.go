package vetshapes // want package:"analyzed, acquiring"

// A cancel function returned through named results (a shape of go vet's
// lostcancel tests).

import "context"

var parent = context.Background()

// namedResults returns cancel by a bare return.
func namedResults() (ctx context.Context, cancel func()) { // want namedResults:`^fresh cancel in result 1$`
	ctx, cancel = context.WithCancel(parent)
	return
}
