package usehelper

import (
	"os"

	"helper"
)

var root helper.Handler

// From erigon's simulation nodes (measurement 40): the log file goes, through a
// copy, into a handler built around a literal that writes to it, which the
// logger keeps: the handler owns the file now.
func logToFile(name string) {
	var writer = os.Stderr
	if name != "" {
		logWriter, err := os.Create(name) // quiet: StreamHandler keeps it in the handler it returns
		if err != nil {
			return
		}
		writer = logWriter
	}
	root = helper.StreamHandler(writer)
}

// A helper that only writes through its literal while it runs keeps nothing:
// returned or not, its value does not hold the file.
func writeAllToFile(name string, msgs []string) error {
	f, err := os.Create(name) // want `f \(file from os.Create\) is not closed on any path`
	if err != nil {
		return err
	}
	return helper.WriteAll(f, msgs)
}
