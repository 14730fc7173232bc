package cobraaction

import (
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// A hook assigned to a command's field runs once per process, as one written in
// the literal does (gopherjs's allocation profile, measurement 45): the file it
// leaks when the profile cannot be written, it leaks once.
func NewProfiled(allocProfile string) *cobra.Command {
	root := &cobra.Command{Use: "tool"}
	root.PersistentPostRunE = func(cmd *cobra.Command, args []string) error {
		f, err := os.Create(allocProfile) // quiet: the hook runs once per process
		if err != nil {
			return err
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
		return f.Close()
	}
	return root
}

// A hook that loops leaks a file per round it never closes: an error return
// would end the process, but the rounds that succeed each drop one.
func NewProfiledEach(profiles []string) *cobra.Command {
	root := &cobra.Command{Use: "tool"}
	root.PersistentPostRunE = func(cmd *cobra.Command, args []string) error {
		for _, p := range profiles {
			f, err := os.Create(p) // want `f \(file from os.Create\) is not closed on any path`
			if err != nil {
				return err
			}
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
		}
		return nil
	}
	return root
}
