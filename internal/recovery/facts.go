package recovery

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Fact is what a function does with panics, as far as callers in other packages
// need to know. Only functions with something to say carry one.
type Fact struct {
	Recovers     bool // calls recover() directly: deferring the function stops a panic
	OnlyRecovers bool // does nothing else: called without defer, it does nothing at all
	Recovered    bool // defers a recovering call itself: a goroutine running it is recovered
	Unsure       bool // defers calls whose bodies are unknown, one of which may recover
	// Delegates: hands work to a function that recovers itself or runs it
	// recovered (not transitive: only a direct call counts).
	Delegates     bool
	RunsRecovered []int // indices of function parameters it runs under a recovering defer
	// StartsRecovered: those of RunsRecovered that it runs in a new goroutine
	// (safe.Go(f)), not in its caller's (safe.Run(f), a test helper's didPanic(f)).
	StartsRecovered []int
	// Propagates: a function it defers calls panic(), or it calls recover() and
	// panic() itself: it recovers only to pass the panic on (re-panicking it, or
	// every value but a sentinel), so its recovering is no sign that the code
	// base wants goroutines recovered.
	Propagates bool
	// Narrow: the recover() it calls, or the one of a function it defers,
	// runs only under a condition that does not test the panic (an opt-in
	// handler: if handler != nil { handler(recover()) }) or discards the value
	// (_ = recover(), a guard around one operation): no sign that the code base
	// recovers its goroutines.
	Narrow   bool
	Launches []int // indices of function parameters it starts itself in a new goroutine without recovering
	// LaunchesWrapped: indices of function parameters it calls from a goroutine it
	// starts without recovering (that go statement is reported where it is).
	LaunchesWrapped []int
	Crashes         bool // its last statement crashes on purpose (see IsCrash): it exists to end the process
}

func (*Fact) AFact() {}

func (f *Fact) String() string { return "recovery" + describe(f) }

func (f *Fact) zero() bool {
	return !f.Recovers && !f.Recovered && !f.Unsure && !f.Delegates && len(f.RunsRecovered) == 0 && len(f.Launches) == 0 && len(f.LaunchesWrapped) == 0 && !f.Crashes && !f.Propagates && !f.Narrow
}

func describe(f *Fact) string {
	var parts []string
	for _, p := range []struct {
		on   bool
		name string
	}{{f.Recovers, "recovers"}, {f.OnlyRecovers, "only"}, {f.Recovered, "recovered"}, {f.Unsure, "unsure"}, {f.Delegates, "delegates"}, {f.Crashes, "crashes"}, {f.Propagates, "propagates"}, {f.Narrow, "narrow"}} {
		if p.on {
			parts = append(parts, p.name)
		}
	}
	if len(f.RunsRecovered) > 0 {
		parts = append(parts, "runs"+ints(f.RunsRecovered))
	}
	if len(f.StartsRecovered) > 0 {
		parts = append(parts, "starts"+ints(f.StartsRecovered))
	}
	if len(f.Launches) > 0 {
		parts = append(parts, "launches"+ints(f.Launches))
	}
	if len(f.LaunchesWrapped) > 0 {
		parts = append(parts, "wraps"+ints(f.LaunchesWrapped))
	}
	return "(" + strings.Join(parts, ",") + ")"
}

func ints(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(rune('0' + x%10))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// PackageFact marks a package whose functions were analyzed: a function of such a
// package without a Fact neither recovers nor is recovered.
type PackageFact struct {
	Analyzed bool
}

func (*PackageFact) AFact() {}

func (f *PackageFact) String() string { return "recovery analyzed" }

// FactTypes lists the facts an analyzer using an Index must declare.
var FactTypes = []analysis.Fact{new(Fact), new(PackageFact)}

func equalFacts(a, b *Fact) bool {
	return a.Recovered == b.Recovered && a.Unsure == b.Unsure && a.Delegates == b.Delegates &&
		a.Propagates == b.Propagates && a.Narrow == b.Narrow && slices.Equal(a.StartsRecovered, b.StartsRecovered) &&
		slices.Equal(a.RunsRecovered, b.RunsRecovered) && slices.Equal(a.Launches, b.Launches) &&
		slices.Equal(a.LaunchesWrapped, b.LaunchesWrapped)
}
