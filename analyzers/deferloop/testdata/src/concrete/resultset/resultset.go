// Package resultset has iterators over a query's results, as kivik's ResultSet.
package resultset

// Documented releases its query when its Next reaches the end.
type Documented struct{ left int }

// Next prepares the next result. It returns false when there are no more
// results or an error occurred.
//
// When Next returns false, Close is called implicitly, so there is no need to
// call it explicitly.
func (d *Documented) Next() bool { d.left--; return d.left > 0 }

func (d *Documented) Err() error   { return nil }
func (d *Documented) Close() error { return nil }

// Silent says nothing of what its Next does at the end.
type Silent struct{ left int }

// Next prepares the next result, and returns false when there is none: call
// Close when done.
func (s *Silent) Next() bool { s.left--; return s.left > 0 }

func (s *Silent) Err() error   { return nil }
func (s *Silent) Close() error { return nil }
