package dropped

import (
	"errors"
	"os"
)

// From cometbft's tempfile (measurement 41): a retry that leaves its loop by
// break once a file is created, and tells after the loop whether every attempt
// failed by its counter. A break leaves before the post statement, so the
// counter is still below the bound there: the failure return holds no file.
func createUnique(names []string, max int) error {
	var f *os.File
	var err error
	i := 0
	for ; i < max; i++ {
		f, err = os.OpenFile(names[i%len(names)], os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // quiet: i == max only after every attempt failed
		if os.IsExist(err) {
			continue
		} else if err != nil {
			return err
		}
		break
	}
	if i == max {
		return errors.New("no attempt created a file")
	}
	defer f.Close()
	_, err = f.Write([]byte("x"))
	return err
}

// The counter moved after the loop: the test no longer says how it ended.
func createUniqueMoved(names []string, max int) error {
	var f *os.File
	var err error
	i := 0
	for ; i < max; i++ {
		f, err = os.OpenFile(names[i%len(names)], os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // want `f \(file from os.OpenFile\) is not closed on the path to the return at line 49`
		if os.IsExist(err) {
			continue
		} else if err != nil {
			return err
		}
		break
	}
	i++
	if i == max+1 {
		return errors.New("no attempt created a file")
	}
	defer f.Close()
	_, err = f.Write([]byte("x"))
	return err
}
