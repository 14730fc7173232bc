package flow_test

import (
	"go/ast"
	"testing"

	"github.com/deferlint/deferlint/internal/flow"
	"golang.org/x/tools/go/cfg"
)

const tickerSrc = `package p

import "time"

func f(t *time.Ticker, tm *time.Timer, ch chan int) {
	for range t.C {
	}
	for range tm.C {
	}
	for range ch {
	}
}
`

// TestNeverClosed checks that a range over a ticker's or a timer's channel, which the
// runtime never closes, has no edge out of the loop, and a range over another channel
// keeps its own.
func TestNeverClosed(t *testing.T) {
	_, file, info := typeCheck(t, tickerSrc)
	fn := file.Decls[1].(*ast.FuncDecl)
	g := flow.New(info, fn.Body)
	var exits []int
	for _, b := range g.CFG.Blocks {
		if b.Kind == cfg.KindRangeLoop {
			exits = append(exits, len(b.Succs)-1)
		}
	}
	want := []int{0, 0, 1}
	if len(exits) != len(want) {
		t.Fatalf("range loops: %d, want %d", len(exits), len(want))
	}
	for i := range want {
		if exits[i] != want[i] {
			t.Errorf("range loop %d: %d edges out, want %d", i, exits[i], want[i])
		}
	}
}
