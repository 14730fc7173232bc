// Package deprecatedpkg was the first client.
//
// Deprecated: use package deprecated.
package deprecatedpkg
