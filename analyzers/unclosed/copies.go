package unclosed

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/loops"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/ast/inspector"
)

// followCopies returns uses, the uses of a resource's variable in body, with
// each use that copies the resource into a local variable of body (see
// localCopy) replaced by that variable's own uses: the copy is another name for
// the resource, held by the same function, and what becomes of the resource is
// what the function does with either name (var r io.Reader = tr; if checksum ==
// nil { f, _ := os.CreateTemp(...); ...; r = f }; write(r): nothing closes f,
// and write only reads it; measurement 36: go-apk's installer, where the copy
// was taken for a new owner, the leak understated and its fix forbidden). The
// copy's own assignments are not uses of the resource, and a copy of a copy is
// followed in turn. Uses of the copy that hold another of its values (before
// the resource was copied into it, or after it was given another) count too:
// they can only find the resource released or handed on where it is not, which
// makes the analyzer quieter, never louder. The result is in source order.
func followCopies(t *resources.Tracker, body *ast.BlockStmt, k *resources.Kind, uses []resources.Use) []resources.Use {
	info := t.Pass.TypesInfo
	var targets map[*ast.Ident]bool // built on first need
	seen := make(map[*types.Var]bool)
	var follow func(uses []resources.Use) []resources.Use
	follow = func(uses []resources.Use) []resources.Use {
		var out []resources.Use
		for _, u := range uses {
			copyVar := localCopy(info, body, u)
			if copyVar == nil || seen[copyVar] {
				out = append(out, u)
				continue
			}
			seen[copyVar] = true
			if targets == nil {
				targets = assignmentTargets(body)
			}
			var own []resources.Use
			for _, cu := range t.Uses(body, copyVar, k) {
				if !targets[cu.Ident] {
					own = append(own, cu)
				}
			}
			out = append(out, follow(own)...)
		}
		return out
	}
	out := follow(uses)
	if len(seen) > 0 {
		slices.SortStableFunc(out, func(a, b resources.Use) int { return int(a.Ident.Pos() - b.Ident.Pos()) })
	}
	return out
}

// localCopy returns the variable that use u copies the resource into, when that
// is a plain local variable of body: u is the whole right-hand side of one
// assignment or declaration of one variable (r = f, rc := f, var r io.Reader =
// f), the variable is declared in body (not a parameter, a result, a captured or
// a package variable, which outlive or leave the function) and nothing takes its
// address (through which others could take the resource). Otherwise nil: the
// use hands the resource on, or is not a copy.
func localCopy(info *types.Info, body *ast.BlockStmt, u resources.Use) *types.Var {
	if u.Effect != resources.Move {
		return nil
	}
	var copyVar *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if copyVar != nil {
			return false
		}
		lhs, rhs, ok := flow.Sides(n)
		if !ok || len(lhs) != 1 || len(rhs) != 1 || ast.Unparen(rhs[0]) != u.Ident {
			return true
		}
		id, ok := lhs[0].(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && v.Pos() >= body.Pos() && v.Pos() < body.End() && !flow.AddressTaken(info, body, v) {
			copyVar = v
		}
		return false
	})
	return copyVar
}

// assignmentTargets returns the identifiers that assignments in body assign to
// (r in r = f): where a copy is given a value, not where it is used.
func assignmentTargets(body *ast.BlockStmt) map[*ast.Ident]bool {
	targets := make(map[*ast.Ident]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					targets[id] = true
				}
			}
		}
		return true
	})
	return targets
}

// mayFollow reports whether the code at pos may run after the acquiring
// statement stmt at cur: it comes later in the function's text, or a loop
// around the acquisition holds it, or the function jumps with goto. A use of the
// same variable before the acquisition, outside its loops, belongs to an earlier
// value (uf, err := os.Open(name); if err == nil { return uf, nil }; ...; uf, err
// = os.Create(name): the return hands on the opened file, not the created one;
// measurement 36: go-apk's PackageData), and the advice must not name it.
func mayFollow(cur inspector.Cursor, body *ast.BlockStmt, stmt ast.Node, pos token.Pos) bool {
	if pos >= stmt.End() || flow.HasGoto(body) {
		return true
	}
	for _, loop := range loops.Enclosing(cur) {
		if loop.Pos() <= pos && pos < loop.End() {
			return true
		}
	}
	return false
}
