package peers

import (
	"context"
	"errors"
)

func run(context.Context) error { return errors.New("failed") }

// The project has seen go vet's lostcancel report on these lines and silenced it
// on purpose: ctxcancel reports the same bug, so the decision stands for it too.
func silencedLostcancel(parent context.Context) (func(), error) {
	ctx, kill := context.WithCancel(parent) //nolint:govet // lostcancel
	if err := run(ctx); err != nil {
		return nil, err //nolint:govet // lostcancel
	}
	return kill, nil
}

// A bare //nolint:govet may silence printf or copylocks on the line: it says
// nothing about the cancel function, so the leak is still reported.
func silencedSomeVetCheck(parent context.Context) (func(), error) {
	ctx, kill := context.WithCancel(parent) //nolint:govet // want `kill`
	if err := run(ctx); err != nil {
		return nil, err //nolint:govet
	}
	return kill, nil
}

// errcheck reports unchecked errors, not lost cancel functions.
func silencedErrcheck(parent context.Context) (func(), error) {
	ctx, kill := context.WithCancel(parent) //nolint:errcheck // want `kill`
	if err := run(ctx); err != nil {
		return nil, err //nolint:errcheck
	}
	return kill, nil
}
