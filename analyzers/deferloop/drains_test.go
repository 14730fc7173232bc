package deferloop

import (
	"go/ast"
	"strings"
	"testing"
)

// TestDocumentsClosing checks which doc comments of a Next method state that it
// closes its rows when it returns false.
func TestDocumentsClosing(t *testing.T) {
	tests := []struct {
		doc  string
		want bool
	}{
		{"When Next returns false, and there are no more results/result sets to be\nread, the [ResultSet.Close] is called implicitly.", true}, // kivik
		{"Next prepares the next row. It automatically closes rows upon returning false.", true},                                              // pgx v5
		{"Next returns false at the end; the rows are then closed automatically.", true},
		{"Next returns false at the end. Call Close when done.", false},                                  // closing is the caller's
		{"Next returns false at the end. The rows are closed automatically by the GC finalizer.", false}, // not in the sentence of false
		{"Next advances the cursor. It returns false when there is no more data.", false},
		{"", false},
	}
	for _, tt := range tests {
		var doc *ast.CommentGroup
		if tt.doc != "" {
			doc = &ast.CommentGroup{}
			for line := range strings.SplitSeq(tt.doc, "\n") {
				doc.List = append(doc.List, &ast.Comment{Text: "// " + line})
			}
		}
		if got := documentsClosing(doc); got != tt.want {
			t.Errorf("documentsClosing(%q) = %v, want %v", tt.doc, got, tt.want)
		}
	}
}
