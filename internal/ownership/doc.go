// Package ownership is the facts pass of the obligations that unclosed and
// ctxcancel follow: values that must be released on every path (a resource to
// close, a cancel function to call). It computes once per package, on one call
// graph with obligation's fixed points, the one fact model (resources.Facts):
//
//   - fresh results: result i of a function is an obligation of kind K it acquired
//     and neither released nor kept (a helper returning an opened file, or the
//     cancel function of a context it derived), and whether it may be nil beside
//     a nil error;
//   - owned parameters: a function releases or keeps the parameter (closes or
//     stores a resource; calls or stores a function), with where it keeps one in
//     a result (Keeps) and whether a method releases its receiver (Recv);
//   - assertions: a function returns only when a parameter holds (must(err)), or
//     never returns;
//   - the package fact: the package was analyzed, so that a function without an
//     owned-parameter fact neither releases nor keeps them (a cancel function
//     passed to such a parameter is not called: it is inert), and whether it has
//     fresh results.
//
// Analyzer declares the only fact types, and its result ([Result]) gives the
// analyzers that require it the model of their package, with other packages'
// facts decoded on demand, and the resource catalogue it was computed with.
//
// The catalogue depends on the option -unclosed.types and on deferlint.toml's
// unclosed.types: the option's name is unclosed's, and its value this pass's
// (the flag "types" of Analyzer, which unclosed registers as its own). This pass has no flags of its own on any driver's command
// line; it reads the same value and the same configuration key, so that the
// facts agree with what unclosed reports.
package ownership
