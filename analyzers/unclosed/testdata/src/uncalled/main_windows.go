//go:build windows

package main

func init() {
	for range 3 {
		perOS(nil)
	}
}
