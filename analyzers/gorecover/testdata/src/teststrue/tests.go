package teststrue // want package:"recovery analyzed"

import "fmt"

// work stands for code that can panic.
func work() { fmt.Print("work") }
