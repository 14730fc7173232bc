package fakefile

import (
	"os"
	"path/filepath"
)

// The same shape in the package's own code leaks a descriptor per call.
func CreateDevice(root string) error {
	f, err := os.Create(filepath.Join(root, "create")) // want `f \(file from os.Create\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.WriteString("1")
	return err
}
