package driver

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// refuseIllTyped keeps -fix from leaving code that does not compile: among the
// packages loaded again after the fixes were written (fixed), each that has errors
// now but had none before has its written files restored. A suggested fix may name
// something that does not resolve: an option such as -gorecover.handler names a
// function no analyzer can see. It returns the files that stay fixed and one line
// for each package whose fixes were refused.
func refuseIllTyped(first *loaded, fixed *loaded, written []fixedFile, wd string) (kept []fixedFile, refusals []string, err error) {
	hadErrors := make(map[string]bool)
	for _, pkg := range first.pkgs {
		if len(pkg.Errors) > 0 {
			hadErrors[pkg.ID] = true
		}
	}
	restore := make(map[string]bool) // file names
	seen := make(map[string]bool)
	for _, pkg := range fixed.pkgs {
		name := cmp.Or(pkg.PkgPath, pkg.ID)
		if !fixed.reported[pkg.ID] || len(pkg.Errors) == 0 || hadErrors[pkg.ID] || seen[name] {
			continue
		}
		var files []string
		for _, f := range written {
			if filepath.Dir(f.name) == pkg.Dir {
				restore[f.name] = true
				files = append(files, relative(wd, f.name))
			}
		}
		if len(files) == 0 {
			continue
		}
		seen[name] = true
		why := pkg.Errors[0]
		if errs := distinctErrors(pkg, nil); len(errs) > 0 {
			why = errs[0]
		}
		refusals = append(refusals, fmt.Sprintf("refused the fixes for package %s: they would not compile (%s); restored %s",
			name, describe(why, wd), strings.Join(files, ", ")))
	}
	for _, f := range written {
		if !restore[f.name] {
			kept = append(kept, f)
			continue
		}
		if err := restoreFile(f); err != nil {
			return nil, nil, err
		}
	}
	slices.Sort(refusals)
	return kept, refusals, nil
}

// restoreFile writes back the content a file had before the fixes.
func restoreFile(f fixedFile) error {
	info, err := os.Stat(f.name)
	if err != nil {
		return err
	}
	return os.WriteFile(f.name, f.old, info.Mode().Perm())
}
