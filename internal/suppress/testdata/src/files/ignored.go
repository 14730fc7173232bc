//deferlint:file-ignore unclosed every call of this file is excused

package files

func ignored() {
	println("a")
	println("b")
}
