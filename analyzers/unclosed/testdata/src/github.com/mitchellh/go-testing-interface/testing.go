// Package testing is a stub of github.com/mitchellh/go-testing-interface.
package testing

// T is the interface a *testing.T satisfies.
type T interface {
	Fatal(args ...any)
	Name() string
}

// RuntimeT runs such code outside a test.
type RuntimeT struct{}

func (RuntimeT) Fatal(args ...any) {}
func (RuntimeT) Name() string      { return "" }
