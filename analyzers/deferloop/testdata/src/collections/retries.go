package collections

// A counted loop that comes round after a success is a processing loop, not a
// retry: every connection processed stays open until the function returns.
// Reported.
func processCount(max int) error {
	for n := 0; n < max; n++ {
		c, err := dialRetry()
		if err != nil {
			return err
		}
		defer c.Close() // want `c.Close\(\) is deferred in a loop, so every iteration's c stays open until processCount returns`
		if err := process(c); err != nil {
			return err
		}
	}
	return nil
}
