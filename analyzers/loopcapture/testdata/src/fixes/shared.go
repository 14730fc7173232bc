package fixes

import "golang.org/x/sync/errgroup"

type state struct {
	n    int
	done bool
}

// The literal writes into resp's elements while the loop appends to resp: a real
// race, and a copy of resp (resp := resp) would not help, since the next append
// can move the elements and the write would go to the old backing array. No fix.
func appendedSlots(items []string) ([]any, error) {
	var g errgroup.Group
	resp := []any{}
	for _, it := range items {
		resp = append(resp, nil)
		idx := len(resp) - 1
		g.Go(func() error {
			resp[idx] = it // want `reads resp, .*it writes into resp's elements, which a later append can move, so a copy would lose the writes: collect the values first and start the goroutines after the loop, or give each goroutine its own slot`
			return nil
		})
	}
	err := g.Wait()
	return resp, err
}

// The same shape with a go statement; a variable that is only read (cur) shares
// the literal, and the one fix for the literal is withheld for both.
func appendedSlotsGo(items []string) []any {
	resp := []any{}
	var cur string
	for _, it := range items {
		cur = it
		resp = append(resp, nil)
		idx := len(resp) - 1
		go func() {
			resp[idx] = cur // want `reads resp, .*a later append can move` `reads cur`
		}()
	}
	return resp
}

// A field write through a pointer variable the loop assigns again: the literal
// means to reach what cur points to, and a copy would change what that is. No fix.
func pointerField(items []int) {
	var cur *state
	for _, n := range items {
		cur = &state{n: n}
		go func() {
			cur.done = true // want `reads cur, .*it also writes through cur, so a copy would change what its writes reach: give each goroutine storage of its own`
		}()
	}
}

// *p = x is a write through p as well.
func pointerStore(items []int) {
	var p *int
	for _, n := range items {
		p = new(int)
		defer func() {
			*p = n // want `reads p, .*it also writes through p.*give each deferred call storage of its own`
		}()
	}
}

// A field write to a struct value: through a copy it would be lost. No fix.
func valueField(items []int) {
	var g errgroup.Group
	var st state
	for _, n := range items {
		st = state{n: n}
		g.Go(func() error {
			st.done = st.n > 0 // want `reads st, .*it also writes to st's fields or elements, so its writes would go to a copy and be lost`
			return nil
		})
	}
	_ = g.Wait()
}

// Only reads of the slice's elements: resp[idx] is set before the goroutine
// starts, and the value passed holds it whatever the loop appends later. Fixed.
func readsSlots(items []string) {
	resp := []any{}
	for _, it := range items {
		resp = append(resp, it)
		idx := len(resp) - 1
		go func() {
			use(resp[idx]) // want `reads resp, .*: pass resp as an argument`
		}()
	}
}

// No fix: the block writes a field of st after the launcher call, which a copy
// (st := st) would take away from st.
func fieldWrittenAfter(items []int) {
	var g errgroup.Group
	var st state
	for _, n := range items {
		st = state{n: n}
		g.Go(func() error {
			use(st) // want `reads st, .*copy it just before the call`
			return nil
		})
		st.done = true
	}
	_ = g.Wait()
	use(st)
}
