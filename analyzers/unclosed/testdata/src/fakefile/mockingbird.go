package fakefile

import "os"

// mockingbird names a product, not a fake: only a name part that is mock or
// mocks says test support.
func Sing(name string) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on any path`
	if err != nil {
		return err
	}
	_, err = f.WriteString("tweet")
	return err
}
