// Package own is the module's own code: reported, though the module's path says
// third_party (only the directories inside the module count).
package own

import (
	"log"
	"time"
)

func measured() {
	start := time.Now()
	defer log.Println(time.Since(start)) // want `time.Since\(start\) is evaluated`
}
