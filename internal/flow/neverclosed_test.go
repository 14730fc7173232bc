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
	tick := time.Tick(time.Second)
	for range tick {
	}
	again := time.Tick(time.Second)
	again = ch2()
	for range again {
	}
}

func ch2() <-chan time.Time { return nil }
`

// TestNeverClosed checks that a range over a ticker's or a timer's channel, or a
// variable given once time.Tick's, which the runtime never closes, has no edge out
// of the loop, and a range over another channel (or a variable given another
// value) keeps its own.
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
	want := []int{0, 0, 1, 0, 1}
	if len(exits) != len(want) {
		t.Fatalf("range loops: %d, want %d", len(exits), len(want))
	}
	for i := range want {
		if exits[i] != want[i] {
			t.Errorf("range loop %d: %d edges out, want %d", i, exits[i], want[i])
		}
	}
}

const forTrueSrc = `package p

const forever = true

func f(ch chan int, n int) {
	for ; true; <-ch {
	}
	for forever {
	}
	for n > 0 {
	}
	for {
	}
}
`

// TestForTrue checks that a for loop whose condition is the constant true has no
// edge out of the loop, as one without a condition has none, and a loop with
// another condition keeps its own.
func TestForTrue(t *testing.T) {
	_, file, info := typeCheck(t, forTrueSrc)
	fn := file.Decls[1].(*ast.FuncDecl)
	g := flow.New(info, fn.Body)
	var exits []int
	for _, b := range g.CFG.Blocks {
		if b.Kind == cfg.KindForLoop && len(b.Nodes) > 0 {
			exits = append(exits, len(b.Succs)-1)
		}
	}
	want := []int{0, 0, 1}
	if len(exits) != len(want) {
		t.Fatalf("loops with a condition: %d, want %d", len(exits), len(want))
	}
	for i := range want {
		if exits[i] != want[i] {
			t.Errorf("loop %d: %d edges out, want %d", i, exits[i], want[i])
		}
	}
}
