package deprecatedpkg

import (
	"log"
	"time"
)

func Get() {
	start := time.Now()
	defer log.Println(time.Since(start)) // quiet: the package is deprecated, in its doc comment in another file
}
