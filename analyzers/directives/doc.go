// Package directives defines an Analyzer that checks //deferlint:ignore and
// //deferlint:file-ignore directives.
//
// # Analyzer directives
//
// directives: report //deferlint:ignore and //deferlint:file-ignore directives that silence nothing or give no reason
//
// A //deferlint:ignore directive silences the named analyzers on its own line and on
// the line below it; a //deferlint:file-ignore directive silences them in the whole
// file. A directive that names an unknown analyzer silences nothing, and one without
// a reason leaves a reviewer unable to judge it; both are reported, and neither
// silences anything.
//
// The deferlint command also reports a well-formed directive that silenced no
// finding in the run, once every analyzer it names has run on its file (not when one
// of them is disabled with -disable or -enable, or failed): the code it excused has
// changed, and the directive would silence a new finding there unseen.
//
// Wrong:
//
//	//deferlint:ignore deferloops
//	defer f.Close()
//
// Right:
//
//	//deferlint:ignore deferloop the loop body runs at most twice
//	defer f.Close()
//
// Other linters' directives of a deferlint bug class silence the analyzer of that
// class on their own line and the line below, in every driver: a project that has
// silenced another linter's report of the same bug on a line has seen it and
// decided, and a deferlint report there would raise that decision again. They are
// golangci-lint's //nolint:govet naming lostcancel (ctxcancel) or loopclosure
// (loopcapture) in its explanation, //nolint:bodyclose and //nolint:sqlclosecheck
// (unclosed), //nolint:gocritic naming deferInLoop and //nolint:revive naming
// defer (deferloop), staticcheck's //lint:ignore SA9001 (deferloop) and SA5001
// (unclosed, whose Close deferred before the error check it is), also as
// //nolint:staticcheck naming them, and a bare //nolint or //nolint:all (every
// analyzer). A //nolint:govet that names no vet check does not count: govet also
// runs printf and copylocks. These directives are not ours, so this analyzer and
// the deferlint command never report them.
//
//	ctx, cancel := context.WithCancel(parent) //nolint:govet // lostcancel: Stop cancels
//
// Limits: golangci-lint applies a //nolint above a declaration or block to all of
// it, and honours //lint:file-ignore and //nolint before the package clause in the
// whole file; deferlint counts a peer directive on two lines only, so such reports
// stay.
//
// Directives that silence nothing are reported by the deferlint command only.
// Under go vet -vettool, go fix -fixtool and golangci-lint each analyzer's
// findings are filtered apart, so no analyzer can tell whether another one's
// directive was used.
package directives
