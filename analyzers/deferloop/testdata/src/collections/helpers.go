package collections

import (
	"context"
	"errors"
	"io"
	"sync"
)

// Declarations the cases moved here from concrete use, as concrete declares them.

func use(...any) bool { return true }

type conn struct{}

func ping(context.Context, string) error { return nil }

var errNoServer = errors.New("no server")

type bitmap struct{ words []uint64 }

type idSet struct {
	sync.RWMutex
	bitmap *bitmap
	n      int
}

type shard struct {
	mu    sync.Mutex
	items map[string]int
	n     int
	name  string
}

type valueIter struct{}

func (*valueIter) Close()          {}
func (*valueIter) Next() []byte    { return nil }
func openValues(string) *valueIter { return &valueIter{} }

type lease struct{}

func (lease) Release() {}

func acquire(int) (lease, error) { return lease{}, nil }

// levelResult has Release but no Retain: an owner, not a shared value.
type levelResult struct {
	leaf   interface{ Len() int }
	levels []int16
}

func (r *levelResult) Release() { r.levels = nil }

func writeLevels(int) (*levelResult, error) { return &levelResult{}, nil }

func dialRetry() (io.ReadCloser, error) { return nil, nil }
func process(io.Reader) error           { return nil }
