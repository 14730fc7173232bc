package sub

import (
	"os"

	"github.com/urfave/cli/v2"
)

// Installer is fyne's install command (measurement 30): its action is a
// method value, and installAndroid hands its packaging step, a literal, to
// ensurePackage, which calls it at most once. So the step runs once per
// process, and the file it never closes leaks once: the exit closes it.
type Installer struct{ target string }

func Install() *cli.Command {
	i := &Installer{}
	return &cli.Command{Name: "install", Action: i.bundleAction}
}

func (i *Installer) bundleAction(*cli.Context) error {
	if err := i.installAndroid(); err != nil {
		return err
	}
	return i.installAll([]string{"a", "b"})
}

func (i *Installer) installAndroid() error {
	build := func() error {
		return writeManifest(i.target)
	}
	return i.ensurePackage(i.target, build)
}

func (i *Installer) ensurePackage(target string, build func() error) error {
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		return nil
	}
	return build()
}

func writeManifest(path string) error {
	f, err := os.Create(path) // quiet: runs once per process, through a literal ensurePackage calls once
	if err != nil {
		return err
	}
	_, err = f.WriteString("manifest")
	return err
}

// installAll hands the same kind of step to a callee that calls it once per
// target: the literal runs in a loop, and each round leaks a file.
func (i *Installer) installAll(targets []string) error {
	return forEach(targets, func(target string) error {
		f, err := os.Create(target) // want `f \(file from os.Create\) is not closed on any path`
		if err != nil {
			return err
		}
		_, err = f.WriteString("manifest")
		return err
	})
}

func forEach(targets []string, step func(string) error) error {
	for _, t := range targets {
		if err := step(t); err != nil {
			return err
		}
	}
	return nil
}
