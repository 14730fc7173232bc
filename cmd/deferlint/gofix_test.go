package main_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFixWritesWhatGoFixWrites checks that deferlint -fix and go fix -fixtool write
// the same bytes to every file of the example module, and that they are gofmt'd:
// the driver formats each file it fixes, as go fix does. With the handler option,
// gorecover's fix adds an import ("runtime/debug", a std package that does not
// recover but is not imported yet) that sorts before the file's last one: only
// formatting puts it in its place.
func TestFixWritesWhatGoFixWrites(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"-gorecover.handler=runtime/debug.PrintStack"},
	} {
		fixed := example(t, "example")
		run(t, fixed, deferlint, append(append([]string{"-fix"}, args...), "./...")...)
		goFixed := example(t, "example")
		if r := run(t, goFixed, "go", append(append([]string{"fix", "-fixtool=" + deferlint}, args...), "./...")...); r.code != 0 {
			t.Fatalf("go fix -fixtool %v: exit status %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		want := files(t, goFixed)
		got := files(t, fixed)
		for name, content := range want {
			if !bytes.Equal(got[name], content) {
				t.Errorf("%v: deferlint -fix and go fix -fixtool write different bytes to %s:\n--- deferlint -fix\n%s\n--- go fix\n%s", args, name, got[name], content)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%v: deferlint -fix leaves %s, which go fix does not", args, name)
			}
		}
		if r := run(t, fixed, "gofmt", "-l", "."); r.stdout != "" || r.code != 0 {
			t.Errorf("%v: after deferlint -fix, gofmt -l lists\n%s%s", args, r.stdout, r.stderr)
		}
	}
}

// files returns the content of every file below dir, by slash-separated relative name.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	all := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		all[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}
