package pgx // want package:"analyzed"

// A stub of github.com/jackc/pgx/v5: generic functions that close the rows they
// are given, directly or through another, and call the function they are given.

type Rows interface {
	Close()
	Err() error
	Next() bool
}

type RowToFunc[T any] func(row Rows) (T, error)

// AppendRows closes rows, calls fn and appends to slice, which it returns.
func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) { // want AppendRows:`^owns params \[0 1 2\]$`
	defer rows.Close()
	for rows.Next() {
		value, err := fn(rows)
		if err != nil {
			return nil, err
		}
		slice = append(slice, value)
	}
	return slice, rows.Err()
}

// CollectRows hands rows and fn to AppendRows.
func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) { // want CollectRows:`^owns params \[0 1\]$`
	return AppendRows([]T{}, rows, fn)
}
