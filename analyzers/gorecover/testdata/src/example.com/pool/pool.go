// Package pool declares interfaces whose implementations facts cannot see.
package pool

// Pool starts tasks in goroutines of its own, without recovering them.
type Pool interface{ Submit(task func()) }

// Handler recovers when deferred.
type Handler interface{ Recover() }
