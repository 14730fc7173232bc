package cobracmds

import "testing"

// A test executing the commands again and again runs in the test binary, another
// process: the program's actions still run once per process.
func TestWriteSnippet(t *testing.T) {
	for _, path := range []string{"a", "b"} {
		cmd := WriteSnippet()
		cmd.SetArgs([]string{path})
		if err := cmd.Execute(); err != nil {
			t.Log(err)
		}
	}
}
