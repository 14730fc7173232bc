// Package obligation follows a value that must be released on every path (a
// resource to close, a cancel function to call) from the statement that acquires
// it through its function's control-flow graph.
//
// It offers:
//   - [Search]: one obligation held in a local variable, with the hooks by which
//     an analyzer says what ends a path (a release, a hand-off, an assertion),
//     what it knows of conditions the search does not understand, and which
//     blocks a path never enters;
//   - [Search.Run], which follows every path and returns [Paths]: the returns
//     reached with the obligation held, whether the acquisition is reached again
//     (a loop), and where the variable is dropped (assigned a value not derived
//     from it);
//   - [Search.Eval], the search's reading of one condition, as a [Gone];
//   - [Fixpoint], the worklist that computes a package's facts about its
//     functions, recomputing a function's callers when its facts grow, until
//     nothing changes; [CallGraph] holds the callers, built once for several
//     fixed points over one package (the ownership facts pass runs all of
//     unclosed's and ctxcancel's on one);
//   - [DeferredBefore], [DeferredCallBefore], [ClosureCalls], [BoundClosures]
//     and [CallsOf]: releases written in function literals, deferred or held in
//     a local variable and called.
//
// The paired-result rule is the same for every client: the acquiring call's
// other result (an error, or a comma-ok flag) speaks for the obligation until it
// is assigned again. On the branch where the error is non-nil or the flag is
// false, nothing is held; on the branch where the variable itself is nil,
// nothing is held either. A path also remembers the local booleans it sets to a
// constant after the acquisition (didOpen = true), and takes only the branch of
// that constant where they are tested, until they are assigned again. A
// boolean of the function that nothing assigns after its declaration (a
// parameter such as debug, not a package-level variable) answers every test on
// a path as the first did, or as the ifs around the acquisition say (if debug {
// f = open() }): a later if !debug { f = open() } is not on that path. So does
// a comparison of such a variable of another type (not an error) with a
// constant or nil (addr != "", p == nil).
package obligation
