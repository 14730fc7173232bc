package concrete

import (
	"errors"
	"time"
)

// From net/http's persistConn.roundTrip (as copied by lesismal/llib): the write
// loop sends exactly one value on writeErrCh per request, so the case that starts
// the header timer runs once, and the loop returns on a response or a timeout.
// The pass cannot prove that a channel delivers once (the send is in another
// goroutine), and sees the defer come round again through the endless loop.
// Reported: known false positive.
func roundTrip(writeErrCh <-chan error, resc <-chan string, d time.Duration) (string, error) {
	var respHeaderTimer <-chan time.Time
	for {
		select {
		case err := <-writeErrCh:
			if err != nil {
				return "", err
			}
			if d > 0 {
				timer := time.NewTimer(d)
				defer timer.Stop() // want `timer.Stop\(\) is deferred in a loop, so every iteration's timer keeps running until roundTrip returns`
				respHeaderTimer = timer.C
			}
		case <-respHeaderTimer:
			return "", errors.New("timeout awaiting response headers")
		case re := <-resc:
			return re, nil
		}
	}
}
