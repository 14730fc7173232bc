// Package process answers "does this code run at most once per process?", a
// question analyzers ask before reporting a cost that the process's exit bounds:
// what code that runs once leaks, it leaks once, and the exit releases it.
package process

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/deferlint/deferlint/internal/flow"
	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Once answers, for the code of one package, whether a piece of it runs at most
// once per process. It keeps what it learns about the package's functions; make
// one per pass.
//
// Code of a function of package main that nothing can call runs zero times,
// loops and goroutines included (see uncallable). Other code runs once per
// process when it lies, outside any loop or function literal that is not called
// on the spot (or handed on as below), in
//
//   - main.main or an init function, which the runtime calls once; or
//   - a package-level variable's initialiser; or
//   - the action of a command-line framework's command, in any package (a cobra
//     Command's Run or RunE, urfave/cli's Action, and their hooks, and those of
//     a fork of urfave/cli known by its shape, such as minio/cli), written in
//     place (in the command's literal, or assigned to its field:
//     root.PersistentPostRunE = func(...) error {...}), named, or a function literal returned by a function of the package
//     whose every use is a call that is an action field's value (RunE:
//     newRunCommand(ctx, input)): a process executes one command line, which
//     runs one command (see commandAction and factoryLiteral); or
//   - the action method of a command type the package registers with a
//     command-line framework that runs one command per process (the Run of a
//     type given to argp.NewCmd or AddCmd, or of a kong grammar given to
//     kong.Parse, New or Must and of its command fields), when the package does
//     not call it itself (see commandMethod); or
//   - a function without receiver whose uses in the package's non-test files
//     are all plain calls from code that runs once, or whose one use is the
//     value of a command's action field (cli.Command{Action: send}, or a
//     method value, Action: i.bundleAction, where methods count): not
//     another function value (a handler, a callback), not in a go statement or
//     a loop, and not a call of itself. Such a function runs as many times as
//     it has call sites, a number the code fixes, so what it leaks is bounded
//     as what code that runs once leaks (strictly "a bounded, fixed number of
//     times": main calling compose twice).
//     In a package other than main, only an unexported function: other packages
//     may call an exported one as often as they like; except in a command's
//     package (see commandProgram), where an exported function or a method gets
//     the same test, and one with no use in the package counts as called once
//     by the command, unless it may be reached per event (see perEvent).
//
// A function literal handed once to a function or method of the package that
// calls that parameter a fixed number of times per call, outside any loop,
// goroutine or literal it keeps, and does nothing else with it, runs as often
// as the call that hands it: written in place as the argument, or bound once to
// a local variable whose one use is that argument (fyne's build := func()
// error {...}; i.ensurePackage(target, build)). One level only: a callee that
// stores the parameter, passes it on or calls it in a loop or a goroutine may
// run it any number of times (see callbackSite).
//
// A go statement starts its function once each time it executes, as a call
// would: a goroutine that main or a package-level sync.Once starts runs once,
// and what it leaks outside its own loops it leaks once (measurement 42:
// rethinkdb-go's connection counter, whose ticker a goroutine started under a
// package-level sync.Once makes). Whether it ends before the process does is
// another question, asked of goroutines, not of what they hold.
//
// A function with a goto statement may repeat any of its code, and a method
// outside a command's package may be called through an interface: neither runs
// once. Uses in _test.go files do not
// count: the test binary is another process, whose tests bound what they leak.
type Once struct {
	pass    *analysis.Pass
	in      *inspector.Inspector
	calls   map[*types.Func][]inspector.Cursor // the uses of each function, built on first need
	memo    map[*types.Func]bool
	repeats *bool                            // whether the package executes command lines repeatedly, found on first need
	actions map[*types.TypeName]string       // the command types the package registers, with their action method's name, found on first need
	boxed   map[*types.TypeName]bool         // the package's types it turns into interface values, found on first need
	decls   map[*types.Func]inspector.Cursor // the package's function declarations, found on first need
}

// NewOnce returns the answers for the package of pass, whose syntax in walks.
func NewOnce(pass *analysis.Pass, in *inspector.Inspector) *Once {
	return &Once{pass: pass, in: in, memo: make(map[*types.Func]bool)}
}

// Runs reports whether the code at cur runs at most once per process.
func (o *Once) Runs(cur inspector.Cursor) bool {
	if o.inUncallable(cur) {
		return true // it runs zero times, loops and goroutines included (see uncallable)
	}
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if c != cur {
				return false
			}
		case *ast.FuncLit:
			if flow.HasGoto(n.Body) {
				return false
			}
			if o.commandAction(c) || o.factoryAction(c) {
				return true // one command runs per process
			}
			if o.packageOnceDo(c) {
				return true // initOnce.Do(func() {...}): sync.Once runs it once, and there is one initOnce
			}
			if site, ok := o.callbackSite(c); ok {
				return o.Runs(site) // ensurePackage(target, build): run as often as the call that hands it on
			}
			if kind, _ := c.ParentEdge(); kind != edge.CallExpr_Fun {
				return false // a function value may be called any number of times
			}
		case *ast.FuncDecl:
			return !flow.HasGoto(n.Body) && o.funcRunsOnce(n)
		}
	}
	return true // a package-level variable's initialiser
}

// packageOnceDo reports whether the function literal at lit is the argument of
// the Do method of a sync.Once that is a package-level variable
// (initOnce.Do(func() {...})). A sync.Once runs the function given to its first
// Do and no other, and a package-level variable is one value per process: the
// literal runs at most once per process, wherever and however often Do is
// called (measurement 23: buildkit's NewMonitor prepares cgroups under its
// initOnce). A sync.Once in a struct field or a local variable runs once per
// value that holds it, which may be many, and a package-level *sync.Once may be
// given another: not such a literal.
func (o *Once) packageOnceDo(lit inspector.Cursor) bool {
	if kind, _ := lit.ParentEdge(); kind != edge.CallExpr_Args {
		return false
	}
	call := lit.Parent().Node().(*ast.CallExpr)
	info := o.pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !knowledge.IsMethod(info.Uses[sel.Sel], "sync", "Once", "Do") {
		return false
	}
	recv := ast.Unparen(sel.X)
	if addr, ok := recv.(*ast.UnaryExpr); ok && addr.Op == token.AND {
		recv = ast.Unparen(addr.X) // (&initOnce).Do
	}
	var id *ast.Ident
	switch r := recv.(type) {
	case *ast.Ident:
		id = r
	case *ast.SelectorExpr:
		id = r.Sel // pkg.InitOnce.Do: a qualified identifier (a field is checked below)
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Pkg().Scope().Lookup(v.Name()) == v && knowledge.IsType(v.Type(), "sync", "Once")
}

// commandAction reports whether the function literal at lit is the action or a
// hook of a command of a command-line framework (cobra.Command{RunE: func(...)
// error {...}}, urfave/cli's Action, Before and After; see knowledge.IsRunField),
// or of a fork of urfave/cli (see forkCommandType), in a package that executes
// no command line repeatedly (see repeatsCommands, which counts a fork's Run).
//
// A command-line program executes its command line once, and an execution runs
// one command: cobra's Execute finds the command the arguments name and runs its
// hooks and action once, urfave/cli's Run likewise. So the action runs at most
// once per process, whichever package builds the command literal (a cmd or
// commands package, as cobra-cli lays out a program) and however many commands
// are built. It is wrong where a process executes command lines again and again:
// a shell or REPL of its own, a bot that runs a command per message. Where this
// package does so (repeatsCommands), none of its actions counts; where another
// package does, it is not seen: a known false negative. A test that executes a
// command repeatedly runs in the test binary, another process (see Once).
func (o *Once) commandAction(lit inspector.Cursor) bool {
	return isActionValue(o.pass.TypesInfo, lit) && !o.repeatsCommands()
}

// factoryAction reports whether the function literal at lit is the action of a
// command built by a factory (RunE: newRunCommand(ctx, input), where
// newRunCommand returns func(cmd *cobra.Command, args []string) error {...}; see
// factoryLiteral), in a package that executes no command line repeatedly (see
// commandAction).
func (o *Once) factoryAction(lit inspector.Cursor) bool {
	return o.factoryLiteral(lit) && !o.repeatsCommands()
}

// factoryLiteral reports whether the function literal at lit is a result of a
// return statement of a function without receiver, declared in the package,
// whose every use in its non-test files is a call that is the value of a
// command's action or hook field (see isActionValue). The value of such a field
// is the function the call returns, and a return statement's literal is built
// anew by each call that reaches it: the literal is that action, one per call,
// and each call sits in one command, of which a process runs one (see
// commandAction). A use that is no such call (a call in a loop or stored in a
// variable, a function value) may build the literal again and hand it to code
// that calls it any number of times: then it is not the action. An exported
// function outside package main and a command's packages (see commandProgram)
// may be called from elsewhere, as often: not such a factory either.
func (o *Once) factoryLiteral(lit inspector.Cursor) bool {
	if kind, _ := lit.ParentEdge(); kind != edge.ReturnStmt_Results {
		return false
	}
	decl, ok := enclosingFunc(lit.Parent())
	if !ok || decl.Recv != nil {
		return false
	}
	fn, ok := o.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || fn.Exported() && o.pass.Pkg.Name() != "main" && !o.commandProgram() {
		return false
	}
	uses := o.usesOf(fn)
	for _, use := range uses {
		call, ok := callOf(use)
		if !ok || !isActionValue(o.pass.TypesInfo, call) {
			return false
		}
	}
	return len(uses) > 0
}

// enclosingFunc returns the function declaration whose own body holds cur, or
// false when a function literal encloses cur first.
func enclosingFunc(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	for c := range cur.Enclosing() {
		switch f := c.Node().(type) {
		case *ast.FuncLit:
			return nil, false
		case *ast.FuncDecl:
			return f, true
		}
	}
	return nil, false
}

// commandMethod reports whether fn is the action method of a command type the
// package's non-test code registers with a command-line framework
// (knowledge.CommandRegistrar): argp.NewCmd(&Extract{}, ...) makes Extract's Run
// the action that argp's Parse calls once, when the command line selects it,
// before it exits the process. Like a cobra command's RunE, it runs once per
// process unless the package executes command lines repeatedly (see
// repeatsCommands, which funcRunsOnce asks).
func (o *Once) commandMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	name := namedOf(recv.Type())
	if name == nil {
		return false
	}
	if o.actions == nil {
		o.actions = make(map[*types.TypeName]string)
		for cur := range o.in.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			callee, _ := typeutil.Callee(o.pass.TypesInfo, call).(*types.Func)
			r, ok := knowledge.CommandRegistrar(callee)
			if !ok || r.Arg >= len(call.Args) || o.inTestFile(call.Pos()) {
				continue
			}
			o.addCommand(o.pass.TypesInfo.TypeOf(call.Args[r.Arg]), r)
		}
	}
	method, ok := o.actions[name]
	return ok && method == fn.Name()
}

// addCommand records t's declared type (through a pointer) as a command type
// whose action is r.Method and, for a framework whose commands nest (kong), the
// types of its struct fields tagged cmd or arg (`cmd:""`, `kong:"cmd"`), which
// are its subcommands, recursively.
func (o *Once) addCommand(t types.Type, r knowledge.Registrar) {
	name := namedOf(t)
	if name == nil {
		return
	}
	if _, seen := o.actions[name]; seen {
		return
	}
	o.actions[name] = r.Method
	if !r.Nested {
		return
	}
	s, ok := name.Type().Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i := range s.NumFields() {
		if commandTag(s.Tag(i)) {
			o.addCommand(s.Field(i).Type(), r)
		}
	}
}

// commandTag reports whether a struct field's tag marks it a kong command or
// branching argument: a cmd or arg key of its own, or cmd or arg among the
// comma-separated entries of a kong key (kong's tag.go).
func commandTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, key := range []string{"cmd", "arg"} {
		if _, ok := st.Lookup(key); ok {
			return true
		}
	}
	if k, ok := st.Lookup("kong"); ok {
		for entry := range strings.SplitSeq(k, ",") {
			entry, _, _ = strings.Cut(strings.TrimSpace(entry), "=")
			if entry == "cmd" || entry == "arg" {
				return true
			}
		}
	}
	return false
}

// namedOf returns the declared type of t, or of what t points to, or nil.
func namedOf(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if named, ok := t.(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// repeatsCommands reports whether the package's non-test code executes a
// command line (knowledge.IsCommandExecutor) where the call may repeat within
// its function: in a loop (a REPL reading lines), in a goroutine, or in a
// function literal that is not called on the spot and is no command action (a
// handler, a prompt's callback). A call in a method or function that is itself
// called per message is not seen.
func (o *Once) repeatsCommands() bool {
	if o.repeats != nil {
		return *o.repeats
	}
	repeats := false
	o.repeats = &repeats // asked once per package; the walk below sets it
	for cur := range o.in.Root().Preorder((*ast.CallExpr)(nil)) {
		fn := typeutil.Callee(o.pass.TypesInfo, cur.Node().(*ast.CallExpr))
		if f, ok := fn.(*types.Func); ok && isExecutor(f) && !o.inTestFile(cur.Node().Pos()) && o.mayRepeat(cur) {
			repeats = true
			break
		}
	}
	return repeats
}

// mayRepeat reports whether the code at cur may run more than once per call of
// the function declared around it (see repeatsCommands).
func (o *Once) mayRepeat(cur inspector.Cursor) bool {
	for c := range cur.Enclosing() {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if c != cur {
				return true
			}
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if isActionValue(o.pass.TypesInfo, c) || o.factoryLiteral(c) {
				return false // an action executing another command line once
			}
			if kind, _ := c.ParentEdge(); kind != edge.CallExpr_Fun {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// funcRunsOnce reports whether the declared function decl is called at most once
// per process.
func (o *Once) funcRunsOnce(decl *ast.FuncDecl) bool {
	fn, ok := o.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	method := decl.Recv != nil
	if method && o.commandMethod(fn) && len(o.usesOf(fn)) == 0 {
		return !o.repeatsCommands() // the framework runs one command per process
	}
	switch {
	case !method && fn.Name() == "init":
		return true // the runtime calls it once; nothing else can
	case !method && fn.Name() == "main" && o.pass.Pkg.Name() == "main":
		return true
	case method || fn.Exported() && o.pass.Pkg.Name() != "main":
		// Other packages may call it, or an interface: only a command's own
		// packages are called by that command alone.
		if !o.commandProgram() || o.perEvent(fn) {
			return false
		}
	}
	if once, ok := o.memo[fn]; ok {
		return once
	}
	o.memo[fn] = false // a recursive call runs again
	once := o.calledOnce(fn)
	o.memo[fn] = once
	return once
}

// calledOnce reports whether fn's uses are all plain calls from code that runs
// once (each calls it once, so it runs a fixed number of times), or its one
// use is the action of a command (see commandAction). A function with no use we
// can see may be called from a file of other build tags; but an exported
// function or a method in a command's package with no use there is called by the
// command (see commandProgram). (A function of package main that nothing can
// call runs not at all: Runs answers for its code before asking here; see
// uncallable.)
func (o *Once) calledOnce(fn *types.Func) bool {
	uses := o.usesOf(fn)
	if len(uses) == 0 {
		return (fn.Exported() || fn.Signature().Recv() != nil) && o.commandProgram()
	}
	if len(uses) == 1 && !isCall(uses[0]) {
		// cli.Command{Action: send}, or a method value bound to its receiver
		// (Action: i.bundleAction): the framework calls it as it calls a literal
		// written there (see commandAction).
		return isActionValue(o.pass.TypesInfo, valueOf(uses[0])) && !o.repeatsCommands()
	}
	// Each call site that runs once calls fn once: with every use such a call,
	// fn runs as many times as it has call sites, a number fixed by the code,
	// and what it leaks is bounded the same way (a generator's main that calls
	// compose twice). Any use that is no such call (a function value, a call in
	// a loop or a goroutine, or a recursive one: see funcRunsOnce's memo)
	// makes the count unbounded.
	for _, use := range uses {
		call, ok := callOf(use)
		if !ok || !o.Runs(call) {
			return false
		}
	}
	return true
}

// valueOf returns the expression whose value the use of a function at use is:
// the use itself, or the selector around it for a method value (i.bundleAction).
func valueOf(use inspector.Cursor) inspector.Cursor {
	if kind, _ := use.ParentEdge(); kind == edge.SelectorExpr_Sel {
		return use.Parent()
	}
	return use
}

// isCall reports whether the use of a function at use names a call's callee.
func isCall(use inspector.Cursor) bool {
	_, ok := callOf(use)
	return ok
}

// callOf returns the call whose callee the use of a function at use names: f(x),
// or x.m(y) for a method.
func callOf(use inspector.Cursor) (inspector.Cursor, bool) {
	if kind, _ := use.ParentEdge(); kind == edge.SelectorExpr_Sel {
		use = use.Parent()
	}
	if kind, _ := use.ParentEdge(); kind == edge.CallExpr_Fun {
		return use.Parent(), true
	}
	return use, false
}

// usesOf returns the mentions of fn in the package's non-test files.
func (o *Once) usesOf(fn *types.Func) []inspector.Cursor {
	if o.calls == nil {
		o.calls = make(map[*types.Func][]inspector.Cursor)
		for cur := range o.in.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			used, ok := o.pass.TypesInfo.Uses[id].(*types.Func)
			if !ok || used.Pkg() != o.pass.Pkg || o.inTestFile(id.Pos()) {
				continue
			}
			used = used.Origin()
			o.calls[used] = append(o.calls[used], cur)
		}
	}
	return o.calls[fn]
}

func (o *Once) inTestFile(pos token.Pos) bool {
	tf := o.pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// inUncallable reports whether the code at cur lies in the declaration of a
// function that nothing can call (see uncallable): none of it ever runs.
func (o *Once) inUncallable(cur inspector.Cursor) bool {
	if o.pass.Pkg.Name() != "main" {
		return false
	}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := o.pass.TypesInfo.Defs[c.Node().(*ast.FuncDecl).Name].(*types.Func)
		return ok && len(o.usesOf(fn)) == 0 && o.uncallable(fn)
	}
	return false
}

// uncallable reports whether fn, a function without receiver of package main
// with no use in the package's non-test files, can never be called: it runs
// zero times, which is at most once. No other package can import package main,
// and Go code names a function to call it (reflection finds methods, never
// functions), so only these can reach it: a file of the package that the build
// constraints leave out (another GOOS's main_windows.go), which is why none may
// mention its name; assembly or C among the package's other files, likewise;
// C code, through a cgo //export directive on it; and the package's tests,
// which run in another process (see Once), and whose own functions (in
// _test.go files) are none such. A method is none: an interface
// (fmt's Stringer, a handler) may call it without a use. In a library, an
// unexported function with no use may be called by its tests, and is left as
// it is (see calledOnce).
func (o *Once) uncallable(fn *types.Func) bool {
	if o.pass.Pkg.Name() != "main" || fn.Signature().Recv() != nil || fn.Name() == "main" || fn.Name() == "init" {
		return false
	}
	cur, ok := o.declOf(fn)
	if !ok || o.inTestFile(fn.Pos()) || exportedToC(cur.Node().(*ast.FuncDecl)) {
		return false // the testing package calls a test file's tests, which call its helpers
	}
	return !o.mentionedOutOfSight(fn.Name())
}

// exportedToC reports whether decl carries a cgo //export directive.
func exportedToC(decl *ast.FuncDecl) bool {
	if decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}

// mentionedOutOfSight reports whether name occurs as a word in a file of the
// package that the analysis does not see as Go code of this build: one its
// build constraints leave out, or a non-Go file (assembly, C). A file that
// cannot be read may mention it.
func (o *Once) mentionedOutOfSight(name string) bool {
	for _, files := range [][]string{o.pass.IgnoredFiles, o.pass.OtherFiles} {
		for _, file := range files {
			if o.pass.ReadFile == nil {
				return true
			}
			data, err := o.pass.ReadFile(file)
			if err != nil || containsWord(string(data), name) {
				return true
			}
		}
	}
	return false
}

// containsWord reports whether word occurs in text with no letter, digit or
// underscore on either side.
func containsWord(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !isIdentByte(text[start-1])) && (end == len(text) || !isIdentByte(text[end])) {
			return true
		}
		i = start + 1
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
}
