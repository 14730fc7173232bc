package collections

import (
	"errors"
	"fmt"
	"os"

	"concrete/actions"
)

type handler struct {
	path   string
	action actions.Action
	mode   actions.Mode
}

var errExit = errors.New("exit")

func drain(f *os.File) error { return nil }

// After the defer, every path returns: an error from drain, or a switch on an
// actions.Action whose cases name every constant the package declares for it
// (Continue, Exit, Undo), each returning. The enum says no other value occurs, so
// the loop never comes back round to the defer, which runs once, at return
// (go-mysql-server's buildBlock handler loop). Quiet.
func runHandler(handlers []handler, err error) error {
	for i := len(handlers) - 1; i >= 0; i-- {
		f, err := os.Open(handlers[i].path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := drain(f); err != nil {
			return err
		}
		switch handlers[i].action {
		case actions.Exit:
			return errExit
		case actions.Continue:
			return nil
		case actions.Undo:
			return fmt.Errorf("undo is not supported")
		}
	}
	return err
}

// The same loop with a switch that leaves out actions.Undo: an Undo handler falls
// out of the switch and the loop opens the next file with the last one still
// open. Reported.
func runHandlerMissingUndo(handlers []handler, err error) error {
	for i := len(handlers) - 1; i >= 0; i-- {
		f, err := os.Open(handlers[i].path)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until runHandlerMissingUndo returns`
		if err := drain(f); err != nil {
			return err
		}
		switch handlers[i].action {
		case actions.Exit:
			return errExit
		case actions.Continue:
			return nil
		}
	}
	return err
}

// A switch on a type with a constant the case lists cannot name (actions.Mode's
// unexported append_) is not complete: the loop comes round. Reported.
func runModes(handlers []handler) error {
	for _, h := range handlers {
		f, err := os.Open(h.path)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until runModes returns`
		switch h.mode {
		case actions.Read:
			return nil
		case actions.Write:
			return errExit
		}
	}
	return nil
}

// A complete switch whose one case ends its body without returning comes round:
// only the unmatched path is cut, not the cases' own. Reported.
func runHandlerContinuing(handlers []handler) error {
	for _, h := range handlers {
		f, err := os.Open(h.path)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until runHandlerContinuing returns`
		switch h.action {
		case actions.Exit:
			return errExit
		case actions.Continue:
		case actions.Undo:
			return nil
		}
	}
	return nil
}
