package driver

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadErrors describes the packages that could not be loaded or type-checked, one
// line per cause: for each package, its first error and how many distinct others it
// has; a missing replacement directory once, with the way out. An error that follows
// from another package's (could not import it) is left out: the other package's line
// says the cause.
func loadErrors(pkgs []*packages.Package, wd string) []string {
	broken := make(map[string]bool)
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		if len(pkg.Errors) > 0 {
			broken[pkg.PkgPath] = true
		}
	})
	var lines []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		name := cmp.Or(pkg.PkgPath, pkg.ID)
		if seen[name] {
			return
		}
		errs := distinctErrors(pkg, broken)
		if len(errs) == 0 {
			return
		}
		seen[name] = true
		line := missingReplacement(errs[0].Msg)
		if line == "" {
			more := ""
			if n := len(errs) - 1; n > 0 {
				more = fmt.Sprintf(" (and %s)", plural(n, "more error", "more errors"))
			}
			line = fmt.Sprintf("package %s: %s%s", name, describe(errs[0], wd), more)
		}
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	})
	return lines
}

// distinctErrors returns the errors of pkg that say something: the go command's
// summary ("# pkg" and the compiler's errors again) only when there is nothing else,
// and the errors with a position first;
// each error once; a file's first syntax error only (the parser's later complaints
// follow from it, and the compiler stops there too); and no "could not import" of a
// package that is broken itself.
func distinctErrors(pkg *packages.Package, broken map[string]bool) []packages.Error {
	if cause, ok := cgoFailure(pkg); ok {
		return []packages.Error{cause}
	}
	var errs []packages.Error
	seen := make(map[string]bool)
	syntaxIn := make(map[string]bool) // files with a syntax error
	for _, err := range pkg.Errors {
		if err.Pos == "" && strings.HasPrefix(err.Msg, "# ") && len(pkg.Errors) > 1 {
			continue
		}
		if path, ok := importedPath(err.Msg); ok && broken[path] {
			continue
		}
		file := err.Pos
		if i := strings.Index(file, ":"); i >= 0 {
			file = file[:i]
		}
		if err.Kind == packages.ParseError && file != "" {
			if syntaxIn[file] {
				continue
			}
			syntaxIn[file] = true
		}
		key := err.Pos + "\x00" + err.Msg
		if !seen[key] {
			seen[key] = true
			errs = append(errs, err)
		}
	}
	// The errors with a position first: they say where.
	slices.SortStableFunc(errs, func(a, b packages.Error) int { return cmp.Compare(noPosition(a), noPosition(b)) })
	return errs
}

// cgoFailure returns the cause when pkg failed because cgo could not compile its
// C code (a header or library this machine lacks): the go command's error, which
// says what is missing (# pkg, then zstd.go:22:10: fatal error: zstd.h: No such
// file or directory), in place of the type checker's "could not import C", which
// only follows from it, with the ways out.
func cgoFailure(pkg *packages.Package) (packages.Error, bool) {
	var summary string
	importsC := false
	for _, err := range pkg.Errors {
		switch {
		case err.Pos == "" && strings.HasPrefix(err.Msg, "# "):
			summary = err.Msg
		case strings.HasPrefix(err.Msg, "could not import C "):
			importsC = true
		}
	}
	if summary == "" || !importsC {
		return packages.Error{}, false
	}
	// The summary's first line names the package; the next says what failed.
	_, rest, _ := strings.Cut(summary, "\n")
	first, _, _ := strings.Cut(strings.TrimSpace(rest), "\n")
	if first == "" {
		return packages.Error{}, false
	}
	return packages.Error{
		Pos:  "",
		Msg:  "cgo could not build the package's C code: " + first + " (install the C headers and libraries it needs, or set CGO_ENABLED=0 to analyse the files built without cgo)",
		Kind: packages.ListError,
	}, true
}

func noPosition(err packages.Error) int {
	if err.Pos == "" || err.Pos == "-" {
		return 1
	}
	return 0
}

// importedPath returns the package named by a type checker's "could not import P
// (reason)".
func importedPath(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return "", false
	}
	path, _, _ := strings.Cut(rest, " ")
	return path, true
}

var missingReplacementError = regexp.MustCompile(`(\S+)@\S*: replacement directory (\S+) does not exist`)

// missingReplacement turns the go command's error for a replace directive whose
// directory is missing into one line that says the way out, or returns "".
func missingReplacement(msg string) string {
	m := missingReplacementError.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	module, dir := m[1], m[2]
	return fmt.Sprintf("go.mod replaces %s with the directory %s, which does not exist: put the module there (a nested module fetched with its repository, a git submodule), or drop the replacement with go mod edit -dropreplace=%s", module, dir, module)
}

// followsFromLoadErrors reports whether an analyzer's failure is only the
// consequence of a package that did not load: the checker skips the analysis of a
// package with errors, and of the packages whose facts depended on it.
func followsFromLoadErrors(failure string) bool {
	return strings.Contains(failure, "failed prerequisites") || strings.Contains(failure, "analysis skipped due to errors in package")
}

func describe(err packages.Error, wd string) string {
	msg := strings.TrimSpace(err.Msg)
	if err.Pos == "" || err.Pos == "-" {
		return msg
	}
	return relative(wd, err.Pos) + ": " + msg
}
