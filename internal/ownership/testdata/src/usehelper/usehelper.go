package usehelper // want package:"analyzed, acquiring"

// Another package's facts, imported: a function here has the fact that helper's
// function gives it, and none where helper's function has none (helper was
// analyzed, so a function of it without a fact owns nothing).

import (
	"io"
	"os"

	"helper"
)

// openConfig returns helper.OpenConfig's fresh file.
func openConfig(dir string) (*os.File, error) { // want openConfig:"fresh file in result 0"
	return helper.OpenConfig(dir)
}

// closeBoth hands both closers to helper.CloseAll, which releases them.
func closeBoth(a, b io.Closer) { // want closeBoth:`owns params \[0 1\]`
	helper.CloseAll(a, b)
}

// drain hands r to helper.Drain, which neither closes nor keeps it but reads it
// to its end: it owns nothing, and reads r to its end in turn (the Drains fact
// across packages).
func drain(r io.ReadCloser) { // want drain:`reads params \[0\] to their end`
	helper.Drain(r)
}

// No fact: configClosed closes the fresh file helper.OpenConfig returns.
func configClosed(dir string) error {
	f, err := helper.OpenConfig(dir)
	if err != nil {
		return err
	}
	return f.Close()
}

// No fact: closedBeforeReturn's response comes from helper.FetchAndRead, which
// closed its body.
func closedBeforeReturn(url string) int {
	resp, _ := helper.FetchAndRead(url)
	return resp.StatusCode
}
