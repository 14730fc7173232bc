package unbounded

import (
	"context"
	"errors"
	"os"
	"time"
)

var errBusy = errors.New("busy")

// From tus/tusd's fileUploadLock.Lock: a polling loop without a condition opens
// the stop file on every retry and keeps each descriptor until the lock is taken
// or the context ends. The count is the number of polls, not a collection: reported.
func lockPolling(ctx context.Context, stopFile string, try func() error) error {
	for {
		err := try()
		if err == nil {
			return nil
		}
		if err != errBusy {
			return err
		}
		f, err := os.Create(stopFile)
		if err != nil {
			return err
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until lockPolling returns`
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
			continue
		}
	}
}

// A context with a timeout per poll: each frees itself when its time is up, but
// the deferred calls still pile up for as long as the polling goes on. Reported.
func pollWithTimeouts(ctx context.Context, try func(context.Context) error) error {
	for {
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays registered, with its timer, until its deadline passes, and in memory until pollWithTimeouts returns`
		if try(pctx) == nil {
			return nil
		}
	}
}
