package outer

type subscription struct{}

func subscribe() (*subscription, error) { return &subscription{}, nil }
func unsubscribe(*subscription)         {}
func poll(*subscription) bool           { return false }

// A lazy initialisation: the loop assigns sub only while it is nil, so once the
// deferred function is started, no later iteration changes sub.
func waitLazily() error {
	var sub *subscription
	for {
		if sub == nil {
			var err error
			sub, err = subscribe()
			if err != nil {
				return err
			}
			defer func() { unsubscribe(sub) }()
		}
		if poll(sub) {
			return nil
		}
	}
}

// The loop also resets sub to nil, so the guard lets a later iteration assign it
// again: reported.
func resubscribe() error {
	var sub *subscription
	for {
		if sub == nil {
			sub, _ = subscribe()
			defer func() { unsubscribe(sub) }() // want `the deferred function reads sub, which is declared outside the loop and assigned again on later iterations`
		}
		if !poll(sub) {
			sub = nil
		}
	}
}

// An unguarded assignment: reported.
func subscribeEach(n int) {
	var sub *subscription
	for range n {
		sub, _ = subscribe()
		defer func() { unsubscribe(sub) }() // want `the deferred function reads sub, which is declared outside the loop`
	}
}
