package a

// Other linters' directives are not ours: even where one silences a deferlint
// analyzer (a peer of the same bug class), it is never reported as malformed.
func peers() {
	//nolint:govet // lostcancel
	//nolint:govet
	//nolint
	//nolint:bodyclose
	//lint:ignore SA9001 the channel is closed after one value
	//lint:ignore SA5001
}
