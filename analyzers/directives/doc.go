// Package directives defines an Analyzer that checks //deferlint:ignore directives.
//
// # Analyzer directives
//
// directives: report //deferlint:ignore directives that silence nothing or give no reason
//
// A //deferlint:ignore directive silences the named analyzers on its own line and on
// the line below it. A directive that names an unknown analyzer silences nothing, and
// one without a reason leaves a reviewer unable to judge it; both are reported, and
// neither silences anything.
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
// Limits: a directive that no longer silences any finding is not reported.
package directives
