package knowledge_test

import (
	"testing"

	"github.com/deferlint/deferlint/internal/knowledge"
)

func TestReleases(t *testing.T) {
	pkgs := check(t)
	for _, tc := range []struct {
		path, name                   string
		holdsNothing, closesPrevious bool
	}{
		{"mime/multipart", "Part.Close", true, false},
		{"mime/multipart", "Part.Read", false, false},
		{"mime/multipart", "Reader.NextPart", false, true},
		{"mime/multipart", "Reader.NextRawPart", false, true},
		{"os", "File.Close", false, false},
	} {
		fn := lookup(t, pkgs, tc.path, tc.name)
		if got := knowledge.HoldsNothing(fn); got != tc.holdsNothing {
			t.Errorf("HoldsNothing(%s.%s) = %v", tc.path, tc.name, got)
		}
		if got := knowledge.ClosesPrevious(fn); got != tc.closesPrevious {
			t.Errorf("ClosesPrevious(%s.%s) = %v", tc.path, tc.name, got)
		}
	}
	if knowledge.HoldsNothing(nil) || knowledge.ClosesPrevious(nil) {
		t.Error("nil is in a table")
	}
}
