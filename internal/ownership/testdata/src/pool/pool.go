// Package pool has a resource type that unclosed's tests declare with
// -unclosed.types.
package pool

type Conn struct{}

func (*Conn) Release() {}

type Pool struct{}

func (*Pool) Get() (*Conn, error) { return &Conn{}, nil }
