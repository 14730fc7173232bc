package resources

import (
	"go/ast"
	"go/types"
	"slices"
)

// cmdStdio are the fields of os/exec.Cmd that take a caller's file as is.
var cmdStdio = []string{"Stdin", "Stdout", "Stderr"}

// cmdExtraFiles is the field of os/exec.Cmd that takes a slice of a caller's
// files as they are: os/exec duplicates them into the child and never closes
// them (the caller's copy is the caller's to close, as for Stdin and the rest).
var cmdExtraFiles = []string{"ExtraFiles"}

// lentToLocalCmd reports whether lhs, the target that an assignment stores a
// resource in, is one of fields (Stdin, Stdout or Stderr; or ExtraFiles, for the
// slice that holds it: see lentInExtraFiles) of an os/exec.Cmd held in a
// local variable of root that stays in the function (see cmdStaysLocal). Such a
// store lends the file to the command and hands nothing on: os/exec closes only
// the descriptors it makes itself (childIOFiles and parentIOPipes hold the
// pipes and the /dev/null it opens), and uses a caller's *os.File as is, never
// closing it (childIOFiles holds only files "not supplied by the caller"). The caller still
// owns the file and must close it, and a deferred Close is right: after Wait the
// child has exited and the parent's copy is the caller's to close (measurement
// 21: Vitess's mysqld.go gives two temporary files to commands as their Stderr).
// A Cmd that leaves the function may be run and waited for elsewhere, after the
// function returns: there a store stays a hand-on.
func (t *Tracker) lentToLocalCmd(root ast.Node, lhs ast.Expr, fields []string) bool {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || !slices.Contains(fields, sel.Sel.Name) {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || !isExecCmd(t.Pass.TypesInfo.TypeOf(id)) {
		return false
	}
	v, ok := t.Pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pos() < root.Pos() || v.Pos() >= root.End() {
		return false // a parameter, a captured or a package variable: others hold the Cmd
	}
	return t.cmdStaysLocal(root, v)
}

// isExecCmd reports whether typ is os/exec.Cmd or a pointer to it.
func isExecCmd(typ types.Type) bool {
	if p, ok := types.Unalias(typ).(*types.Pointer); ok {
		typ = p.Elem()
	}
	named, ok := types.Unalias(typ).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "os/exec" && obj.Name() == "Cmd"
}

// cmdStaysLocal reports whether no use of the local Cmd variable v in root lets
// another holder keep it: each use is neutral for the tracker (a method call such
// as Start, Run or Wait, a field read or store, an argument to a function that
// keeps nothing), or v being assigned. Returned, stored, sent, captured by a go
// statement or passed to code that may keep it, the Cmd leaves the function.
func (t *Tracker) cmdStaysLocal(root ast.Node, v *types.Var) bool {
	for _, u := range t.Uses(root, v, nil) {
		if u.Effect != Move || t.assignedAt(root, u.Ident) {
			continue
		}
		return false
	}
	return true
}

// assignedAt reports whether id is on the left of an assignment in root
// (cmd = exec.Command(...)): a new value for the variable, not a use of the old.
func (t *Tracker) assignedAt(root ast.Node, id *ast.Ident) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		if as, ok := n.(*ast.AssignStmt); ok && slices.ContainsFunc(as.Lhs, func(e ast.Expr) bool { return ast.Unparen(e) == id }) {
			found = true
		}
		return true
	})
	return found
}

// assignedExpr returns the target that the assignment as stores e in, or nil.
func assignedExpr(as *ast.AssignStmt, e ast.Expr) ast.Expr {
	if len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	if j := slices.Index(as.Rhs, e); j >= 0 {
		return as.Lhs[j]
	}
	return nil
}

// lentInExtraFiles reports whether the slice expression at stack[i], which holds
// a resource as an element ([]*os.File{f}) or appends it (append(cmd.ExtraFiles,
// f)), is stored in the ExtraFiles field of a local Cmd that stays in the
// function: the file is lent to the child, not handed on (see cmdExtraFiles).
func (t *Tracker) lentInExtraFiles(stack []ast.Node, i int) bool {
	if i < 1 {
		return false
	}
	as, ok := stack[i-1].(*ast.AssignStmt)
	if !ok {
		return false
	}
	lhs := assignedExpr(as, stack[i].(ast.Expr))
	return lhs != nil && t.lentToLocalCmd(stack[0], lhs, cmdExtraFiles)
}
