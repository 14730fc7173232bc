package fatalexit

// A function or method whose name starts with Fatal does not return, by Go's
// convention (log.Fatal, klog.Fatalf, t.Fatal, kingpin's and fisk's
// FatalUsage); one that takes an error (FatalIfError(err, ...)) returns only
// when the error is nil. A command's method whose every call is followed by
// such a check leaks, on the way out with its error, only until the process
// exits a moment later (measurement 10: natscli's interactiveEdit).

import (
	"fatalapp"
	"os"
)

type cmd struct{ name string }

// Quiet: the temporary file leaks only when the write fails, and the one
// caller ends the program on that error (fatalapp.FatalIfError).
func (c *cmd) interactiveEdit(text string) (string, error) {
	f, err := os.CreateTemp("", "*.yaml")
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		return "", err
	}
	f.Close()
	return f.Name(), nil
}

func (c *cmd) editAction() error {
	name, err := c.interactiveEdit(c.name)
	fatalapp.FatalIfError(err, "could not edit %s", c.name)
	println(name)
	return nil
}

// Reported: the same method, whose caller logs the error and goes on.
func (c *cmd) edit(text string) (string, error) {
	f, err := os.CreateTemp("", "*.yaml") // want `f \(file from os.CreateTemp\) is not closed on the path to the return at line 45`
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		return "", err
	}
	f.Close()
	return f.Name(), nil
}

func (c *cmd) editLoop(lg fatalapp.Logger) {
	for {
		if _, err := c.edit(c.name); err != nil {
			lg.Printf("edit: %v", err)
		}
	}
}

// Reported: an interface of the package names the method, so calls of it may
// be where its uses do not show, and go on after its error.
type editor interface {
	save(text string) (string, error)
}

func (c *cmd) save(text string) (string, error) {
	f, err := os.CreateTemp("", "*.yaml") // want `f \(file from os.CreateTemp\) is not closed on the path to the return at line 71`
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		return "", err
	}
	f.Close()
	return f.Name(), nil
}

func (c *cmd) saveAction(e editor) {
	name, err := c.save(c.name)
	fatalapp.FatalIfError(err, "could not save %s", c.name)
	println(name)
	_ = e
}

// Quiet: a logger's Fatalf, called through an interface, does not return: the
// return after it is never reached.
func writeOrDie(lg fatalapp.Logger, name string, b []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		lg.Fatalf("write %s: %v", name, err)
		return err
	}
	return f.Close()
}

// Reported: the same with Printf, which returns.
func writeOrLog(lg fatalapp.Logger, name string, b []byte) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the path to the return at line 106`
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		lg.Printf("write %s: %v", name, err)
		return err
	}
	return f.Close()
}

// Reported: FatalIfError returns when the error is nil, so the path on which
// the check passes goes on to the return that leaks.
func checkThenLeak(name string, b []byte) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on the paths to the returns at lines 117 and 120, so its file descriptor leaks: call f.Close\(\) on those paths too`
	fatalapp.FatalIfError(err, "create %s", name)
	if len(b) == 0 {
		return nil
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Close()
}

// SaveSnapshot is exported: the rule does not follow callers in other
// packages.
func SaveSnapshot(name, text string) error {
	// known false positive when the only caller, in another package, returns
	// the error from a command's action (natscli's top.SaveStatsSnapshotToFile):
	// an exported function may be called from elsewhere and go on.
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600) // want `f \(file from os.OpenFile\) is not closed on the path to the return at line 136`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		return err
	}
	return f.Close()
}
