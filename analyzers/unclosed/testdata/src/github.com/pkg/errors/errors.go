// Package errors is a stub of github.com/pkg/errors.
package errors

import "fmt"

func New(message string) error { return fmt.Errorf("%s", message) }

func Errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

func Wrap(err error, message string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", message, err)
}

func Wrapf(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

func WithMessage(err error, message string) error { return Wrap(err, message) }
