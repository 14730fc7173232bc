package process_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
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
		mark(4) // a goroutine started once runs once
	}()
	twice()
	twice()
	inLoop()
	handler := used
	handler()
	mixed()
	for range 2 {
		mixed()
	}
	recursive(len(args()))
	recursive(len(args()) + 1)
	withGo()
	go withGo()
	for range 2 {
		go func() {
			mark(14) // a go statement in a loop starts a goroutine per iteration
		}()
	}
	go func() {
		for {
			mark(15) // a goroutine started once repeats its own loop
		}
	}()
}

func once() {
	mark(5) // one call site, from code that runs once
}

func twice() {
	mark(6) // two call sites, both in code that runs once: twice, a fixed number
}

func mixed() {
	mark(11) // one call site runs once, the other in a loop
}

func recursive(n int) {
	mark(12) // two call sites in main, but it calls itself: no fixed count
	if n > 0 {
		recursive(n - 1)
	}
}

func withGo() {
	mark(13) // a plain call and a go statement, each once: twice, a fixed number
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
	want := map[string]bool{"1": true, "2": true, "3": false, "4": true, "5": true, "6": true, "7": true, "8": false, "9": false, "10": true, "11": false, "12": false, "13": true, "14": false, "15": false}
	checkMarks(t, "main", src, want)
}

// cobraSrc is a stub of github.com/spf13/cobra.
const cobraSrc = `package cobra

type Command struct {
	Use                string
	Run                func(cmd *Command, args []string)
	RunE               func(cmd *Command, args []string) error
	PersistentPostRunE func(cmd *Command, args []string) error
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

// Profiled assigns a hook to the command's field, as gopherjs does for its
// profiles (measurement 45).
func Profiled() *cobra.Command {
	root := &cobra.Command{}
	root.PersistentPostRunE = func(cmd *cobra.Command, args []string) error {
		mark(5) // a hook assigned to a command's field: the framework runs it once
		return nil
	}
	var h hooks
	h.RunE = func(cmd *cobra.Command, args []string) error {
		mark(6) // a field of the package's own type: anyone may call it
		return nil
	}
	h.run()
	return root
}

type hooks struct {
	RunE func(cmd *cobra.Command, args []string) error
}

func (h hooks) run() {}

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

// onceSrc runs literals under sync.Once values.
const onceSrc = `package lazy

import "sync"

var initOnce sync.Once

type monitor struct{ once sync.Once }

func NewMonitor() {
	initOnce.Do(func() {
		mark(1) // a package-level sync.Once: once per process
		prepare()
	})
	(&initOnce).Do(func() {
		mark(2) // the same Once, through its address
	})
	initOnce.Do(func() {
		go func() {
			mark(6) // a goroutine the Once starts: once per process (rethinkdb-go's connection counter)
		}()
	})
}

func prepare() {
	mark(3) // called only from a literal that runs once
}

func init() {
	start(&monitor{}) // start itself runs once: only the Once decides
}

func start(m *monitor) {
	m.once.Do(func() {
		mark(4) // a field: once per monitor, and there may be many
	})
	var local sync.Once
	local.Do(func() {
		mark(5) // a local Once: once per call
	})
}

func mark(int) {}
`

func TestPackageOnce(t *testing.T) {
	want := map[string]bool{"1": true, "2": true, "3": true, "4": false, "5": false, "6": true}
	checkMarks(t, "lazy", onceSrc, want)
}

func TestCommandActions(t *testing.T) {
	checkMarks(t, "commands", commandsSrc, map[string]bool{"1": true, "2": false, "3": true, "4": true, "5": true, "6": false})
	checkMarks(t, "shell", shellSrc, map[string]bool{"1": false})
	checkMarks(t, "bot", botSrc, map[string]bool{"1": false})
}

// factorySrc builds its commands' actions with a factory (measurement 24: act's
// RunE: newRunCommand(ctx, input), which returns the action as a literal).
const factorySrc = `package commands

import "github.com/spf13/cobra"

func New(input string) *cobra.Command {
	return &cobra.Command{RunE: newRunCommand(input)}
}

func Sub() *cobra.Command {
	return &cobra.Command{RunE: newRunCommand("sub")} // a second command: one of the two runs
}

func Table(names []string) []*cobra.Command {
	var cmds []*cobra.Command
	for _, name := range names {
		cmds = append(cmds, &cobra.Command{Run: newPrint(name)}) // one command per name, of which one runs
	}
	return cmds
}

func newRunCommand(input string) func(*cobra.Command, []string) error {
	if input == "" {
		return func(*cobra.Command, []string) error {
			mark(1) // another literal it returns: the action when input is empty
			return nil
		}
	}
	return func(cmd *cobra.Command, args []string) error {
		mark(2) // the act shape: the action the factory builds, once per process
		write()
		for range args {
			mark(3) // a loop in the action repeats it
		}
		wrap := func() func() {
			return func() {
				mark(4) // returned by a literal, not by the factory
			}
		}
		wrap()()
		return nil
	}
}

func newPrint(name string) func(*cobra.Command, []string) {
	return func(*cobra.Command, []string) {
		mark(5) // the action of whichever command of the table runs
	}
}

func write() {
	mark(6) // called once, from an action a factory built
}

func mark(int) {}
`

// factoryReuseSrc has factories whose result does not only become an action:
// called again in a loop, stored, or exported outside a command's packages.
const factoryReuseSrc = `package commands

import "github.com/spf13/cobra"

var root = &cobra.Command{RunE: newRetry()}

func Retry(args []string) {
	for range 3 {
		newRetry()(root, args) // the factory called in a loop: its literal runs per round
	}
}

func newRetry() func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		mark(1) // an action, but also what Retry calls three times
		return nil
	}
}

var hook = newStored()

var stored = &cobra.Command{RunE: newStored()}

func newStored() func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		mark(2) // also stored in hook, which anyone may call
		return nil
	}
}

var exported = &cobra.Command{RunE: NewRun()}

func NewRun() func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		mark(3) // exported outside a command's packages: other packages may call it again
		return nil
	}
}

func mark(int) {}
`

// factoryShellSrc executes a command line per line read: the action a factory
// builds repeats.
const factoryShellSrc = `package shell

import "github.com/spf13/cobra"

var root = &cobra.Command{RunE: newRun()}

func newRun() func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		mark(1) // runs once per line
		return nil
	}
}

func Loop(lines [][]string) {
	for _, line := range lines {
		root.SetArgs(line)
		root.Execute()
	}
}

func mark(int) {}
`

func TestFactoryActions(t *testing.T) {
	checkMarks(t, "example.com/tool/commands", factorySrc,
		map[string]bool{"1": true, "2": true, "3": false, "4": false, "5": true, "6": true})
	checkMarks(t, "example.com/tool/commands", factoryReuseSrc, map[string]bool{"1": false, "2": false, "3": false})
	// In a command's package, the command alone calls the exported factory.
	checkMarks(t, "example.com/cmd/tool", factoryReuseSrc, map[string]bool{"1": false, "2": false, "3": true})
	checkMarks(t, "example.com/tool/shell", factoryShellSrc, map[string]bool{"1": false})
}

// forkCliSrc is a stub of a fork of urfave/cli v1 under an import path of its
// own, as github.com/minio/cli is: the same types, fields and Run.
const forkCliSrc = `package cli

type Context struct{}

type BeforeFunc func(*Context) error

type Command struct {
	Name   string
	Before BeforeFunc
	Action interface{}
}

type App struct {
	Commands []Command
	Action   interface{}
}

func (a *App) Run(args []string) error { return nil }
`

// forkSrc builds its commands with the fork (measurement 22: mc's
// cli.Command{Action: mainAdminPolicyInfo}, and tofu.go's helper that only the
// alias set action calls).
const forkSrc = `package commands

import "example.com/fork/cli"

var infoCmd = cli.Command{
	Name:   "info",
	Action: mainInfo,
}

var setCmd = cli.Command{
	Name: "set",
	Before: func(*cli.Context) error {
		mark(3) // a hook runs once, with its command
		return nil
	},
	Action: func(*cli.Context) error {
		mark(4) // an action written in place
		fetch()
		for range 2 {
			mark(5) // a loop in the action repeats it
		}
		return nil
	},
}

func mainInfo(*cli.Context) error {
	mark(1) // the fork's action, named: one command runs per process, as in urfave/cli
	return nil
}

func fetch() {
	mark(2) // a helper only an action calls
}

func Main(args []string) error {
	app := &cli.App{Commands: []cli.Command{infoCmd, setCmd}}
	app.Action = func(*cli.Context) error {
		mark(6) // an action assigned to the app's field: the framework runs it once
		return nil
	}
	return app.Run(args) // once per call: no shell here
}

func mark(int) {}
`

// forkShellSrc runs the fork's app once per line read: its actions repeat.
const forkShellSrc = `package shell

import "example.com/fork/cli"

var app = &cli.App{
	Action: func(*cli.Context) error {
		mark(1) // runs once per line
		return nil
	},
	Commands: []cli.Command{{Action: each}},
}

func each(*cli.Context) error {
	mark(2) // runs once per line
	return nil
}

func Loop(lines [][]string) {
	for _, line := range lines {
		app.Run(line)
	}
}

func mark(int) {}
`

// jobsSrc has a Command type of its own, with an Action, in a package not
// named cli: a job queue's command, which it may run any number of times.
const jobsSrc = `package jobs

type Command struct {
	Name   string
	Action func() error
}

var cleanup = Command{
	Action: func() error {
		mark(1) // not a command-line framework's command
		return nil
	},
}

var sweep = Command{Action: sweepAll}

func sweepAll() error {
	mark(2) // its action, named: no framework runs it once
	return nil
}

func mark(int) {}
`

// otherCliSrc is a package named cli whose Command's Action holds no
// function: not urfave/cli's shape.
const otherCliSrc = `package cli

type Command struct {
	Action string
	After  func()
}

var quit = Command{
	Action: "quit",
	After: func() {
		mark(1) // a hook of some other Command type
	},
}

func mark(int) {}
`

func TestForkCommandActions(t *testing.T) {
	checkMarks(t, "example.com/tool/commands", forkSrc, map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": false, "6": true})
	checkMarks(t, "example.com/tool/shell", forkShellSrc, map[string]bool{"1": false, "2": false})
	checkMarks(t, "example.com/tool/jobs", jobsSrc, map[string]bool{"1": false, "2": false})
	checkMarks(t, "example.com/tool/cli", otherCliSrc, map[string]bool{"1": false})
}

// stubImporter imports github.com/spf13/cobra from cobraSrc and
// example.com/fork/cli from forkCliSrc, and the rest as the default importer
// does.
type stubImporter struct{ fset *token.FileSet }

func (s stubImporter) Import(path string) (*types.Package, error) {
	stubs := map[string]string{"github.com/spf13/cobra": cobraSrc, "example.com/fork/cli": forkCliSrc}
	stub, ok := stubs[path]
	if !ok {
		return importer.Default().Import(path)
	}
	file, err := parser.ParseFile(s.fset, path+".go", stub, 0)
	if err != nil {
		return nil, err
	}
	return (&types.Config{}).Check(path, s.fset, []*ast.File{file}, nil)
}

// checkMarks type-checks source, a package at path, and checks that each
// mark(N) in it runs once exactly when want[N] says so.
func checkMarks(t *testing.T, path, source string, want map[string]bool) {
	t.Helper()
	checkMarksIgnoring(t, path, source, nil, want)
}

// checkMarksIgnoring is checkMarks for a package with files that its build
// constraints leave out, by name with their content.
func checkMarksIgnoring(t *testing.T, path, source string, ignored map[string]string, want map[string]bool) {
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
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) {
			if text, ok := ignored[name]; ok {
				return []byte(text), nil
			}
			return nil, fmt.Errorf("%s is not a file of the package", name)
		}}
	for name := range ignored {
		pass.IgnoredFiles = append(pass.IgnoredFiles, name)
	}
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

// toolSrc is a package of a command's program by Go's layout convention (its
// path has a cmd element): the command calls its exported functions and
// methods, one invocation per process, unless the package itself shows they
// repeat or may be reached per event.
const toolSrc = `package sub

import (
	"fmt"
	"net/http"
)

func Run(args []string) error {
	mark(1) // main's switch calls it: no use here, called once by the command
	for range args {
		Each()
	}
	Setup()
	return nil
}

func Each() {
	mark(2) // called in a loop
}

func Setup() {
	mark(3) // one plain call, from code that runs once
}

type Command struct{}

func (c *Command) Run() {
	mark(4) // a method: main calls it once
	c.open()
}

func (c *Command) open() {
	mark(5) // an unexported method called once from once-code
}

type Printer struct{}

func (p Printer) String() string {
	mark(6) // the package turns Printer into an interface value below
	return ""
}

func Show() {
	fmt.Println(Printer{})
}

type Server struct{}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mark(7) // a handler is called per request
}

func Handle(w http.ResponseWriter, r *http.Request) {
	mark(8) // a handler's signature, whatever its name
}

type Inner struct{}

func (Inner) Close() error {
	mark(9) // promoted to Outer, which is stored as an interface below
	return nil
}

type Outer struct{ Inner }

var closers = []interface{ Close() error }{Outer{}}

func Twice() {
	mark(10) // two call sites, in A and B, which the command calls once each: twice
}

func A() { Twice() }
func B() { Twice() }

func mark(int) {}
`

func TestCommandPackages(t *testing.T) {
	want := map[string]bool{"1": true, "2": false, "3": true, "4": true, "5": true, "6": false, "7": false, "8": false, "9": false, "10": true}
	checkMarks(t, "example.com/cmd/tool/sub", toolSrc, want)
	// Outside a cmd directory, another package may call the same exported
	// code any number of times, and a method never counts.
	outside := map[string]bool{"1": false, "2": false, "3": false, "4": false, "5": false, "6": false, "7": false, "8": false, "9": false, "10": false}
	checkMarks(t, "example.com/tool/sub", toolSrc, outside)
}

// callbackSrc is fyne's install command (measurement 30): the action is a
// method value, and installAndroid hands its packaging step, a literal, to
// ensurePackage, which calls it once; the package step creates a file it never
// closes, once per process.
const callbackSrc = `package commands

import "example.com/fork/cli"

type Installer struct{ verbose bool }

func Install() *cli.Command {
	i := &Installer{}
	return &cli.Command{Action: i.bundleAction}
}

func (i *Installer) bundleAction(*cli.Context) error {
	mark(1) // a method value as the action: the framework calls it once
	i.installAndroid()
	i.installInPlace()
	i.declared()
	return nil
}

func (i *Installer) installAndroid() error {
	build := func() error {
		mark(2) // bound once, handed once to a callee that calls it once
		return doPackage()
	}
	return i.ensurePackage("target", build)
}

func (i *Installer) installInPlace() error {
	return i.ensurePackage("target", func() error {
		mark(3) // written in place: the same
		return nil
	})
}

func (i *Installer) declared() {
	var step = func() error {
		mark(4) // a var declaration binds it once too
		return nil
	}
	twice(step)
}

func (i *Installer) ensurePackage(target string, build func() error) error {
	if i.verbose {
		return nil
	}
	if err := build(); err != nil {
		return err
	}
	return nil
}

func twice(f func() error) {
	f()
	defer f() // two plain calls: a fixed number, as two call sites are
	defer func() { f() }() // a literal called on the spot calls it once
}

func doPackage() error {
	mark(5) // called once, from a literal that runs once
	return nil
}

func mark(int) {}
`

// callbackRepeatSrc hands literals to callees that may call them any number
// of times, or binds them to variables that may be called elsewhere.
const callbackRepeatSrc = `package commands

import "example.com/fork/cli"

var stored func()

var cmd = &cli.Command{Action: action}

func action(*cli.Context) error {
	retry(func() {
		mark(1) // retry calls it in a loop
	})
	keep(func() {
		mark(2) // keep stores it: anyone may call it later
	})
	pass(func() {
		mark(3) // pass hands it on to retry
	})
	spawn(func() {
		mark(4) // spawn calls it in a goroutine
	})
	later(func() {
		mark(5) // later calls it from a literal it stores
	})
	f := func() {
		mark(6) // reassigned below: the variable may hold it again
	}
	f = func() {}
	once(f)
	g := func() {
		mark(7) // a second use: called here besides
	}
	once(g)
	g()
	each(func() {
		mark(8) // a variadic parameter: a slice the callee ranges over
	})
	h := func() {
		mark(9) // its address is taken
	}
	p := &h
	once(*p)
	jumps(func() {
		mark(10) // a goto may repeat the callee's code
	})
	once(func() {
		mark(11) // the control: once calls it once, and the action runs once
	})
	return nil
}

func retry(f func()) {
	for range 3 {
		f()
	}
}

func keep(f func()) { stored = f }

func pass(f func()) { retry(f) }

func spawn(f func()) { go f() }

func later(f func()) {
	stored = func() { f() }
}

func once(f func()) { f() }

func each(fs ...func()) {
	for _, f := range fs {
		f()
	}
}

func jumps(f func()) {
again:
	f()
	goto again
}

func mark(int) {}
`

func TestCallbacks(t *testing.T) {
	checkMarks(t, "example.com/cmd/tool/commands", callbackSrc, map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": true})
	// Outside a command's packages a method never counts (an interface may
	// call it), so neither do the literals its calls hand on.
	checkMarks(t, "example.com/tool/commands", callbackSrc, map[string]bool{"1": false, "2": false, "3": false, "4": false, "5": false})
	checkMarks(t, "example.com/cmd/tool/commands", callbackRepeatSrc,
		map[string]bool{"1": false, "2": false, "3": false, "4": false, "5": false, "6": false, "7": false, "8": false, "9": false, "10": false, "11": true})
}

// uncalledSrc is a generator's main package whose main no longer calls some of
// its functions (gorgonia's cu gencudnn, measurement 31: generateStubs, its
// call commented out).
const uncalledSrc = `package main

func main() {
	mark(1) // main runs once
}

func generateStubs(debug bool, names []string) {
	for range names {
		mark(2) // nothing calls generateStubs: it runs zero times, loop and all
	}
	go func() {
		mark(3) // nor does a goroutine it would start
	}()
	helper()
}

func helper() {
	mark(4) // called once, by code that never runs
}

func otherOS(names []string) {
	for range names {
		mark(5) // main_windows.go, which this build leaves out, may call it in a loop
	}
}

type gen struct{}

func (gen) String() string {
	for range 2 {
		mark(6) // a method: an interface (fmt's Stringer) may call it without a use
	}
	return ""
}

//export fromC
func fromC() {
	for range 2 {
		mark(7) // cgo's //export: C code may call it
	}
}

func args() []string { return nil }

func mark(int) {}
`

func TestUncalledInMain(t *testing.T) {
	ignored := map[string]string{"main_windows.go": "//go:build windows\n\npackage main\n\nfunc init() { for range 3 { otherOS(nil) } }\n"}
	want := map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": false, "6": false, "7": false}
	checkMarksIgnoring(t, "main", uncalledSrc, ignored, want)
	// In a library, an unexported function with no use may be its tests' helper.
	want = map[string]bool{"1": false, "2": false, "3": false, "4": false, "5": false, "6": false, "7": false}
	checkMarks(t, "lib", strings.Replace(uncalledSrc, "package main", "package lib", 1), want)
}
