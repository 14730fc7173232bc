package concrete

// Iterator is starlark's: Done releases what Iterate took, which for its lists
// is only a guard against mutation during iteration (itercount--), but for any
// other Iterable is whatever its author made it.
type Iterator interface {
	Next(p *any) bool
	Done()
}

func iterate(any) Iterator { return nil }

// From starlark's dict update: an iterator per element of the input, each Done
// deferred. Policy, reported by design: Done is an interface method, and nothing
// in the code says what an implementation holds until it is called (a list's is
// a mutation guard, which keeps the list frozen until return; another's may be a
// file). The deferred calls pile up for as long as the input delivers.
func updateFrom(updates any, set func(k, v any)) {
	iter := iterate(updates)
	defer iter.Done()
	var pair any
	for iter.Next(&pair) {
		iter2 := iterate(pair)
		defer iter2.Done() // want `iter2.Done\(\) is deferred in a loop`
		var k, v any
		iter2.Next(&k)
		iter2.Next(&v)
		set(k, v)
	}
}
