package knowledge

import "go/types"

// inertReleases are release methods whose receiver holds no resource of its
// own: no descriptor, no connection, no lock, no goroutine. Calling them late, or
// never, keeps nothing open.
//
//   - (*mime/multipart.Part).Close only drains what is left of the part from the
//     reader it shares with the other parts (io.Copy(io.Discard, p)); the part
//     is a view of that reader, which holds the body and is closed, if at all,
//     by whoever owns the body.
var inertReleases = NewFuncs(
	"(*mime/multipart.Part).Close",
)

// HoldsNothing reports whether fn is a release method whose receiver holds no
// resource of its own (see inertReleases): a deferred call of it releases
// nothing, so the value is not held open until the call runs.
func HoldsNothing(fn *types.Func) bool { return fn != nil && inertReleases.Has(fn.Origin()) }

// closingIterators are the methods that release the value they returned last
// before returning the next one, so that a loop calling one on the same receiver
// releases every value but the last as it goes.
//
//   - (*mime/multipart.Reader).NextPart and NextRawPart close the current part
//     (r.currentPart.Close() at the top of nextPart) before reading the next.
var closingIterators = NewFuncs(
	"(*mime/multipart.Reader).NextPart",
	"(*mime/multipart.Reader).NextRawPart",
)

// ClosesPrevious reports whether fn releases the value its previous call on the
// same receiver returned before it returns the next (see closingIterators).
func ClosesPrevious(fn *types.Func) bool { return fn != nil && closingIterators.Has(fn.Origin()) }
