package driver

import "github.com/deferlint/deferlint/internal/severity"

// failOn is the value of -fail-on: the lowest severity that makes the exit status 1.
type failOn severity.Level

func (f *failOn) String() string { return severity.Level(*f).String() }

func (f *failOn) Set(value string) error {
	l, err := severity.Parse(value)
	if err != nil {
		return err
	}
	*f = failOn(l)
	return nil
}

// fails reports whether a finding at or above the -fail-on severity remains.
func fails(found []finding, threshold failOn) bool {
	for _, f := range found {
		if f.severity >= severity.Level(threshold) {
			return true
		}
	}
	return false
}
