package use // want package:"recovery analyzed"

import "example.com/samemod/spawn"

func work() {}

func start() {
	spawn.Go(func() { work() }) // same module: reported in spawn instead
}
