package concrete

import "sync"

// Array is a reference-counted value, after Arrow's arrow.Array: its method set
// has both Retain() and Release(). A deferred Release drops the function's own
// reference; whatever is built from the value keeps it alive on its own.
type Array interface {
	Retain()
	Release()
	Data() *ArrayData
	Len() int
}

// ArrayData is the reference-counted data behind an Array.
type ArrayData struct{ refs int64 }

func (d *ArrayData) Retain()  { d.refs++ }
func (d *ArrayData) Release() { d.refs-- }

// Column wraps a chunk, retaining it inside its constructor.
type Column struct{ data Array }

func (c *Column) Release() { c.data.Release() } // want Release:`releasesField\(data\)`
func (c *Column) Retain()  { c.data.Retain() }

// NewColumn retains data: the column holds its own reference.
func NewColumn(data Array) *Column { data.Retain(); return &Column{data} }

// Table holds its columns until it is released.
type Table struct{ cols []*Column }

func NewTable(cols []*Column) *Table {
	for _, c := range cols {
		c.Retain()
	}
	return &Table{cols}
}

func MakeFromData(d *ArrayData) Array { d.Retain(); return nil }
func unify(Array) (Array, error)      { return nil, nil }
func chunkOf(int) Array               { return nil }

// Arrow's UnifyTableDicts: each unified chunk is wrapped in a column that
// retains it, and the table built after the loop retains the columns; the
// deferred Releases drop the function's own references at return. Releasing at
// the end of the iteration would be harmless here only because NewColumn
// retains, which the pass cannot see: quiet by the refcount rule.
func unifyColumns(n int, chunks []Array) (*Table, error) {
	cols := make([]*Column, n)
	for i := 0; i < n; i++ {
		chunk, err := unify(chunks[i])
		if err != nil {
			return nil, err
		}
		defer chunk.Release()
		cols[i] = NewColumn(chunk)
		defer cols[i].Release()
	}
	return NewTable(cols), nil
}

// Arrow's struct builder: a child made per field, its Data handed to a
// constructor that retains it, the result read after the loop. Quiet.
func structChildren(n int) []Array {
	var out []Array
	for i := 0; i < n; i++ {
		child := chunkOf(i)
		defer child.Release()
		out = append(out, MakeFromData(child.Data()))
	}
	return out
}

// Arrow's selection: each chunk is used by a goroutine until the wait after
// the loop; releasing it at the end of the iteration would free what a
// goroutine still reads. Quiet.
func takeChunks(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		chunk := chunkOf(i)
		defer chunk.Release()
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = chunk.Len()
		}()
	}
	wg.Wait()
}

// The data behind an array is reference-counted as well (a pointer receiver's
// Retain and Release count): quiet in the same shape.
func releaseData(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		d := chunkOf(i).Data()
		defer d.Release()
		total += len(MakeFromData(d).Data().String())
	}
	return total
}

func (d *ArrayData) String() string { return "" }

// A reference-counted value that nothing else retains piles up until return,
// one per iteration. What else holds such a value is not visible to the pass,
// so the pile is not reported for it.
func writeLeaves(n int) {
	for i := 0; i < n; i++ {
		res := chunkOf(i)
		defer res.Release() // known false negative: nothing else retains res; every iteration's is held until return
		_ = res.Len()
	}
}

// The same Release in a loop that never exits: it never runs. Reported.
func releaseForever() {
	for i := 0; ; i++ {
		chunk := chunkOf(i)
		defer chunk.Release() // want `chunk.Release\(\) is deferred in a loop that never exits, so it never runs`
		_ = chunk.Len()
	}
}

// The same Release in a range over a channel: the calls pile up for as long as
// the channel delivers. Reported.
func releaseEach(chunks <-chan Array) int {
	total := 0
	for chunk := range chunks {
		defer chunk.Release() // want `chunk.Release\(\) is deferred in a loop, so it runs when releaseEach returns, not at the end of each iteration, and the deferred calls pile up for as long as the channel delivers`
		total += chunk.Len()
	}
	return total
}

// A Release that is not a reference count's (no Retain beside it): a lease
// taken per iteration stays held. Reported.
type lease struct{}

func (lease) Release() {}

func acquire(int) (lease, error) { return lease{}, nil }

// Datum is an interface with Release but no Retain, after Arrow's
// compute.Datum: its package's ArrayDatum implements it by holding a
// reference-counted Array, which NewDatum retains. A value of Datum may be such
// a wrapper, sharing what it holds with the value it was made from.
type Datum interface {
	Release()
	Len() int
}

type ArrayDatum struct{ Value Array }

func (d *ArrayDatum) Release() { d.Value.Release() } // want Release:`releasesField\(Value\)`
func (d *ArrayDatum) Len() int { return d.Value.Len() }

func NewDatum(a Array) Datum { a.Retain(); return &ArrayDatum{a} }

func literalToDatum(int) (Datum, error) { return nil, nil }

// Arrow's exprs literal list: each element's datum is released at return, its
// values read by the list built after the loop. Quiet.
func listLiteral(n int) ([]int, error) {
	values := make([]int, n)
	for i := 0; i < n; i++ {
		d, err := literalToDatum(i)
		if err != nil {
			return nil, err
		}
		defer d.Release()
		values[i] = d.Len()
	}
	return values, nil
}

// levelResult is parquet pqarrow's multipathLevelResult: it owns pooled level
// buffers and holds a leaf array, and has Release but no Retain, so it is an
// owner, not a shared value.
type levelResult struct {
	leaf   Array
	levels []int16
}

func (r *levelResult) Release() { r.levels = nil }

func writeLevels(int) (*levelResult, error) { return &levelResult{}, nil }

// A generic type in the package of an interface with Release is passed over
// when the pass looks for wrappers of shared values (types.Implements says
// nothing sure of an uninstantiated generic type).
type pooled[T any] struct{ v T }

func (*pooled[T]) Release() {}
