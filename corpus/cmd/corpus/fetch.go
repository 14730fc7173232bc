package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A fetched module is ready to analyse in Dir, or failed to arrive (Err).
type fetched struct {
	module
	Dir string
	Err error
}

// fetchAll makes sure every module has a writable copy with its dependencies
// downloaded, printing one line per module. Failures are reported and kept: the
// other modules go on.
func fetchAll(cache string, mods []module) []fetched {
	var all []fetched
	for _, m := range mods {
		dir, err := fetch(cache, m)
		if err != nil {
			fmt.Printf("  %-50s FAILED: %v\n", m, err)
		} else {
			fmt.Printf("  %-50s %s\n", m, dir)
		}
		all = append(all, fetched{m, dir, err})
	}
	return all
}

// fetch returns the writable copy of m in the cache, making it when it is missing:
// go mod download puts the module in the module cache, whose files are read-only; a
// copy goes to a temporary directory beside its final place, gets its dependencies
// (go mod download inside it) and is renamed into place, so that a copy that exists
// is complete. An existing copy is used as it is, except that its dependencies are
// downloaded again (at no cost when present) in case the module cache was cleared.
func fetch(cache string, m module) (string, error) {
	dest := filepath.Join(cache, m.String())
	if _, err := os.Stat(dest); err == nil {
		return dest, downloadDeps(dest)
	}
	src, err := download(m)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dest), filepath.Base(dest)+".tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := copyTree(src, tmp); err != nil {
		return "", err
	}
	if err := declareModule(tmp, m); err != nil {
		return "", err
	}
	if err := downloadDeps(tmp); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		if _, statErr := os.Stat(dest); statErr == nil {
			return dest, nil // someone else made it meanwhile
		}
		return "", err
	}
	return dest, nil
}

// download runs go mod download -json for m and returns its directory in the module
// cache.
func download(m module) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", m.String())
	cmd.Env = moduleEnv()
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jsonErr := json.Unmarshal(out, &info); jsonErr != nil && err == nil {
		err = jsonErr
	}
	switch {
	case info.Error != "":
		return "", fmt.Errorf("go mod download: %s", info.Error)
	case err != nil:
		return "", fmt.Errorf("go mod download: %v", err)
	case info.Dir == "":
		return "", fmt.Errorf("go mod download: no directory for %s", m)
	}
	return info.Dir, nil
}

// declareModule gives a copy of a module published before modules existed, which
// has no go.mod, the one the go command assumes for it as a dependency (its path,
// language version go 1.16), then lets go mod tidy require what it imports: without
// a go.mod the copy is not a module, and nothing in it can be loaded. The old
// language version keeps the loop semantics the code was written for.
func declareModule(dir string, m module) error {
	gomod := filepath.Join(dir, "go.mod")
	if _, err := os.Stat(gomod); err == nil {
		return nil
	}
	if err := os.WriteFile(gomod, []byte("module "+m.Path+"\n\ngo 1.16\n"), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("go", "mod", "tidy", "-e")
	cmd.Dir = dir
	cmd.Env = moduleEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod tidy in %s: %v\n%s", dir, err, firstLines(string(out), 5))
	}
	return nil
}

// downloadDeps downloads the modules needed to build and test the packages of the
// module in dir.
func downloadDeps(dir string) error {
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = moduleEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download in %s: %v\n%s", dir, err, firstLines(string(out), 5))
	}
	return nil
}

// copyTree copies the regular files and directories below src to dst, writable by
// their owner.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			return copyFile(path, target)
		default:
			return nil // module zips hold no symlinks or devices
		}
	})
}

func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = io.Copy(out, in)
	return err
}

// goLines counts the lines of the .go files below dir, testdata excluded: the size
// of what the tools analyse.
func goLines(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != dir) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			if data, err := os.ReadFile(path); err == nil {
				n += strings.Count(string(data), "\n")
			}
		}
		return nil
	})
	return n
}
