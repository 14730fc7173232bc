package main

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"strconv"
	"testing"
)

func testModules(n int) []module {
	mods := []module{{"github.com/hashicorp/raft", "v1.8.0"}, {"github.com/spf13/cobra", "v1.10.2"}}
	for i := range n {
		mods = append(mods, module{fmt.Sprintf("example.com/m%d", i), "v1.0.0"})
	}
	return mods
}

func TestDrawSplit(t *testing.T) {
	mods := testModules(9) // 11 modules: 2 tuned before, 9 drawn
	half := drawSplit(mods, 7)
	if half["github.com/hashicorp/raft"] != tuning || half["github.com/spf13/cobra"] != tuning {
		t.Errorf("modules tuned before the split must be in the tuning half: %v", half)
	}
	n := map[string]int{}
	for _, h := range half {
		n[h]++
	}
	if n[tuning] != 5 || n[measuring] != 6 {
		t.Errorf("halves: %v, want 5 tuning and 6 measuring", n)
	}
	if again := drawSplit(mods, 7); !maps.Equal(half, again) {
		t.Error("the same seed gives another split")
	}
	if other := drawSplit(mods, 8); maps.Equal(half, other) {
		t.Error("another seed gives the same split (possible, but not for these seeds)")
	}
}

// TestSplitTxt checks the recorded split: every module of the list is in it, and it
// is the draw its header names, so that anyone can redraw it.
func TestSplitTxt(t *testing.T) {
	mods, err := readModules("../../modules.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	split, err := readSplit("../../split.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := keepHalf(mods, split, measuring); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`-seed (\d+) split`).FindStringSubmatch(string(mustRead(t, "../../split.txt")))
	if m == nil {
		t.Fatal("split.txt does not name its seed")
	}
	seed, _ := strconv.ParseUint(m[1], 10, 64)
	if drawn := drawSplit(mods, seed); !maps.Equal(drawn, split) {
		t.Errorf("split.txt is not the draw of seed %d", seed)
	}
}

func TestDrawSample(t *testing.T) {
	split := map[string]string{"a.com/x": tuning, "b.com/y": measuring}
	var findings []string
	for i := range 30 {
		findings = append(findings,
			fmt.Sprintf("a.com/x@v1 unclosed f.go:%d:1: m", i),
			fmt.Sprintf("b.com/y@v1 unclosed f.go:%d:1: m", i),
			fmt.Sprintf("b.com/y@v1 deferloop g.go:%d:1: m", i))
	}
	s := drawSample(findings, split, measuring, 10, 3)
	if len(s["unclosed"]) != 10 || len(s["deferloop"]) != 10 {
		t.Fatalf("sample sizes: unclosed %d, deferloop %d, want 10 each", len(s["unclosed"]), len(s["deferloop"]))
	}
	for _, l := range s["unclosed"] {
		if l[:7] != "b.com/y" {
			t.Errorf("sampled outside the measuring half: %s", l)
		}
	}
	again := drawSample(findings, split, measuring, 10, 3)
	for a := range s {
		if fmt.Sprint(s[a]) != fmt.Sprint(again[a]) {
			t.Errorf("%s: the same seed draws another sample", a)
		}
	}
	if small := drawSample(findings[:3], split, measuring, 10, 3); len(small["unclosed"]) != 1 {
		t.Errorf("a half with fewer findings than -per: sample %v", small)
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
