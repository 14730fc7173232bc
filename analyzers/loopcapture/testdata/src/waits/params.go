//go:build go1.21

package waits

// Goroutines that get their channel as an argument, in a file with pre-Go 1.22
// loop semantics (one n for all iterations).

type node struct{ children []*node }

func walk(n *node, ch chan *node) { ch <- n }

// From gorgonia's walkFromRoots (a go 1.16 module): the literal's parameter ch
// holds the argument ch, the loop's own channel, which the goroutine closes when
// it is done; the range over ch ends only then, so the goroutine has finished
// reading n before the next iteration assigns it. Quiet.
func boundChannel(nodes []*node) []*node {
	var sub []*node
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(ch)
			walk(n, ch)
		}(ch)
		for x := range ch {
			sub = append(sub, x)
		}
	}
	return sub
}

// The same with a done channel under another name: the receive from done waits
// for the close of the parameter it is bound to. Quiet.
func boundDone(nodes []*node) {
	for _, n := range nodes {
		done := make(chan struct{})
		go func(finished chan struct{}) {
			defer close(finished)
			use(n)
		}(done)
		<-done
	}
}

// The loop ranges over another channel than the one it passes.
func otherRange(nodes []*node, results chan *node) {
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(ch)
			walk(n, ch) // want `the goroutine reads loop variable n`
		}(ch)
		for x := range results {
			use(x)
		}
	}
}

// The goroutine is given ch but neither uses nor closes it: it closes another
// channel, so the end of the range over ch says nothing about it.
func closesAnother(nodes []*node, other chan *node) {
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(other)
			walk(n, other) // want `the goroutine reads loop variable n`
		}(ch)
		for x := range ch {
			use(x)
		}
	}
}

// The goroutine is given a channel but the iteration does not wait on it.
func noWait(nodes []*node, sink func(chan *node)) {
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(ch)
			walk(n, ch) // want `the goroutine reads loop variable n`
		}(ch)
		sink(ch)
	}
}

// The name is given another channel after the go statement: the range is over
// that one, not the goroutine's.
func reassigned(nodes []*node) {
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(ch)
			walk(n, ch) // want `the goroutine reads loop variable n`
		}(ch)
		ch = make(chan *node)
		for x := range ch {
			use(x)
		}
	}
}

// The goroutine sends on the channel it is given and closes another. A receive
// counts as a wait for any channel the literal mentions, closed or not (a worker
// that only sends, with a closer goroutine that waits for all workers before
// close(ch), is safe, and the rule cannot tell the two apart), so this stays quiet.
func sendsClosesAnother(nodes []*node, other chan struct{}) {
	for _, n := range nodes {
		ch := make(chan *node)
		go func(ch chan *node) {
			defer close(other)
			walk(n, ch) // known false negative: the range over ch ends at a close that is not this goroutine's
		}(ch)
		for x := range ch {
			use(x)
		}
	}
}
