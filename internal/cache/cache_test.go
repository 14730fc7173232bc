package cache

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func key(s string) Key { return sha256.Sum256([]byte(s)) }

func TestPutGet(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key("a")); ok {
		t.Fatal("an empty store has an entry")
	}
	if err := s.Put(key("a"), []byte("payload")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get(key("a"))
	if !ok || string(got) != "payload" {
		t.Fatalf("Get = %q, %v; want payload", got, ok)
	}
}

// Every way a file can be wrong makes it absent, never a wrong payload.
func TestUntrustedEntries(t *testing.T) {
	s, _ := Open(t.TempDir())
	k := key("a")
	s.Put(k, []byte("payload"))
	good, _ := os.ReadFile(s.path(k))
	corrupt := bytes.Clone(good)
	corrupt[len(corrupt)-1] ^= 1
	other := bytes.Clone(good)
	kb := key("b")
	copy(other[len(stamp):], kb[:])
	for name, data := range map[string][]byte{
		"empty":         {},
		"truncated":     good[:len(good)-3],
		"payload flip":  corrupt,
		"other key":     other,
		"foreign stamp": append([]byte("deferlint-cache-0\n"), good[len(stamp):]...),
	} {
		os.WriteFile(s.path(k), data, 0o666)
		if got, ok := s.Get(k); ok {
			t.Errorf("%s: Get = %q, want no entry", name, got)
		}
	}
}

func TestConcurrentPut(t *testing.T) {
	s, _ := Open(t.TempDir())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				s.Put(key("a"), bytes.Repeat([]byte("x"), 1<<16))
				if got, ok := s.Get(key("a")); ok && len(got) != 1<<16 {
					t.Errorf("read %d bytes of a whole entry", len(got))
				}
			}
		})
	}
	wg.Wait()
}

func TestTrim(t *testing.T) {
	s, _ := Open(t.TempDir())
	old, recent, newest := key("old"), key("recent"), key("newest")
	for _, k := range []Key{old, recent, newest} {
		s.Put(k, bytes.Repeat([]byte("x"), 100))
	}
	now := time.Now()
	os.Chtimes(s.path(old), now, now.Add(-MaxAge-time.Hour))
	os.Chtimes(s.path(recent), now, now.Add(-time.Hour))
	s.trim(now.Add(-MaxAge), 200) // room for one entry and a half
	if _, ok := s.Get(old); ok {
		t.Error("an entry unused for longer than MaxAge was kept")
	}
	if _, ok := s.Get(recent); ok {
		t.Error("the least recently used entry was kept over the size limit")
	}
	if _, ok := s.Get(newest); !ok {
		t.Error("the newest entry was removed")
	}
	if _, err := os.Stat(filepath.Join(s.dir, "README")); err != nil {
		t.Error("trimming removed the store's README")
	}
}
