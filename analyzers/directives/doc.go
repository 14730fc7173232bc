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
// Limits: directives that silence nothing are reported by the deferlint command
// only. Under go vet -vettool, go fix -fixtool and golangci-lint each analyzer's
// findings are filtered apart, so no analyzer can tell whether another one's
// directive was used.
package directives
