package driver

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/deferlint/deferlint/internal/configfile"
)

// wantsToolID reports whether the go command asks for the tool's identity (-V=full).
func wantsToolID(args []string) bool {
	return slices.Contains(args, "-V=full") || slices.Contains(args, "--V=full")
}

// printToolID answers -V=full as unitchecker does, with a build ID that also hashes
// the configuration files around the working directory (configfile.Fingerprint).
// The go command keys its cache of each package's vet results with this ID and
// the package's inputs, which do not include deferlint.toml: without it, go vet
// would replay the findings of a package's old configuration after an edit.
func printToolID(stdout io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	h := sha256.New()
	h.Write(data)
	h.Write(configfile.Fingerprint(wd))
	_, err = fmt.Fprintf(stdout, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return err
}
