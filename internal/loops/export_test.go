package loops

import (
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// CountFixedByCallers is ConstantCount reading the loop's limit as SmallConstant
// does, through the calls that fix a parameter (see callerConstant), so that the
// tests can check the counts it finds.
func CountFixedByCallers(info *types.Info, loop inspector.Cursor) (int64, bool) {
	return count(info, loop, constantValue)
}
