package knowledge

import (
	"errors"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/mod/module"
)

// FuncsFlag is a flag.Value holding a comma-separated list of function names, as
// analyzers' options take them (see Funcs). Set checks every name, so that a typo is
// an error when the option is set, in every driver, instead of a set that silently
// matches nothing.
type FuncsFlag struct {
	text  string
	funcs Funcs
}

// Funcs returns the set the flag holds (empty until the flag is set).
func (f *FuncsFlag) Funcs() Funcs { return f.funcs }

func (f *FuncsFlag) String() string { return f.text }

// Set parses a comma-separated list of names; empty elements are ignored.
func (f *FuncsFlag) Set(s string) error {
	funcs, err := ParseFuncs(s)
	if err != nil {
		return err
	}
	f.text, f.funcs = s, funcs
	return nil
}

// ParseFuncs parses a comma-separated list of function names, as options take it:
// importpath.Func, importpath.Type.Method or (*importpath.Type).Method.
func ParseFuncs(s string) (Funcs, error) {
	var names []string
	for name := range strings.SplitSeq(s, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if err := checkFuncName(name); err != nil {
			return Funcs{}, err
		}
		names = append(names, name)
	}
	return NewFuncs(names...), nil
}

// checkFuncName checks that name is written importpath.Func, importpath.Type.Method,
// (importpath.Type).Method or (*importpath.Type).Method.
func checkFuncName(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("%q is not a function name: %s (want importpath.Func, importpath.Type.Method or (*importpath.Type).Method)", name, why)
	}
	if recv, ok := strings.CutPrefix(name, "("); ok {
		recv, method, ok := strings.Cut(recv, ").")
		if !ok {
			return bad("a receiver in parentheses must be followed by .Method")
		}
		if !token.IsIdentifier(method) {
			return bad(fmt.Sprintf("%q is not a method name", method))
		}
		path, typ, err := splitQualified(strings.TrimPrefix(recv, "*"))
		if err != nil {
			return bad(err.Error())
		}
		if strings.Contains(typ, ".") {
			return bad(fmt.Sprintf("%q is not a type name", typ))
		}
		return checkPath(path, bad)
	}
	path, rest, err := splitQualified(name)
	if err != nil {
		return bad(err.Error())
	}
	if n := strings.Count(rest, "."); n > 1 {
		return bad("too many dots after the import path")
	}
	return checkPath(path, bad)
}

// splitQualified splits importpath.Name[.Name] at the first dot after the last
// slash, and checks that what follows is made of identifiers.
func splitQualified(s string) (path, rest string, err error) {
	slash := strings.LastIndex(s, "/")
	dot := strings.Index(s[slash+1:], ".")
	if dot < 0 {
		return "", "", errors.New("no import path before the name")
	}
	path, rest = s[:slash+1+dot], s[slash+1+dot+1:]
	for part := range strings.SplitSeq(rest, ".") {
		if !token.IsIdentifier(part) {
			return "", "", fmt.Errorf("%q is not an identifier", part)
		}
	}
	return path, rest, nil
}

func checkPath(path string, bad func(string) error) error {
	if err := module.CheckImportPath(path); err != nil {
		return bad(fmt.Sprintf("%q is not an import path", path))
	}
	return nil
}

// FuncFlag is a flag.Value holding one package-level function, importpath.Func,
// such as the recovery helper a suggested fix calls. Set checks the name's form;
// whether the function exists is known only when a package importing it is checked.
type FuncFlag struct {
	Path, Name string // both empty until the flag is set to a name
}

func (f *FuncFlag) String() string {
	if f.Name == "" {
		return ""
	}
	return f.Path + "." + f.Name
}

// Set parses importpath.Func; the empty string unsets the flag.
func (f *FuncFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*f = FuncFlag{}
		return nil
	}
	i := strings.LastIndex(s, ".")
	if i < 0 || i < strings.LastIndex(s, "/") {
		return fmt.Errorf("%q is not importpath.Func: no import path before the name", s)
	}
	path, name := s[:i], s[i+1:]
	if !token.IsIdentifier(name) {
		return fmt.Errorf("%q is not importpath.Func: %q is not a function name", s, name)
	}
	if err := module.CheckImportPath(path); err != nil {
		return fmt.Errorf("%q is not importpath.Func: %q is not an import path", s, path)
	}
	*f = FuncFlag{Path: path, Name: name}
	return nil
}
