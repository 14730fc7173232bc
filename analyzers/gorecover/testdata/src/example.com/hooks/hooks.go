// Package hooks declares an interface outside the standard library.
package hooks // want package:"recovery analyzed"

type Recoverer interface{ Recover() }
