package fields

import "context"

// Package initialisation: the contexts made here serve the package for the whole
// run of the program, like those made in main.main, so nothing needs to cancel them.

type service struct{}

func (*service) serve(context.Context) {}

func startService() (*service, context.CancelFunc) {
	s := &service{}
	ctx, cancel := context.WithCancel(context.Background())
	go s.serve(ctx)
	return s, cancel
}

var (
	defaultService *service
	defaultCancel  context.CancelFunc
	keptCancel     context.CancelFunc
)

// Stored in init through a helper: quiet.
func init() {
	defaultService, defaultCancel = startService()
}

// Stored in init from a local: quiet.
func init() {
	ctx, cancel := context.WithCancel(context.Background())
	keptCancel = cancel
	go run(ctx)
}

// A package-level initialiser: quiet.
var rootCtx, rootCancel = context.WithCancel(context.Background())

// The same store in a function that may run many times: reported. startService's
// context derives from context.Background(), which holds nothing, but its cancel
// function is the stop signal of the goroutine startService starts: each lost one
// leaves a serve goroutine running. That is why "holds nothing" is not carried
// through a helper's facts (see doc.go).
func restartService() {
	defaultService, defaultCancel = startService() // want `the cancel function returned by startService is stored in package variable defaultCancel, which nothing in this package calls`
}
