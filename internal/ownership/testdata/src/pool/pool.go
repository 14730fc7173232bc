// Package pool has a resource type that the tests declare with -unclosed.types.
package pool

type Conn struct{}

func (*Conn) Release() {}
func (*Conn) Do()      {}

type Pool struct{}

func (*Pool) Get() (*Conn, error) { return &Conn{}, nil }

func Get() *Conn { return &Conn{} }
