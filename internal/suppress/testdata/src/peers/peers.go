package peers

// The calls analyzer of the test reports every call under the name unclosed.

func lines() {
	println("a") //nolint:bodyclose // a peer of unclosed silences its own line
	//nolint:sqlclosecheck // and the line below
	println("b")
	//nolint:bodyclose // but not two lines below

	println("c") // want "call"
	//lint:ignore SA5001 Close is deferred before the check on purpose
	println("d")
}

func otherClasses() {
	println("e") //nolint:govet // want "call"
	println("f") //nolint:govet // lostcancel names a check of ctxcancel // want "call"
	println("g") //nolint:errcheck // want "call"
	println("h") //lint:ignore SA9001 names a check of deferloop // want "call"
}

func everyLinter() {
	println("i") //nolint // a bare nolint silences every linter
	println("j") //nolint:all // and so does all
}
