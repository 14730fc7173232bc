package driver

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCgoFailure checks that a package whose C code cgo could not build is
// described by the go command's error, which names what is missing, not by the
// type checker's "could not import C", which only follows from it; and that
// other errors are left as they are.
func TestCgoFailure(t *testing.T) {
	summary := packages.Error{Msg: "# example.com/zstd\nzstd.go:22:10: fatal error: zstd.h: No such file or directory\n   22 | #include \"zstd.h\"\ncompilation terminated.\n", Kind: packages.ListError}
	importC := packages.Error{Pos: "zstd.go:75:8", Msg: "could not import C (no metadata for C)", Kind: packages.TypeError}
	other := packages.Error{Pos: "x.go:3:1", Msg: "undefined: y", Kind: packages.TypeError}

	pkg := &packages.Package{PkgPath: "example.com/zstd", Errors: []packages.Error{summary, importC}}
	errs := distinctErrors(pkg, nil)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Msg, "cgo could not build the package's C code: zstd.go:22:10: fatal error: zstd.h: No such file or directory (") {
		t.Errorf("cgo failure: got %v", errs)
	}

	pkg = &packages.Package{PkgPath: "example.com/y", Errors: []packages.Error{summary, other}}
	if errs := distinctErrors(pkg, nil); len(errs) != 1 || errs[0] != other {
		t.Errorf("a summary without could not import C: got %v, want the type error alone", errs)
	}
}
