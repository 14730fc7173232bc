package suppress

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A //nolint:staticcheck that names none of staticcheck's checks silences all of
// them on its line, so what it silences depends on what staticcheck reports
// there. Where staticcheck reports a defer in a loop (SA9001 or SA5003, of
// deferloop's class) on the directive's line or the line below, the project has
// seen that report and decided (helmfile's secret decryption workers, measurement
// 41: // nolint: staticcheck above a defer in a range over a channel), and
// deferloop's report on that defer is silenced. On any other line the directive
// silenced something else, and deferlint reports as before.

// staticcheckDeferLines returns the lines of the package's defer statements that
// staticcheck 0.8 reports as defers in loops, by its own tests:
//   - SA9001: a defer in the body of a range loop over a channel (outside function
//     literals), unless the body returns, or the last branch statement the walk of
//     the body meets is a break;
//   - SA5003: a defer in the body of a for loop without condition (outside
//     function literals), unless the body returns or breaks.
func staticcheckDeferLines(pass *analysis.Pass) map[fileLine]bool {
	lines := make(map[fileLine]bool)
	add := func(defers []*ast.DeferStmt) {
		for _, d := range defers {
			posn := pass.Fset.PositionFor(d.Pos(), false)
			lines[fileLine{posn.Filename, posn.Line}] = true
		}
	}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch loop := n.(type) {
			case *ast.RangeStmt:
				if overChannel(pass.TypesInfo, loop.X) {
					if defers, exits := loopDefers(loop.Body, true); !exits {
						add(defers)
					}
				}
			case *ast.ForStmt:
				if loop.Cond == nil {
					if defers, exits := loopDefers(loop.Body, false); !exits {
						add(defers)
					}
				}
			}
			return true
		})
	}
	return lines
}

// overChannel reports whether the range expression x is a channel. (staticcheck
// also takes a type parameter whose core type is a channel; that rare loop is left
// to deferloop's report.)
func overChannel(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// loopDefers returns the defers of a loop's body outside function literals, and
// whether staticcheck reads the body as one that exits. Both checks count any
// return; SA5003 counts any break, while SA9001 (lastBranchDecides) lets each
// branch statement it meets overwrite the answer, so only a break met last counts.
func loopDefers(body *ast.BlockStmt, lastBranchDecides bool) (defers []*ast.DeferStmt, exits bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.DeferStmt:
			defers = append(defers, s)
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			exits = true
		case *ast.BranchStmt:
			if lastBranchDecides {
				exits = s.Tok == token.BREAK
			} else {
				exits = exits || s.Tok == token.BREAK
			}
		}
		return true
	})
	return defers, exits
}
