//go:build go1.21

package waits

import "errors"

type limitCase struct {
	requests int
	timeout  int
}

func call(int) error { return nil }

// A fan-out and fan-in (aws-iam-authenticator's rate-limit test, measurement
// 44): a counted loop starts a goroutine per round, each sends once, and a loop
// with the same count receives once per round. When the second loop is done, every
// goroutine has sent, and read tc before that.
func fanIn(cases []limitCase) {
	for _, tc := range cases {
		errc := make(chan error, tc.requests)
		for i := 0; i < tc.requests; i++ {
			go func() {
				if tc.timeout < 0 { // quiet: read before the one send, which the iteration receives
					errc <- errors.New("bad timeout")
					return
				}
				errc <- call(tc.timeout)
			}()
		}
		failed := false
		for i := 0; i < tc.requests; i++ {
			err := <-errc
			if err != nil {
				failed = true
				continue
			}
		}
		_ = failed
	}
}

// A goroutine that may send twice can fill the receives for another that has not
// run yet: no wait for every goroutine.
func fanInTwice(cases []limitCase) {
	for _, tc := range cases {
		errc := make(chan error, 2*tc.requests)
		for i := 0; i < tc.requests; i++ {
			go func() {
				if tc.timeout < 0 { // want `loop variable tc`
					errc <- errors.New("bad timeout")
				}
				errc <- call(tc.timeout)
			}()
		}
		for i := 0; i < tc.requests; i++ {
			<-errc
		}
	}
}

// Fewer receives than goroutines: the last ones may still run.
func fanInHalf(cases []limitCase) {
	for _, tc := range cases {
		errc := make(chan error, tc.requests)
		for i := 0; i < tc.requests; i++ {
			go func() {
				errc <- call(tc.timeout) // want `loop variable tc`
			}()
		}
		for i := 0; i < tc.requests/2; i++ {
			<-errc
		}
	}
}

// A receiving loop that may break early leaves goroutines running past it.
func fanInBreak(cases []limitCase) {
	for _, tc := range cases {
		errc := make(chan error, tc.requests)
		for i := 0; i < tc.requests; i++ {
			go func() {
				errc <- call(tc.timeout) // want `loop variable tc`
			}()
		}
		for i := 0; i < tc.requests; i++ {
			err := <-errc
			if err != nil {
				break
			}
		}
	}
}

// The count changes between the loops: the second may receive fewer values.
func fanInRecounted(cases []limitCase) {
	for _, tc := range cases {
		n := tc.requests
		errc := make(chan error, n)
		for i := 0; i < n; i++ {
			go func() {
				errc <- call(tc.timeout) // want `loop variable tc`
			}()
		}
		n--
		for i := 0; i < n; i++ {
			<-errc
		}
	}
}
