package files

//deferlint:file-ignore deferargs nothing of deferargs is reported anywhere

func reported() {
	println("c") // want "call"
	//deferlint:ignore unclosed the next line is excused
	println("d")
	//deferlint:ignore unclosed nothing to excuse below

	println("e") // want "call"
}
