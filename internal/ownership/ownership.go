package ownership

import (
	"go/ast"
	"reflect"

	"github.com/deferlint/deferlint/internal/configfile"
	"github.com/deferlint/deferlint/internal/knowledge"
	"github.com/deferlint/deferlint/internal/obligation"
	"github.com/deferlint/deferlint/internal/resources"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes the ownership facts of a package (see the package doc). It
// reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "ownership",
	Doc:        "compute what functions do with obligations (fresh results, owned parameters, assertions) for unclosed and ctxcancel",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, configfile.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(freshResults), new(params), new(analyzed), new(asserts)},
}

// Result is what the pass gives the analyzers that require it.
type Result struct {
	Facts     *resources.Facts
	Catalogue *resources.Catalogue // the resource kinds the facts were computed with
}

// typesFlag is the value of the -unclosed.types option. The pass owns it, for
// the catalogue is what its facts depend on; unclosed registers the same value
// under its own name (Analyzer.Flags.Lookup("types").Value), so that every driver that sets unclosed's
// options (go vet -vettool, deferlint, the golangci-lint plugin) sets this one.
// A driver that sets none (gopls) leaves it empty: the built-in kinds.
var typesFlag resources.TypesFlag

func init() {
	Analyzer.Flags.Var(&typesFlag, "types",
		"more resource types: TYPE=ACQUIRER,...:RELEASE,...[;...] (see the analyzer's documentation)")
}

func run(pass *analysis.Pass) (any, error) {
	cat := catalogue(pass)
	done := analyzable(pass)
	facts := resources.NewFacts(pass.Pkg, imported{pass}, done)
	if done {
		decls := funcDecls(pass.Files)
		calls := obligation.NewCallGraph(pass.TypesInfo, decls) // one graph for every fixed point
		resources.NewTracker(pass, cat, facts).Compute(calls, decls)
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		resources.ComputeCancels(pass.Pkg, pass.TypesInfo, in.Root(), facts, calls, decls)
		export(pass, facts)
	}
	return &Result{Facts: facts, Catalogue: cat}, nil
}

// catalogue returns the resource kinds of the package: the built-in ones and
// those of -unclosed.types, or of unclosed.types in the package's
// configuration, which overrides the command line there (see configfile). A
// mistake in the configuration is unclosed's to report (it applies the same
// key with the same parser); here the command line's value stands.
func catalogue(pass *analysis.Pass) *resources.Catalogue {
	types := typesFlag
	if cfg, err := configfile.Of(pass); err == nil {
		if text, ok := cfg.Option("unclosed", "types"); ok {
			if err := types.Set(text); err != nil {
				types = typesFlag
			}
		}
	}
	return resources.NewCatalogue(types.Extra())
}

// analyzable reports whether the package has code to analyze. A package
// loaded from export data has none: with no facts, its functions are unknown.
// The standard library's owners are catalogued instead.
func analyzable(pass *analysis.Pass) bool {
	return len(pass.Files) > 0 && !knowledge.IsStd(pass.Fset, pass.Pkg) && bodiesChecked(pass)
}

// bodiesChecked reports whether the package's function bodies were type-checked:
// go/packages skips them for dependencies that were not asked for, and facts
// computed from such a package would be empty, not absent.
func bodiesChecked(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			var first *ast.Ident
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && first == nil && id.Name != "_" {
					first = id
				}
				return first == nil
			})
			if first != nil {
				return pass.TypesInfo.Uses[first] != nil || pass.TypesInfo.Defs[first] != nil
			}
		}
	}
	return true
}

// funcDecls returns the package's function declarations that have bodies.
func funcDecls(files []*ast.File) []*ast.FuncDecl {
	var decls []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	return decls
}
