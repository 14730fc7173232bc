// Package severity grades findings: an error is a bug that does harm at run time
// (a leak, a deadlock, a call that never runs, a lost cancel, a loop variable read
// too late), a warning is a convention the code base may or may not keep.
//
// The grade belongs to the analyzer, or, where an analyzer reports both kinds, to
// the Category of its diagnostic. Default is the one table of the grades; a driver
// starts from a copy of it, which configuration may regrade entry by entry
// without touching the analyzers.
package severity

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// A Level is a finding's grade. Levels are ordered: Warning < Error.
type Level int

const (
	Warning Level = iota
	Error
)

// String returns the level's name as every output format spells it.
func (l Level) String() string {
	if l == Error {
		return "error"
	}
	return "warning"
}

// Parse returns the level named s ("error" or "warning").
func Parse(s string) (Level, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	}
	return Warning, fmt.Errorf("unknown severity %q: use error or warning", s)
}

// A Key names what a grade applies to: an analyzer's findings, or those of its
// diagnostics with the given Category. Category "" is the analyzer's default.
type Key struct {
	Analyzer, Category string
}

// A Table grades findings by analyzer and category.
type Table struct {
	levels map[Key]Level
}

// The analyzers import this package (through package configfile, which reads
// regradings from configuration files), so the table names categories by their
// value; the tests check them against the analyzers' constants.

// Default returns a fresh copy of deferlint's grades, which the README's Severity
// section lists.
func Default() *Table {
	return &Table{levels: map[Key]Level{
		{"ctxcancel", ""}:          Error, // a context, and its timer, leaks
		{"deferargs", ""}:          Error, // the deferred call sees the wrong value
		{"deferloop", ""}:          Error, // deadlocks, calls that never run, resources held per iteration
		{"directives", ""}:         Warning,
		{"gorecover", ""}:          Error,   // recover() calls that stop no panic
		{"gorecover", "goroutine"}: Warning, // goroutines without recover (gorecover.CategoryGoroutine): a policy
		{"loopcapture", ""}:        Error,   // a goroutine or deferred call sees another iteration's value
		{"unclosed", ""}:           Error,   // file descriptors, connections leak
	}}
}

// Of returns the grade of a finding of analyzer with the given diagnostic
// category: the category's own entry, else the analyzer's, else Error (an
// analyzer nobody graded reports a bug until told otherwise).
func (t *Table) Of(analyzer, category string) Level {
	if category != "" {
		if l, ok := t.levels[Key{analyzer, category}]; ok {
			return l
		}
	}
	if l, ok := t.levels[Key{analyzer, ""}]; ok {
		return l
	}
	return Error
}

// Keys returns the keys the table grades, sorted.
func (t *Table) Keys() []Key {
	return slices.SortedFunc(maps.Keys(t.levels), func(a, b Key) int {
		return cmp.Or(cmp.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.Category, b.Category))
	})
}

// Set grades the findings of key.
func (t *Table) Set(key Key, l Level) { t.levels[key] = l }
