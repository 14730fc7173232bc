package messages

// Measurement 47 (swarmkit's agent, a ticker replaced after a certificate
// rotation): a deferred release registered before the variable takes a new
// resource evaluates its receiver when the defer runs, so it releases the first
// value only. The advice is to make that defer read the variable when it runs,
// not to add a defer in the loop.

import "os"

func rotate(names <-chan string) error {
	f, err := os.Create("first")
	if err != nil {
		return err
	}
	defer f.Close()
	for name := range names {
		f.Close()
		f, err = os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 25, .*: the deferred f.Close\(\) at line 16 closes only the file f held when the defer ran: make it defer func\(\) \{ f.Close\(\) \}\(\), which closes the file f holds when the function returns`
		if err != nil {
			return err
		}
		_, _ = f.WriteString(name)
	}
	return nil
}

// Right: the deferred function literal reads f when it runs.
func rotateRight(names <-chan string) error {
	f, err := os.Create("first")
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	for name := range names {
		f.Close()
		f, err = os.Create(name)
		if err != nil {
			return err
		}
		_, _ = f.WriteString(name)
	}
	return nil
}
