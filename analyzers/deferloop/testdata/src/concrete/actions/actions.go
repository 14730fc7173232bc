// Package actions declares enums for the complete-switch cases of package
// concrete, as go-mysql-server's expression package declares DeclareHandlerAction.
package actions

// Action is what a handler does once it has run.
type Action byte

const (
	Continue Action = iota
	Exit
	Undo
)

// Mode has an unexported constant, which a switch in another package cannot
// name: no such switch covers Mode.
type Mode int

const (
	Read Mode = iota
	Write
	append_
)

var _ = append_
