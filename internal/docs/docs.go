// Package docs reads an analyzer's documentation out of its doc.go.
//
// Each analyzer package embeds its own doc.go, so that the package documentation,
// the Analyzer's Doc (shown by -list, -help and in SARIF rule help) and the README
// table come from one text.
package docs

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the documentation of analyzer name from the source of a doc.go
// whose package comment has a "# Analyzer NAME" heading: everything after the heading,
// whose first line is the one-line summary "NAME: summary". It panics when the heading
// is missing, which the analyzer's own tests catch at once.
func Extract(docGo, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docGo, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("docs: doc.go of %s has no package comment", name))
	}
	_, after, ok := strings.Cut(f.Doc.Text(), "# Analyzer "+name+"\n")
	if !ok {
		panic(fmt.Sprintf("docs: doc.go of %s has no %q heading", name, "# Analyzer "+name))
	}
	return strings.TrimSpace(after)
}

// Summary returns the first line of an analyzer's Doc, without the "NAME: " prefix.
func Summary(name, doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return strings.TrimPrefix(first, name+": ")
}
