// Package fields stores cancel functions in fields, variables and containers. // want package:"analyzed, acquiring"
package fields

import "context"

var parent = context.Background()

func run(context.Context) {}

type server struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newServer() *server {
	s := new(server)
	s.ctx, s.cancel = context.WithCancel(parent) // Close calls it
	return s
}

func (s *server) Close() {
	if s.cancel != nil {
		s.cancel()
	}
}

type worker struct {
	cancel context.CancelFunc
	stop   func()
}

func newWorker() *worker {
	ctx, cancel := context.WithCancel(parent)
	go run(ctx)
	return &worker{cancel: cancel}
}

func (w *worker) reset() {
	w.cancel = nil
	_ = w.cancel
}

func newWorkerDirect() *worker {
	w := new(worker)
	var ctx context.Context
	ctx, w.stop = context.WithCancel(parent)
	go run(ctx)
	return w
}

type pair struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newPair() pair {
	ctx, cancel := context.WithCancel(parent)
	return pair{ctx, cancel}
}

// Exported fields may be called by other packages.
type Handle struct {
	Cancel context.CancelFunc
}

func NewHandle() *Handle {
	_, cancel := context.WithCancel(parent)
	return &Handle{Cancel: cancel}
}

type registry struct {
	byName map[string]context.CancelFunc
	all    []context.CancelFunc
	lost   []context.CancelFunc
}

func (r *registry) add(name string) {
	ctx, cancel := context.WithCancel(parent)
	go run(ctx)
	r.byName[name] = cancel
	ctx2, cancel2 := context.WithCancel(parent)
	go run(ctx2)
	r.all = append(r.all, cancel2)
	ctx3, cancel3 := context.WithCancel(parent)
	go run(ctx3)
	r.lost = append(r.lost, cancel3)
}

func (r *registry) remove(name string) {
	if cancel, ok := r.byName[name]; ok {
		cancel()
		delete(r.byName, name)
	}
}

func (r *registry) close() {
	for _, cancel := range r.all {
		cancel()
	}
	_ = len(r.lost)
}

var global context.CancelFunc

func setGlobal() {
	var ctx context.Context
	ctx, global = context.WithCancel(parent)
	go run(ctx)
}
