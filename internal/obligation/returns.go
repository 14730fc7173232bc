package obligation

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// ReturnsPhrase names, for a message, the returns that paths reach still holding
// an obligation: first (the one found first) and all the others, in line order,
// as "the return at line 12", "the returns at lines 12 and 15" or "the end of the
// function at line 20" (the closing brace of body, which an implicit return
// falls off). Every leaking return is named, since the first in the source need
// not be the one that happens (a Stat failure before a size limit). It also
// returns "path" or "paths" to agree.
func ReturnsPhrase(fset *token.FileSet, body *ast.BlockStmt, first *ast.ReturnStmt, all []*ast.ReturnStmt) (string, string) {
	var returns, end []int
	seen := map[int]bool{}
	for _, r := range append([]*ast.ReturnStmt{first}, all...) {
		line := fset.Position(r.Pos()).Line
		if seen[line] {
			continue
		}
		seen[line] = true
		if r.Results == nil && r.Return == body.Rbrace {
			end = append(end, line)
		} else {
			returns = append(returns, line)
		}
	}
	slices.Sort(returns)
	var parts []string
	switch len(returns) {
	case 0:
	case 1:
		parts = append(parts, fmt.Sprintf("the return at line %d", returns[0]))
	default:
		parts = append(parts, "the returns at lines "+JoinLines(returns))
	}
	for _, l := range end {
		parts = append(parts, fmt.Sprintf("the end of the function at line %d", l))
	}
	paths := "path"
	if len(seen) > 1 {
		paths = "paths"
	}
	return strings.Join(parts, " and "), paths
}

// JoinLines writes line numbers as a list: 3, 5 and 9.
func JoinLines(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = strconv.Itoa(l)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
