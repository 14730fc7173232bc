// Package errgroup is a stand-in for golang.org/x/sync/errgroup: its Group.Go
// starts f in a new goroutine and does not recover it.
package errgroup

type Group struct{}

func (g *Group) Go(f func() error) {
	go func() { _ = f() }()
}

func (g *Group) TryGo(f func() error) bool { return true }

func (g *Group) Wait() error { return nil }
