package recursivetypes

// Types that are their own element (ogen's test schemas declare such trees):
// asking whether a value of them may hold a resource must end.

import "os"

type Tree []Tree

type Ring [2]*Ring

type Nest [][]Nest

func Grow(t Tree, n Nest) (Tree, Nest) { return append(t, t), append(n, []Nest{n}) }

func Spin(r Ring) Ring { return r }

func Leak(t Tree) Tree {
	f, err := os.Open("tree") // want `f \(file from os.Open\) is not closed on any path`
	if err != nil {
		return nil
	}
	_ = f.Name()
	return t
}
