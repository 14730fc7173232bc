package process_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/deferlint/deferlint/internal/process"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

const src = `package main

func main() {
	mark(1) // main runs once
	if len(args()) > 1 {
		mark(2) // in any block
	}
	for range 3 {
		mark(3) // a loop repeats it
	}
	once()
	go func() {
		mark(4) // a goroutine runs beside the program
	}()
	twice()
	twice()
	inLoop()
	handler := used
	handler()
}

func once() {
	mark(5) // one call site, from code that runs once
}

func twice() {
	mark(6) // two call sites
}

func inLoop() {
	mark(7) // called once, outside a loop, but it loops itself below
	for range 2 {
		helper()
	}
}

func helper() {
	mark(8) // called in a loop
}

func used() {
	mark(9) // used as a value
}

func init() {
	mark(10) // init runs once
}

func args() []string { return nil }

func mark(int) {}
`

func TestRuns(t *testing.T) {
	want := map[string]bool{"1": true, "2": true, "3": false, "4": false, "5": true, "6": false, "7": true, "8": false, "9": false, "10": true}
	checkMarks(t, "main", src, want)
}

// cobraSrc is a stub of github.com/spf13/cobra.
const cobraSrc = `package cobra

type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	RunE func(cmd *Command, args []string) error
}

func (c *Command) Execute() error { return nil }

func (c *Command) SetArgs(args []string) {}
`

// commandsSrc builds its commands outside package main, as cobra-cli lays out a
// program (measurement 14: syft's commands package).
const commandsSrc = `package commands

import "github.com/spf13/cobra"

func New() *cobra.Command {
	return &cobra.Command{
		RunE: func(cmd *cobra.Command, args []string) error {
			mark(1) // the process executes one command line, which runs one command
			write(args[0])
			for range args {
				mark(2) // a loop in the action repeats it
			}
			return nil
		},
	}
}

func write(string) {
	mark(3) // called once, from an action
}

func Cat() *cobra.Command {
	return &cobra.Command{Run: cat}
}

func cat(*cobra.Command, []string) {
	mark(4) // the action itself, named
}

func Execute() error {
	return New().Execute() // once per call: no shell here
}

func mark(int) {}
`

// shellSrc executes a command line per line read: its actions repeat.
const shellSrc = `package shell

import "github.com/spf13/cobra"

var root = &cobra.Command{
	RunE: func(cmd *cobra.Command, args []string) error {
		mark(1) // runs once per line
		return nil
	},
}

func Loop(lines [][]string) {
	for _, line := range lines {
		root.SetArgs(line)
		root.Execute()
	}
}

func mark(int) {}
`

// botSrc executes a command line per message, from a callback.
const botSrc = `package bot

import "github.com/spf13/cobra"

var root = &cobra.Command{
	Run: func(cmd *cobra.Command, args []string) {
		mark(1) // runs once per message
	},
}

func Serve(on func(handle func(args []string))) {
	on(func(args []string) {
		root.SetArgs(args)
		root.Execute()
	})
}

func mark(int) {}
`

func TestCommandActions(t *testing.T) {
	checkMarks(t, "commands", commandsSrc, map[string]bool{"1": true, "2": false, "3": true, "4": true})
	checkMarks(t, "shell", shellSrc, map[string]bool{"1": false})
	checkMarks(t, "bot", botSrc, map[string]bool{"1": false})
}

// stubImporter imports github.com/spf13/cobra from cobraSrc, and the rest as
// the default importer does.
type stubImporter struct{ fset *token.FileSet }

func (s stubImporter) Import(path string) (*types.Package, error) {
	if path != "github.com/spf13/cobra" {
		return importer.Default().Import(path)
	}
	file, err := parser.ParseFile(s.fset, "cobra.go", cobraSrc, 0)
	if err != nil {
		return nil, err
	}
	return (&types.Config{}).Check(path, s.fset, []*ast.File{file}, nil)
}

// checkMarks type-checks source, a package at path, and checks that each
// mark(N) in it runs once exactly when want[N] says so.
func checkMarks(t *testing.T, path, source string, want map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path+".go", source, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Types:      map[ast.Expr]types.TypeAndValue{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: stubImporter{fset}}).Check(path, fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info}
	in := inspector.New([]*ast.File{file})
	once := process.NewOnce(pass, in)
	seen := 0
	for cur := range in.Root().Preorder((*ast.ExprStmt)(nil)) {
		call, ok := cur.Node().(*ast.ExprStmt).X.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok {
			continue
		}
		seen++
		if got := once.Runs(cur); got != want[lit.Value] {
			t.Errorf("%s: mark(%s): Runs = %v, want %v", path, lit.Value, got, want[lit.Value])
		}
	}
	if seen != len(want) {
		t.Errorf("%s: saw %d marks, want %d", path, seen, len(want))
	}
}
