package unclosed

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/resources"
)

// wrapperReturns returns the lines, sorted, of the leaking returns that hand the
// caller a writer built over v by one of the catalogue's writer acquirers
// (return gzip.NewWriter(f), nil). The standard library documents that the Close
// of those writers (gzip, zlib, flate, zip) flushes and writes the trailer, and
// does not close the writer underneath: the caller who closes what it was given
// still leaks v. Closing v on that path, the usual advice, would break the writer
// just returned; the fix is to return a value whose Close closes v too. all
// reports whether every leaking return is one of them.
func wrapperReturns(fset *token.FileSet, t *resources.Tracker, info *types.Info, v *types.Var, leaks []*ast.ReturnStmt) (lines []int, all bool) {
	leaking := map[int]bool{}
	for _, ret := range leaks {
		leaking[fset.Position(ret.Pos()).Line] = true
		for _, res := range ret.Results {
			call, ok := ast.Unparen(res).(*ast.CallExpr)
			if !ok || !wrapsInWriter(t, info, call, v) {
				continue
			}
			if line := fset.Position(ret.Pos()).Line; !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
		}
	}
	slices.Sort(lines)
	return lines, len(lines) == len(leaking)
}

// wrapsInWriter reports whether call builds a catalogue writer (a kind whose
// Close only flushes, Kind.Writer) over v, passed as one of its arguments.
func wrapsInWriter(t *resources.Tracker, info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	src := t.Acquires(call)
	if src == nil || !src.Kind.Writer {
		return false
	}
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v {
			return true
		}
	}
	return false
}

// wrapperAdvice says how to release a resource of kind k held in v on the
// returns at lines, which hand the caller a writer over it whose Close does not
// close it. others is the advice for the remaining leaking paths, or "" when
// every leaking path is such a return.
func wrapperAdvice(k *resources.Kind, v string, lines []int, others string) string {
	where, verb := fmt.Sprintf("line %d", lines[0]), "returns"
	if len(lines) > 1 {
		where, verb = "lines "+obligation.JoinLines(lines), "return"
	}
	rest := fmt.Sprintf("a writer over %s whose Close does not close %s (closing %s there would break that writer): return instead a value whose Close also calls %s, for example a struct embedding the writer with a Close that closes both",
		v, v, v, k.ReleaseCall(v))
	if others == "" {
		return where + " " + verb + " " + rest
	}
	return others + ", except at " + where + ", which " + verb + " " + rest
}
