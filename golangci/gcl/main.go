// Command gcl is golangci-lint v2 with deferlint built in: what `golangci-lint custom`
// builds from .custom-gcl.example.yml, assembled here from the module proxy so that it
// can be built and tested without cloning golangci-lint. Its test (gcl_test.go) builds
// it and runs it on testdata/fixture with the repository's .golangci.example.yml.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	_ "github.com/deferlint/deferlint/golangci" // registers the deferlint module plugin
	"github.com/golangci/golangci-lint/v2/pkg/commands"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "gcl: %v\n", err)
		os.Exit(3) // golangci-lint's status for a failure of its own
	}
}

// buildInfo names the golangci-lint release and the deferlint build linked in.
// golangci-lint salts its result cache with this version, so it must change whenever
// the code does: a deferlint from a local directory (the replace in go.mod) is
// identified by a hash of the executable.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "unknown", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	info.BuildInfo = bi
	gcl, deferlint := "unknown", "unknown"
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			gcl = strings.TrimPrefix(dep.Version, "v")
		case "github.com/deferlint/deferlint":
			deferlint = dep.Version
			if dep.Replace != nil {
				deferlint = dep.Replace.Version
			}
		}
	}
	if deferlint == "" || deferlint == "(devel)" {
		deferlint = executableHash()
	}
	info.Version = gcl + "-deferlint-" + deferlint
	info.Commit = "deferlint " + deferlint
	return info
}

// executableHash identifies a build of this program by its contents.
func executableHash() string {
	path, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
