package pool // want package:"recovery analyzed"

// Pooler is declared in an internal package: only the module can name it, and
// the values that reach its callers are the module's own.
type Pooler interface{ Remove(id int) }
