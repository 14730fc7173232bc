// Package log is a stub of github.com/rs/zerolog/log.
package log

import "github.com/rs/zerolog"

var Logger zerolog.Logger

func Fatal() *zerolog.Event { return Logger.Fatal() }
func Panic() *zerolog.Event { return Logger.Panic() }
func Error() *zerolog.Event { return Logger.Error() }
