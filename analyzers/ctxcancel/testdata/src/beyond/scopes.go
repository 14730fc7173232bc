package beyond

import "context"

// A cancel function held in a variable of a loop body (or another block) that a
// path leaves without calling it: the leak is where the path leaves, a continue,
// a break or the end of the block. A return after the block cannot call the
// variable, which is out of scope there, so it is not reported; the report at
// the acquisition names the way out instead.

type manager struct {
	cache map[string]context.CancelCauseFunc
	start func(context.Context, string) error
}

// kwok's stages manager: each controller's cancel function is kept in a map on
// success; the failure branch continues without calling it. One leak, one
// report, naming the continue.
func (m *manager) sync(ctx context.Context, refs []string) {
	for _, ref := range refs {
		if _, ok := m.cache[ref]; ok {
			continue
		}
		cctx, cancel := context.WithCancelCause(ctx) // want `the cancel function returned by context.WithCancelCause is not called on the path through the continue at line 26, so the derived context is not released until its parent is done: call cancel\(\) before the continue \(not with defer, which would keep every iteration's context until the function returns\)$`
		if err := m.start(cctx, ref); err != nil {
			continue
		}
		m.cache[ref] = cancel
	}
} // cancel is out of scope here: not reported (the leak is the continue's)

// Quiet: the failure branch cancels the context it will not keep.
func (m *manager) syncCancelling(ctx context.Context, refs []string) {
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx)
		if err := m.start(cctx, ref); err != nil {
			cancel(err)
			continue
		}
		m.cache[ref] = cancel
	}
}

// Two ways out of the body without calling cancel: both named, in one report.
func (m *manager) syncTwoExits(ctx context.Context, refs []string) {
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx) // want `not called on the paths through the continue at line 49 and the break at line 52, .*: call cancel\(\) before each \(not with defer`
		if err := m.start(cctx, ref); err != nil {
			continue
		}
		if ref == "" {
			break
		}
		m.cache[ref] = cancel
	}
}

// A return inside the body, where cancel is in scope, is a separate way out: the
// report names it as related information, beside the continue.
func (m *manager) syncOrFail(ctx context.Context, refs []string) error {
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx) // want `not called on the path through the continue at line 67`
		if ref == "" {
			return nil
		}
		if err := m.start(cctx, ref); err != nil {
			continue
		}
		m.cache[ref] = cancel
	}
	return nil // cancel is out of scope here: not reported
}

// Falling off the end of the body without calling cancel on one path.
func (m *manager) syncFallOff(ctx context.Context, refs []string) {
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx) // want `not called on the path through the end of the loop body at line 81, .*: call cancel\(\) before the end of the loop body \(not with defer`
		if err := m.start(cctx, ref); err == nil {
			m.cache[ref] = cancel
		}
	}
}

// Each acquisition is its own leak, with its own report.
func (m *manager) syncTwice(ctx context.Context, refs []string) {
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx) // want `not called on the path through the continue at line 89`
		if err := m.start(cctx, ref); err != nil {
			continue
		}
		m.cache[ref] = cancel
	}
	for _, ref := range refs {
		cctx, cancel := context.WithCancelCause(ctx) // want `not called on the path through the continue at line 96`
		if err := m.start(cctx, ref+"/2"); err != nil {
			continue
		}
		m.cache[ref+"/2"] = cancel
	}
}

// Quiet: every path out of the body stores or calls cancel.
func (m *manager) syncStopAll() {
	for ref, cancel := range m.cache {
		cancel(context.Canceled)
		delete(m.cache, ref)
	}
}
