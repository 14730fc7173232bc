package execfiles

// Files given to an exec.Cmd as its Stdin, Stdout, Stderr or in its ExtraFiles. os/exec closes only
// the descriptors it makes itself (childIOFiles, parentIOPipes) and uses a
// caller's *os.File as is: the store lends the file to the command and hands
// nothing on, so while the Cmd stays in the function the caller still owns the
// file and must close it, and a deferred Close is right (measurement 21: Vitess's
// mysqld.go). A Cmd that leaves the function keeps the store a hand-on.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

var errNoName = errors.New("no name")

// applyEarlyReturn is the shape of Vitess's mysqlErrFile: a return before the
// file is given to the command leaks it, and so does every other path; the
// advice is the plain one, since the Cmd never takes the file from its caller.
func applyEarlyReturn(name string) error {
	var cmd *exec.Cmd
	var errFile *os.File
	{
		var err error
		errFile, err = os.CreateTemp("", "err-") // want `errFile \(file from os.CreateTemp\) is not closed on any path, so its file descriptor leaks: release it on every path, for example with defer errFile.Close\(\) after the error check`
		if err != nil {
			return err
		}
		defer os.Remove(errFile.Name())
		if name == "" {
			return errNoName
		}
		cmd = exec.Command(name)
		cmd.Stderr = errFile
		fmt.Printf("running %#v with errfile=%v\n", cmd, errFile.Name())
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Wait()
}

// neverClosed is the shape of Vitess's mysqlbinlogErrFile: every path gives the
// file to the command, which never closes it: reported.
func neverClosed(name string) error {
	errFile, err := os.CreateTemp("", "err-") // want `errFile \(file from os.CreateTemp\) is not closed on any path`
	if err != nil {
		return err
	}
	defer os.Remove(errFile.Name())
	cmd := exec.Command(name)
	cmd.Stdout = errFile
	if out, err := cmd.StdoutPipe(); err == nil {
		_ = out
	}
	return cmd.Run()
}

// closedAfterWait closes the file itself once the command has exited: quiet,
// the caller released what it owns.
func closedAfterWait(name string) error {
	in, err := os.Open(name)
	if err != nil {
		return err
	}
	cmd := exec.Command("cat")
	cmd.Stdin = in
	if err := cmd.Start(); err != nil {
		in.Close()
		return err
	}
	err = cmd.Wait()
	in.Close()
	return err
}

// deferredClose is the plain fix: quiet.
func deferredClose(name string) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	defer out.Close()
	cmd := exec.Command("date")
	cmd.Stdout = out
	return cmd.Run()
}

// startReturned returns the started Cmd: the caller waits for it and owns what
// it writes to, so the store stays a hand-on: quiet.
func startReturned(name string) (*exec.Cmd, error) {
	out, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("date")
	cmd.Stdout = out
	return cmd, cmd.Start()
}

type runner struct{ cmd *exec.Cmd }

// storedInField keeps the Cmd in a struct that outlives the function: quiet,
// its holder runs the command after this function returns.
func (r *runner) storedInField(name string) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	cmd := exec.Command("date")
	cmd.Stdout = out
	r.cmd = cmd
	return nil
}

// waitedInGoroutine hands the Cmd to a goroutine that waits for it: quiet.
func waitedInGoroutine(name string) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	cmd := exec.Command("date")
	cmd.Stdout = out
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// paramCmd fills a Cmd the caller made: quiet, the caller holds the Cmd and
// runs it after this function returns.
func paramCmd(cmd *exec.Cmd, name string) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	cmd.Stdout = out
	return nil
}

// extraFile gives the file to the child as an extra descriptor and never closes
// it: os/exec duplicates ExtraFiles into the child and closes none of them, so
// the store lends the file as Stdin does: reported.
func extraFile(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	cmd := exec.Command("date")
	cmd.ExtraFiles = []*os.File{f}
	return cmd.Run()
}

// extraFileAppended appends the file to ExtraFiles: the same lend, reported.
func extraFileAppended(name string) error {
	f, err := os.Open(name) // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return err
	}
	cmd := exec.Command("date")
	cmd.ExtraFiles = append(cmd.ExtraFiles, f)
	return cmd.Run()
}

// extraFileClosed closes the parent's copy once the child has it: quiet.
func extraFileClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.Command("date")
	cmd.ExtraFiles = []*os.File{f}
	return cmd.Run()
}

// extraFileReturned returns the Cmd with the file in ExtraFiles: the caller
// starts it and owns the file, so the store stays a hand-on: quiet.
func extraFileReturned(name string) (*exec.Cmd, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("date")
	cmd.ExtraFiles = []*os.File{f}
	return cmd, nil
}

// filesSlice keeps the file in a slice of its own before it reaches the Cmd:
// the slice is not followed, so the store counts as a hand-on: quiet.
func filesSlice(name string) error {
	f, err := os.Open(name) // known false negative: a slice variable between the file and ExtraFiles is not followed
	if err != nil {
		return err
	}
	files := []*os.File{f}
	cmd := exec.Command("date")
	cmd.ExtraFiles = files
	return cmd.Run()
}
