package generic // want package:"analyzed, acquiring"

// A generic function's fresh cancel result.

import (
	"context"
	"time"
)

// Start returns a fresh cancel function.
func Start[T any](ctx context.Context, v T) (context.Context, context.CancelFunc) { // want Start:`^fresh cancel in result 1$`
	return context.WithTimeout(ctx, time.Second)
}
