package knowledge

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// exits end the process at once, without running deferred calls.
var exits = NewFuncs("os.Exit", "syscall.Exit")

// Exits reports whether fn ends the process at once (os.Exit, syscall.Exit).
func Exits(fn *types.Func) bool { return exits.Has(fn) }

// CrashNames are the names Go's loggers give to the functions and methods that
// log and then end the process (Fatal) or panic (Panic): the standard library's
// log, logrus, zap, klog, glog and most in-house loggers follow them.
var CrashNames = []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}

// IsCrashName reports whether name is one of CrashNames.
func IsCrashName(name string) bool { return slices.Contains(CrashNames, name) }

// testStops are the methods of testing's T, B, F (their common type) and TB
// that end the test's goroutine.
var testStops = []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"}

// StopsTest reports whether fn is one of the methods of package testing that end
// the test's goroutine (t.Fatal, t.FailNow, t.Skip and the like): declared on the
// type behind *testing.T, B and F, or on the interface testing.TB.
func StopsTest(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "testing" && fn.Signature().Recv() != nil &&
		slices.Contains(testStops, fn.Name())
}

// neverReturn are the functions and methods besides exits that never return to
// their caller: they end the goroutine (runtime.Goexit, a test's t.Fatal) or
// panic (log.Panic).
var neverReturn = func() Funcs {
	fs := NewFuncs("runtime.Goexit")
	for _, name := range CrashNames {
		fs.add("log." + name)
		fs.add("(*log.Logger)." + name)
	}
	for _, name := range testStops {
		fs.add("(*testing.common)." + name)
	}
	return fs
}()

// NeverReturns reports whether a call of fn never returns to its caller: fn ends
// the process (os.Exit, log.Fatal), the goroutine (runtime.Goexit, t.Fatal on
// *testing.T, B or F) or panics (log.Panic). Methods called through the
// interface testing.TB are not included: see StopsTest.
func NeverReturns(fn *types.Func) bool { return exits.Has(fn) || neverReturn.Has(fn) }

// launchers start their function argument in a new goroutine and do not recover
// it. (*sync.WaitGroup).Go recovers only to re-panic.
var launchers = NewFuncs(
	"(*golang.org/x/sync/errgroup.Group).Go",
	"(*golang.org/x/sync/errgroup.Group).TryGo",
	"(*sync.WaitGroup).Go",
)

// IsLauncher reports whether fn is a well-known launcher: a method that starts
// its function argument in a new goroutine, without recovering it
// ((*errgroup.Group).Go and TryGo, (*sync.WaitGroup).Go).
func IsLauncher(fn *types.Func) bool { return launchers.Has(fn) }

// commandTypes are the command-line frameworks' command types whose function
// fields (actions, hooks) return an error that the framework hands back from its
// Run to main, which reports it and exits: urfave/cli's App and Command, cobra's
// Command.
var commandTypes = map[string][]string{
	"github.com/urfave/cli":    {"App", "Command"},
	"github.com/urfave/cli/v2": {"App", "Command"},
	"github.com/urfave/cli/v3": {"Command"},
	"github.com/spf13/cobra":   {"Command"},
}

// CommandField reports whether the expression at c is the value of a field of a
// command-line framework's command: in the command's literal (cli.Command{Action:
// send}, &cobra.Command{RunE: func(...) error {...}}), or assigned to the field of
// a command (rootCmd.PersistentPostRunE = func(...) error {...}, gopherjs's
// profile hooks, measurement 45); and names the field ("" when a literal's key is
// not a plain name).
func CommandField(info *types.Info, c inspector.Cursor) (field string, ok bool) {
	owner, field, ok := FieldValue(info, c)
	if !ok || !IsCommandType(owner) {
		return "", false
	}
	return field, true
}

// FieldValue reports whether the expression at c is the value given to a field
// of a struct: a key's value in a composite literal (T{F: c}), or the right side
// of a plain assignment to a field (x.F = c). It returns the struct's type as
// written (the literal's type, or the type the selector selects from, pointers
// included) and the field's name ("" when a literal's key is not a plain name).
func FieldValue(info *types.Info, c inspector.Cursor) (owner types.Type, field string, ok bool) {
	switch parent := c.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		lit, isLit := c.Parent().Parent().Node().(*ast.CompositeLit)
		if parent.Value != c.Node() || !isLit {
			return nil, "", false
		}
		if key, isIdent := parent.Key.(*ast.Ident); isIdent {
			field = key.Name
		}
		return info.TypeOf(lit), field, true
	case *ast.AssignStmt:
		if parent.Tok != token.ASSIGN || len(parent.Lhs) != len(parent.Rhs) {
			return nil, "", false
		}
		i := slices.IndexFunc(parent.Rhs, func(rhs ast.Expr) bool { return rhs == c.Node() })
		if i < 0 {
			return nil, "", false
		}
		sel, isSel := ast.Unparen(parent.Lhs[i]).(*ast.SelectorExpr)
		if !isSel {
			return nil, "", false
		}
		s, isField := info.Selections[sel]
		if !isField || s.Kind() != types.FieldVal {
			return nil, "", false
		}
		return s.Recv(), sel.Sel.Name, true
	}
	return nil, "", false
}

// runFields are the fields of a command that hold what the framework runs when
// the command line selects it: cobra's Run and its hooks, urfave/cli's Action
// and its hooks. The framework runs one command per execution.
var runFields = []string{
	"Run", "RunE", "PreRun", "PreRunE", "PostRun", "PostRunE",
	"PersistentPreRun", "PersistentPreRunE", "PersistentPostRun", "PersistentPostRunE",
	"Action", "Before", "After",
}

// IsRunField reports whether field, of a command type, holds a function the
// framework runs when the command is selected (see runFields).
func IsRunField(field string) bool { return slices.Contains(runFields, field) }

// executors are the methods that execute a command line: each call parses the
// arguments, selects one command and runs its hooks and action once (cobra's
// Execute family, urfave/cli's App.Run and v3's Command.Run).
var executors = NewFuncs(
	"(*github.com/spf13/cobra.Command).Execute",
	"(*github.com/spf13/cobra.Command).ExecuteC",
	"(*github.com/spf13/cobra.Command).ExecuteContext",
	"(*github.com/spf13/cobra.Command).ExecuteContextC",
	"(*github.com/urfave/cli.App).Run",
	"(*github.com/urfave/cli.App).RunContext",
	"(*github.com/urfave/cli.App).RunAndExitOnError",
	"(*github.com/urfave/cli/v2.App).Run",
	"(*github.com/urfave/cli/v2.App).RunContext",
	"(*github.com/urfave/cli/v3.Command).Run",
	// argp's Parse runs the selected command's Run once and exits the process.
	"(*github.com/tdewolff/argp.Argp).Parse",
	// kong's Context.Run runs the selected command's Run methods once.
	"(*github.com/alecthomas/kong.Context).Run",
	"(*github.com/alecthomas/kong.Context).RunNode",
)

// commandRegistrars take a command value whose method, named by the table, is
// the command's action, run once per execution of a command line:
//
//   - argp.NewCmd(cmd, ...) and (*Argp).AddCmd(cmd, ...) take an argp.Cmd (an
//     interface with Run() error), and Parse calls the selected command's Run
//     once, then calls os.Exit (argp.go's Parse).
//   - kong.Parse, kong.New and kong.Must take the grammar, a struct whose
//     fields tagged cmd (or arg, a branching argument) are the commands, nested
//     the same way (build.go's buildNode); (*Context).Run calls the Run method
//     of the selected command and of each node above it, once each
//     (context.go's RunNode). So the registered value's type and those of its
//     command fields, recursively, have their Run as an action (nested).
var commandRegistrars = func() map[string]Registrar {
	m := make(map[string]Registrar)
	for name, r := range map[string]Registrar{
		"github.com/tdewolff/argp.NewCmd":         {0, "Run", false},
		"(*github.com/tdewolff/argp.Argp).AddCmd": {0, "Run", false},
		"github.com/alecthomas/kong.Parse":        {0, "Run", true},
		"github.com/alecthomas/kong.New":          {0, "Run", true},
		"github.com/alecthomas/kong.Must":         {0, "Run", true},
	} {
		m[NameKey(name)] = r
	}
	return m
}()

// A Registrar says how a command-line framework's function takes a command
// value (see commandRegistrars).
type Registrar struct {
	Arg    int    // the argument that is the command value
	Method string // the method of its type that is the command's action
	Nested bool   // the value's fields tagged cmd or arg are commands too, recursively (kong)
}

// CommandRegistrar reports whether fn registers a command value, and how (see
// commandRegistrars).
func CommandRegistrar(fn *types.Func) (Registrar, bool) {
	if fn == nil {
		return Registrar{}, false
	}
	r, ok := commandRegistrars[Key(fn.Origin())]
	return r, ok
}

// IsCommandExecutor reports whether fn executes a command line, running the
// selected command's hooks and action once per call (see executors).
func IsCommandExecutor(fn *types.Func) bool { return executors.Has(fn) }

// IsCommandType reports whether t (or what it points to) is a command type of a
// command-line framework (see commandTypes).
func IsCommandType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	for path, names := range commandTypes {
		if IsType(t, path, names...) {
			return true
		}
	}
	return false
}

// closingNexts are the Next methods that close their rows when they return false,
// with the import path and type each is declared on.
var closingNexts = []struct{ path, typ string }{
	// Rows.Next closes the rows at the end of the last result set and when a
	// read fails (nextLocked's doClose); when the context is done it returns
	// false and awaitDone closes them. A later result set keeps them open: see
	// NextClosesRows.
	{"database/sql", "Rows"},
	// pgx documents it on the interface: "It automatically closes rows upon
	// returning false" (v5), "when all rows are read" (v4, whose connRows.Next
	// closes on a read error too).
	{"github.com/jackc/pgx/v4", "Rows"},
	{"github.com/jackc/pgx/v5", "Rows"},
}

// NextClosesRows reports whether fn is a Next method of a query's rows that
// closes them when it returns false, at their end or on an error: a loop for
// rows.Next() { ... } that runs until its condition fails has released the rows
// (their connection is back in the pool), and a Close deferred or called after it
// has nothing left to do. For database/sql, only while the query has no further
// result set: rows that go on with NextResultSet stay open until Close.
func NextClosesRows(fn types.Object) bool {
	for _, n := range closingNexts {
		if IsMethod(fn, n.path, n.typ, "Next") {
			return true
		}
	}
	return false
}
