// Package edit builds the text of suggested fixes: what an inserted line is indented
// with, so that a fix reads as if written by hand and -fix writes gofmt'd code.
package edit

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Indentation returns the white space that starts the line holding pos, read from
// the file's source; "" when the source cannot be read.
func Indentation(pass *analysis.Pass, pos token.Pos) string {
	tf := pass.Fset.File(pos)
	if tf == nil || pass.ReadFile == nil {
		return ""
	}
	content, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(content) {
		return ""
	}
	start := int(tf.LineStart(tf.Line(pos))) - tf.Base()
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}

// BodyIndentation returns the indentation of a statement written at the top of
// body: that of its first statement when it starts a line of its own, else one tab
// more than the line of the opening brace.
func BodyIndentation(pass *analysis.Pass, body *ast.BlockStmt) string {
	if len(body.List) > 0 {
		first := body.List[0].Pos()
		if pass.Fset.Position(first).Line != pass.Fset.Position(body.Lbrace).Line {
			return Indentation(pass, first)
		}
	}
	return Indentation(pass, body.Lbrace) + "\t"
}
