package resources_test

import (
	"strings"
	"testing"

	"github.com/deferlint/deferlint/internal/resources"
)

func TestParseTypes(t *testing.T) {
	extra, err := resources.ParseTypes(" *example.com/pool.Conn=example.com/pool.Get, example.com/pool.Pool.Get:Close,Release ; example.com/x/v2.Handle=example.com/x/v2.Open:Free")
	if err != nil {
		t.Fatal(err)
	}
	if len(extra) != 2 {
		t.Fatalf("got %d entries, want 2", len(extra))
	}
	k := extra[0].Kind
	if k.Name != "*example.com/pool.Conn" || strings.Join(k.Release, ",") != "Close,Release" {
		t.Errorf("kind = %+v", k)
	}
	var got []string
	for _, a := range extra[0].Acquirers {
		got = append(got, a.Pkg+" "+a.Name)
	}
	if want := "example.com/pool Get|example.com/pool Pool.Get"; strings.Join(got, "|") != want {
		t.Errorf("acquirers = %q, want %q", strings.Join(got, "|"), want)
	}
	if a := extra[1].Acquirers[0]; a.Pkg != "example.com/x/v2" || a.Name != "Open" {
		t.Errorf("acquirer = %+v", a)
	}
}

func TestParseTypesErrors(t *testing.T) {
	for _, bad := range []string{
		"T",                          // no = or :
		"T=example.com/p.Get:",       // no release
		"T=:Close",                   // no acquirer
		"T=Get:Close",                // acquirer without package
		"=example.com/p.Get:Close",   // no type
		"T=example.com/p.Get:Clo se", // a release that is no method name
	} {
		if _, err := resources.ParseTypes(bad); err == nil {
			t.Errorf("ParseTypes(%q) succeeded, want an error", bad)
		}
	}
	if extra, err := resources.ParseTypes(""); err != nil || len(extra) != 0 {
		t.Errorf("ParseTypes(\"\") = %v, %v", extra, err)
	}
}

func TestCatalogue(t *testing.T) {
	c := resources.NewCatalogue(nil)
	for _, path := range []string{"os", "net/http", "database/sql", "net", "crypto/tls", "compress/gzip", "time", "github.com/jackc/pgx/v5"} {
		if !c.AcquiringPackage(path) {
			t.Errorf("%s is not an acquiring package", path)
		}
	}
	if c.AcquiringPackage("fmt") {
		t.Error("fmt is an acquiring package")
	}
	if k := c.Kind("tx"); k == nil || k.ReleaseCall("tx") != "tx.Rollback()" {
		t.Errorf("tx release = %v", k)
	}
	if k := c.Kind("response"); k == nil || k.ReleaseCall("resp") != "resp.Body.Close()" {
		t.Errorf("response release = %v", k)
	}
}
