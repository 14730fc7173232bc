package fakefile

import (
	"os"
	"path/filepath"
)

// A file named for mocks builds fixtures for tests beside the code it fakes:
// each fixture lives as long as the test that builds it, so a descriptor it
// leaves open is a bounded cost of that test: no report (go-nvlib's mock.go).
func AddMockDevice(root string) error {
	numa, err := os.Create(filepath.Join(root, "numa_node"))
	if err != nil {
		return err
	}
	_, err = numa.WriteString("0")
	return err
}
