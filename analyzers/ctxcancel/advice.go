package ctxcancel

import "fmt"

// advice is how a report tells to release a cancel function: what a reader must
// write depends on whether the function may be nil, on whether the derived
// context outlives the function that made it, and on whether the acquisition is
// in a loop.
type advice struct {
	name     string // the variable that holds the cancel function
	mayBeNil bool   // the source may return a nil one beside no error (see resources.Fresh)
	// heldOn says that the derived context is handed to something that outlives
	// the function (returned, stored, a value returned or stored that may hold it):
	// a deferred call would cancel it under its holder, so no defer is advised.
	heldOn bool
	// inLoop says that a loop of the function encloses the acquisition: deferred
	// calls would pile up, one per iteration, until the function returns, so no
	// defer is advised either.
	inLoop bool
	// joined says that the first leaking return is also reached by paths that have
	// handed the derived context on: calling the function just before it would
	// cancel the context under its holder on those paths.
	joined bool
	// mayKeep says that the derived context is passed to code that may keep it
	// (an interface method, a function value, a function literal): whether a
	// deferred call would cancel it under that code cannot be told, so no defer
	// is advised.
	mayKeep bool
}

func adviceFor(name string, src *source, heldOn, inLoop bool) advice {
	return advice{name: name, mayBeNil: src.mayBeNil, heldOn: heldOn, inLoop: inLoop}
}

// call says to call the function, guarded when it may be nil.
func (a advice) call() string {
	if a.mayBeNil {
		return fmt.Sprintf("run if %s != nil { %s() }", a.name, a.name)
	}
	return "call " + a.name + "()"
}

// deferred says to defer a call of the function, guarded when it may be nil.
func (a advice) deferred() string {
	if a.mayBeNil {
		return fmt.Sprintf("write if %s != nil { defer %s() }", a.name, a.name)
	}
	return "defer " + a.name + "()"
}

// discarded is the remedy for a discarded cancel function.
func (a advice) discarded() string {
	switch {
	case a.heldOn:
		return "assign it and call it when what holds the derived context is done with it, not with defer, which would cancel the context under its holder"
	case a.inLoop:
		return "assign it and " + a.call() + " before the iteration ends"
	case a.mayKeep:
		return "assign it and " + a.call() + " " + a.whenKeeperDone()
	}
	return "assign it and " + a.deferred()
}

// notDeferredInLoop is the remedy, in a loop, for a cancel function that some
// paths or all of them do not call: a deferred call would only run when the
// function returns.
func (a advice) notDeferredInLoop() string {
	return a.call() + " on every path before the iteration ends or the function returns (not with defer, which would keep every iteration's context until the function returns)"
}

// heldOnRemedy is the remedy for a cancel function of a context handed on that
// some paths do not call. In a loop, each iteration's context is handed on and
// left registered with the parent: its holder must end it.
func (a advice) heldOnRemedy() string {
	if a.inLoop {
		return a.call() + " when what holds the derived context is done with it (not with defer, which would cancel the context under its holder)"
	}
	return a.call() + " on each path that returns without handing the derived context on (not with defer, which would cancel the context under its holder)"
}

// neverCalled is the remedy for a cancel function that is never called.
func (a advice) neverCalled() string {
	switch {
	case a.heldOn:
		return a.heldOnRemedy()
	case a.inLoop:
		return a.notDeferredInLoop()
	case a.mayKeep:
		return a.call() + " " + a.whenKeeperDone()
	}
	return a.deferred() + " after this line"
}

// notOnEveryPath is the remedy for a cancel function that some paths do not
// call. Where the first leaking return is also reached by paths that have handed
// the derived context on (joined), a call just before it would cancel the context
// under its holder on those paths: the call belongs on the leaking path, before
// the paths join.
func (a advice) notOnEveryPath() string {
	switch {
	case a.joined && a.inLoop:
		return a.heldOnRemedy() + ", not just before the return, which paths reach after handing it on"
	case a.joined:
		return a.call() + " on the path that reaches the return without handing the derived context on, before that path joins those that do (not just before the return, which would cancel the context under its holder on those paths)"
	case a.heldOn:
		return a.heldOnRemedy()
	case a.inLoop:
		return a.notDeferredInLoop()
	case a.mayBeNil:
		return "call it on every path, usually: " + a.deferred() + " after this line"
	}
	return "call " + a.name + "() on every path, usually with defer"
}

// whenKeeperDone says when to call the function of a context passed to code
// that may keep it.
func (a advice) whenKeeperDone() string {
	return "when the code the derived context is passed to is done with it (that code may keep the context, and a deferred call would cancel it there)"
}

// beforeExits is the remedy for a cancel function that paths take out of its
// variable's scope (at exits: a continue, a break, the end of a loop body)
// without calling it.
func (a advice) beforeExits(exits []exit) string {
	where := "before each"
	if len(exits) == 1 {
		where = "before " + exits[0].short
	}
	switch {
	case a.heldOn:
		return a.heldOnRemedy()
	case a.inLoop:
		return a.call() + " " + where + " (not with defer, which would keep every iteration's context until the function returns)"
	}
	return a.call() + " " + where
}

// plural returns one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
