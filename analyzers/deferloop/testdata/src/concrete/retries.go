package concrete

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sync"
	"time"
)

type retryPolicy struct{}

func (retryPolicy) shouldRetry(err error, attempt int) bool { return err != nil && attempt < 3 }

type request struct{ body io.ReadCloser }

func (r *request) setBody(b io.ReadCloser) { r.body = b }
func (r *request) Body() io.ReadCloser     { return r.body }

func execute(*request) (int, error)        { return 0, nil }
func sign(context.Context) ([]byte, error) { return nil, nil }
func signContext() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}
func tryOnce(context.Context) error     { return nil }
func backoff(int) time.Duration         { return time.Millisecond }
func dialRetry() (io.ReadCloser, error) { return nil, nil }
func process(io.Reader) error           { return nil }

var errThrottled = errors.New("throttled")

// From baidubce/bce-sdk-go's SendRequestFromBytes: the loop comes round only after
// a failed attempt (err != nil, then the policy's decision on it), every success
// returns, and retries counts the attempts that the policy is passed. At most one
// deferred Close per failure the policy allows: a plain delay, quiet by default,
// reported with -deferloop.delayed.
func sendWithRetry(p retryPolicy, req *request, content []byte) error {
	retries := 0
	for {
		buf := bytes.NewBuffer(content)
		req.setBody(io.NopCloser(buf))
		defer req.Body().Close()
		status, err := execute(req)
		if err != nil {
			if p.shouldRetry(err, retries) {
				time.Sleep(backoff(retries))
			} else {
				return err
			}
			retries++
			continue
		}
		if status != 200 {
			err := errThrottled
			if p.shouldRetry(err, retries) {
				time.Sleep(backoff(retries))
			} else {
				return err
			}
			retries++
			continue
		}
		return nil
	}
}

// From smallstep/crypto's azurekms signWithRetry: a loop built with goto that
// comes back only when the attempt failed and attempts are left, counting them
// down. Quiet, as above.
func signWithRetry(attempts int) ([]byte, error) {
retry:
	ctx, cancel := signContext()
	defer cancel()
	sig, err := sign(ctx)
	if err != nil && attempts > 0 {
		if errors.Is(err, errThrottled) {
			time.Sleep(time.Second / time.Duration(attempts))
			attempts--
			goto retry
		}
	}
	return sig, err
}

// The loop's condition compares the counter, and the success returns before the
// rest of the iteration (the statements after if err == nil { return } run only on
// failure). Quiet, as above.
func pingUntil(ctx context.Context, max int) error {
	var err error
	for attempt := 0; attempt < max; attempt++ {
		actx, cancel := context.WithCancel(ctx)
		defer cancel()
		if err = tryOnce(actx); err == nil {
			return nil
		}
		time.Sleep(backoff(attempt))
	}
	return err
}

// The same request retried until it succeeds, with no count of its attempts:
// every failure for as long as the outage lasts leaves one more deferred Close.
// Reported.
func sendUntilDone(req *request, content []byte) error {
	for {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close() // want `req.Body\(\).Close\(\) is deferred in a loop, so it runs when sendUntilDone returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		if _, err := execute(req); err != nil {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
}

// A counter that is only passed to the backoff, never compared: nothing stops the
// retries. Reported.
func sendWithBackoff(req *request, content []byte) error {
	attempt := 0
	for {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close() // want `req.Body\(\).Close\(\) is deferred in a loop, so it runs when sendWithBackoff returns, not at the end of each iteration, and the deferred calls pile up for as long as the loop runs`
		if _, err := execute(req); err != nil {
			attempt++
			time.Sleep(backoff(attempt))
			continue
		}
		return nil
	}
}

// A loop built with goto that retries until success: reported.
func signUntilDone() ([]byte, error) {
retry:
	ctx, cancel := signContext()
	defer cancel() // want `cancel\(\) is deferred in a loop, so every iteration's context stays uncancelled until signUntilDone returns`
	sig, err := sign(ctx)
	if err != nil {
		goto retry
	}
	return sig, err
}

var retryMu sync.Mutex

// A bounded retry that locks the same mutex in every attempt deadlocks on the
// first retry, whatever bounds the attempts. Reported.
func lockedRetry(max int) error {
	for attempt := 0; attempt < max; attempt++ {
		retryMu.Lock()
		defer retryMu.Unlock() // want `retryMu.Unlock\(\) is deferred in a loop that locks retryMu, so the next iteration deadlocks`
		if err := tryOnce(context.Background()); err != nil {
			continue
		}
		return nil
	}
	return nil
}

// The same retry with its decisions in a switch with no tag, a chain of ifs: the
// loop comes round only past err == nil, false, and the policy bounds the
// attempts. Quiet, as sendWithRetry is (a known false positive before).
func sendSwitch(p retryPolicy, req *request, content []byte) error {
	for retries := 0; ; retries++ {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close()
		_, err := execute(req)
		switch {
		case err == nil:
			return nil
		case !p.shouldRetry(err, retries):
			return err
		}
	}
}

// A failure case that gives up or retries, and the success falling out of the
// switch to the next round: a processing loop, whatever the counter. Reported.
func sendSwitchEach(req *request, content []byte) error {
	for attempt := 0; ; attempt++ {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close() // want `req.Body\(\).Close\(\) is deferred in a loop, so it runs when sendSwitchEach returns`
		_, err := execute(req)
		switch {
		case err != nil:
			if attempt > 3 {
				return err
			}
			continue
		}
		println("sent")
	}
}

// A success case that falls through into the retrying case's body: that body is
// not entered on failure only, so a success comes round. Reported.
func sendSwitchFallthrough(p retryPolicy, req *request, content []byte) error {
	for retries := 0; ; retries++ {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close() // want `req.Body\(\).Close\(\) is deferred in a loop, so it runs when sendSwitchFallthrough returns`
		_, err := execute(req)
		switch {
		case err == nil:
			println("sent")
			fallthrough
		case p.shouldRetry(err, retries):
			continue
		}
		return err
	}
}

// A switch on the error compares it with each case: the loop comes round only
// past case nil, not taken, into a throttled attempt, at most four times. Quiet.
func sendSwitchTag(req *request, content []byte) error {
	for retries := 0; ; retries++ {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close()
		_, err := execute(req)
		switch err {
		case nil:
			return nil
		case errThrottled:
			if retries > 3 {
				return err
			}
			continue
		}
		return err
	}
}

// The same switch whose success goes on to the next round: reported.
func sendSwitchTagEach(req *request, content []byte) error {
	for sent := 0; ; sent++ {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close() // want `req.Body\(\).Close\(\) is deferred in a loop, so it runs when sendSwitchTagEach returns`
		_, err := execute(req)
		switch err {
		case nil:
			if sent > 3 {
				return nil
			}
			continue
		case errThrottled:
			return err
		}
		return err
	}
}

// known false negative: the counter is read only by a log condition, which is
// taken as the retry decision; the loop retries until success, unreported.
func sendLogged(req *request, content []byte) error {
	attempt := 0
	for {
		req.setBody(io.NopCloser(bytes.NewBuffer(content)))
		defer req.Body().Close()
		if _, err := execute(req); err != nil {
			if attempt++; attempt > 3 {
				println("still failing")
			}
			continue
		}
		return nil
	}
}
