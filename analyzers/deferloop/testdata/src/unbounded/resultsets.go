package unbounded

import "concrete/resultset"

// A result set whose Next documents that it closes the set when it returns false
// (kivik's ResultSet, read by its replicator in batches, measurement 44): read to
// its end with for rs.Next(), it has released its query, and the deferred Close
// holds nothing past the iteration.
func replicateBatches(next func() *resultset.Documented) error {
	for {
		rs := next()
		if rs == nil {
			return nil
		}
		defer rs.Close() // quiet: Next closed the set at its end
		for rs.Next() {
			use(rs)
		}
		if err := rs.Err(); err != nil {
			return err
		}
	}
}

// A Next that does not say so is not assumed to close.
func replicateSilent(next func() *resultset.Silent) error {
	for {
		rs := next()
		if rs == nil {
			return nil
		}
		defer rs.Close() // want `rs.Close\(\) is deferred in a loop`
		for rs.Next() {
			use(rs)
		}
		if err := rs.Err(); err != nil {
			return err
		}
	}
}
