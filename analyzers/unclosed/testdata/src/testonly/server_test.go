package testonly

import "testing"

func TestServers(t *testing.T) {
	if startTestServer() == nil || startServer() == nil {
		t.Fatal("no server")
	}
}
