// Package lib is a copy of another project's code, kept under third_party: its
// findings are the other project's to fix.
package lib

import (
	"log"
	"time"
)

func measured() {
	start := time.Now()
	defer log.Println(time.Since(start))
}
