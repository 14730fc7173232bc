package handoff

import (
	"fmt"
	"io"
	"os"
)

type logger struct{ out io.Writer }

var std = &logger{out: os.Stderr}

// setOutput keeps w in the package's logger, as logrus.SetOutput does.
func setOutput(w io.Writer) { std.out = w }

// A writer built over the file and handed to a setter that keeps it: the
// logger holds the file for the rest of the process (sigs.k8s.io/release-utils'
// log.ToFile, measurement 39, where the suggested defer would have closed the
// log file under the logger). Quiet.
func logToFile(name string) error {
	file, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	writer := io.MultiWriter(std.out, file)
	setOutput(writer)
	return nil
}

// The same writer only written to: nothing keeps it, and the file leaks.
func logOnce(name, line string) error {
	file, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o644) // want `file \(file from os.OpenFile\) is not closed on any path`
	if err != nil {
		return err
	}
	writer := io.MultiWriter(std.out, file)
	_, err = fmt.Fprintln(writer, line)
	return err
}
