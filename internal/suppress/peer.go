package suppress

import (
	"slices"
	"strings"
	"unicode"
)

// Peer directives: a line on which a project has silenced another linter's report
// of the bug class that a deferlint analyzer reports. The maintainers have seen that
// report on that line and decided; a deferlint report there raises the decision again
// and is read as a false alarm. So a peer directive silences the deferlint analyzer of
// the same class on its own line and the line below, as //deferlint:ignore does. It is
// not ours: it is never reported as malformed or as silencing nothing.
//
// A peer check maps to an analyzer only where both report the same bug on the same
// code. Where the peer's check is wider than one class (golangci-lint's govet runs
// every vet analyzer, printf among them), the directive counts only when its
// explanation names the check of that class.

// peerLinters maps a golangci-lint linter whose every report is of one deferlint
// class to the analyzers of that class.
var peerLinters = map[string][]string{
	"bodyclose":     {"unclosed"}, // an HTTP response body not closed
	"sqlclosecheck": {"unclosed"}, // sql.Rows, sql.Stmt, pgx rows not closed
}

// peerChecks maps a golangci-lint linter that runs many checks to the checks (in
// lower case) of a deferlint class: the directive counts when its explanation names
// one of them.
var peerChecks = map[string]map[string][]string{
	"govet": vetChecks,
	"vet":   vetChecks, // golangci-lint v1's other name for govet
	// gocritic's deferInLoop: a defer statement in a loop.
	"gocritic": {"deferinloop": {"deferloop"}},
	// revive's defer rule; of its cases only "loop" has a deferlint class, and a
	// defer in a loop that deferloop reports is one that rule reports as well.
	"revive": {"defer": {"deferloop"}},
	// staticcheck's checks, as golangci-lint v2 names them (see staticcheckChecks).
	"staticcheck": staticcheckChecks,
}

// vetChecks are the vet analyzers of a deferlint class: lostcancel reports a cancel
// function not called on every path, loopclosure a loop variable read by a function
// literal deferred or started in the loop.
var vetChecks = map[string][]string{
	"lostcancel":  {"ctxcancel"},
	"loopclosure": {"loopcapture"},
}

// staticcheckChecks are staticcheck's checks of a deferlint class: SA9001 reports
// defers in a range loop over a channel, SA5003 defers in an infinite loop, SA5001 a
// Close deferred before the error of the call that returned the value is checked
// (unclosed's early-defer report).
var staticcheckChecks = map[string][]string{
	"sa9001": {"deferloop"},
	"sa5003": {"deferloop"}, // defers in an infinite loop
	"sa5001": {"unclosed"},
}

// peerAnalyzers returns the deferlint analyzers that the peer directive written in
// text silences, or nil when text is no peer directive or silences none of them,
// and whether it silences all of staticcheck without naming one of its checks
// (//nolint:staticcheck): what that silences depends on what staticcheck reports
// on the line, which the caller knows (see staticcheckDeferLines).
func peerAnalyzers(text string) (silenced []string, wholeStaticcheck bool) {
	if rest, ok := strings.CutPrefix(text, "//lint:ignore"); ok {
		return staticcheckIgnore(rest), false
	}
	// golangci-lint reads a comment as a directive once it strips its leading
	// slashes and spaces (// nolint, as v1 wrote it, included).
	rest, ok := strings.CutPrefix(strings.TrimLeft(text, "/ "), "nolint")
	if !ok || !strings.HasPrefix(text, "//") {
		return nil, false
	}
	return nolint(rest)
}

// staticcheckIgnore reads the rest of a //lint:ignore CHECK[,CHECK] reason
// directive. Staticcheck ignores a directive without a reason, and so does this.
func staticcheckIgnore(rest string) []string {
	fields := strings.Fields(rest)
	if len(fields) < 2 || (rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	var silenced []string
	for check := range strings.SplitSeq(fields[0], ",") {
		silenced = append(silenced, staticcheckChecks[strings.ToLower(check)]...)
	}
	return compact(silenced)
}

// nolint reads the rest of a golangci-lint //nolint directive: bare, or followed
// by :LINTER[,LINTER] (spaces around the names allowed, as golangci-lint trims
// them: // nolint: staticcheck) and an optional explanation. It also says whether
// the directive names staticcheck with no staticcheck check in its explanation.
func nolint(rest string) (silenced []string, wholeStaticcheck bool) {
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return everyAnalyzer(), false // bare //nolint silences every linter
	}
	if rest[0] != ':' {
		return nil, false // another word, such as //nolintlint
	}
	linters, explanation := linterList(rest[1:])
	named := words(explanation)
	for _, linter := range linters {
		if linter == "all" {
			return everyAnalyzer(), false
		}
		silenced = append(silenced, peerLinters[linter]...)
		for check, analyzers := range peerChecks[linter] {
			if named[check] {
				silenced = append(silenced, analyzers...)
			}
		}
		if linter == "staticcheck" && !namesStaticcheckCheck(named) {
			wholeStaticcheck = true
		}
	}
	return compact(silenced), wholeStaticcheck
}

// linterList splits what follows //nolint: into the linters it names, in lower
// case, and the rest of the comment, the explanation.
func linterList(s string) (linters []string, explanation string) {
	for {
		s = strings.TrimLeft(s, " \t")
		end := strings.IndexFunc(s, func(r rune) bool { return !isLinterNameRune(r) })
		if end < 0 {
			end = len(s)
		}
		if end > 0 {
			linters = append(linters, strings.ToLower(s[:end]))
		}
		s = s[end:]
		if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, ",") {
			s = t[1:]
			continue
		}
		return linters, s
	}
}

// namesStaticcheckCheck reports whether an explanation's words name a staticcheck
// check by its code (SA1019, S1000, ST1003, QF1001).
func namesStaticcheckCheck(named map[string]bool) bool {
	for w := range named {
		code := strings.TrimLeft(w, "abcdefghijklmnopqrstuvwxyz")
		if len(code) == 4 && len(w) > 4 && len(w) <= 6 && strings.Trim(code, "0123456789") == "" {
			return true
		}
	}
	return false
}

// isLinterNameRune reports whether r may be part of a linter's name.
func isLinterNameRune(r rune) bool {
	return r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// everyAnalyzer is what a directive silencing every linter silences: each analyzer
// that reports code. The directives analyzer is left out; it reports our own
// directives, which no other linter's directive is about.
func everyAnalyzer() []string {
	return slices.DeleteFunc(slices.Clone(KnownAnalyzers), func(name string) bool { return name == "directives" })
}

// words returns the words of an explanation in lower case: "// lostcancel: kept on
// purpose" names lostcancel, and so does "govet/lostcancel".
func words(s string) map[string]bool {
	set := make(map[string]bool)
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		set[strings.ToLower(w)] = true
	}
	return set
}

func compact(names []string) []string {
	slices.Sort(names)
	return slices.Compact(names)
}
