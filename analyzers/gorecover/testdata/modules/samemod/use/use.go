package use // want package:"recovery analyzed"

import (
	"example.com/samemod/spawn"
	"fmt"
)

// work stands for code that can panic.
func work() { fmt.Print("work") }

func start() {
	spawn.Go(func() { work() }) // same module: reported in spawn instead
}
