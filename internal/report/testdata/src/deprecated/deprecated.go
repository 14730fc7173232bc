package deprecated

import (
	"log"
	"time"
)

// Old measures its work.
//
// Deprecated: use New, which measures it right.
func Old() {
	start := time.Now()
	defer log.Println(time.Since(start)) // quiet: the function is deprecated
}

// New measures its work.
func New() {
	start := time.Now()
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

// Legacy is a store for old clients.
//
// DEPRECATED: use Store (older code writes the marker in capitals).
type Legacy struct{}

func (l *Legacy) Put() {
	start := time.Now()
	defer log.Println(time.Since(start)) // quiet: a method of a deprecated type
}

type (
	// Store keeps values.
	Store struct{}

	// Shim adapts a Store.
	//
	// Deprecated: use Store itself.
	Shim struct{}
)

func (s Store) Put() {
	start := time.Now()
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}

func (s Shim) Put() {
	start := time.Now()
	defer log.Println(time.Since(start)) // quiet: a method of a deprecated type in a group
}

// Mentioned says in passing that the old API is deprecated: a paragraph that does
// not begin with the marker marks nothing. NOTE: This is deprecated in spirit only.
func Mentioned() {
	start := time.Now()
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}
