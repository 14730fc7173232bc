package jobs

import (
	"context"
	"time"
)

// FetchAll fetches every key with a per-key deadline. The cancel function of each
// derived context is dropped, so its timer lives until the deadline passes: one leak
// per key.
func FetchAll(ctx context.Context, keys []string, fetch func(context.Context, string) error) error {
	for _, key := range keys {
		kctx, _ := context.WithTimeout(ctx, time.Second)
		if err := fetch(kctx, key); err != nil {
			return err
		}
	}
	return nil
}
