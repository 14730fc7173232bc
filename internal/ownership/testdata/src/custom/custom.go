package custom // want package:"analyzed}$"

// The facts depend on the resource catalogue: this test gives no -unclosed.types,
// so pool.Conn is no kind of resource here.

import "pool"

// No fact: get returns a *pool.Conn, which the built-in catalogue does not know.
func get(p *pool.Pool) (*pool.Conn, error) {
	return p.Get()
}
