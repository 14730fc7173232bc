package awstesting

// A directory whose name joins a thing's name to testing (awstesting, as the
// AWS SDK names its test support: measurement 16) holds fixtures for tests: it
// runs under a test, once per run.

import "os"

func ReadFixture(name string) ([]byte, error) {
	f, err := os.Open(name) // quiet: test-support code (a directory whose name ends in testing)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 64)
	n, err := f.Read(b)
	if err != nil {
		return nil, err
	}
	f.Close()
	return b[:n], nil
}
