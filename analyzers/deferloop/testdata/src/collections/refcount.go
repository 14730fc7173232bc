package collections

import (
	"os"
)

// A plain file in the same loop shape as structChildren: a file is not
// reference-counted, and every iteration's descriptor stays open. Reported.
func openPerChunk(n int, names []string) int {
	total := 0
	for i := 0; i < n; i++ {
		f, err := os.Open(names[i])
		if err != nil {
			continue
		}
		defer f.Close() // want `f.Close\(\) is deferred in a loop, so every iteration's f stays open until openPerChunk returns`
		total += i
		_, _ = f.Stat()
	}
	return total
}

func leaseEach(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		l, err := acquire(i)
		if err != nil {
			continue
		}
		defer l.Release() // want `l.Release\(\) is deferred in a loop, so every iteration's l stays held until leaseEach returns`
		total += i
	}
	return total
}

// Parquet pqarrow's arrowColumnWriter.Write: a result per leaf column, its
// pooled buffers released only at return. Reported.
func writeColumns(n int) error {
	for i := 0; i < n; i++ {
		res, err := writeLevels(i)
		if err != nil {
			return err
		}
		defer res.Release() // want `res.Release\(\) is deferred in a loop, so every iteration's res stays held until writeColumns returns`
		_ = res.leaf.Len()
	}
	return nil
}
