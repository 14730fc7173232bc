// Package cache is deferlint's persistent store of per-package results: a directory
// of files, each named by the hash of everything that went into the result it
// holds, so that a run can reuse what an earlier run computed from the same inputs.
//
// The store trusts nothing it reads. Every file starts with a stamp naming the
// format, then the key it was written under and a SHA-256 checksum of its payload;
// a file that is short, foreign, written under another key or whose payload does
// not match its checksum is treated as absent, and the caller computes the result
// again (and overwrites it). Files are written to a temporary name in the same
// directory and renamed into place, so that a reader never sees half a file and
// concurrent runs that compute the same result each write a whole one.
//
// Trimming: an entry's modification time is its last use (refreshed at most once
// an hour, when it is read). At most once a day a run removes the entries unused
// for MaxAge, then, while the store holds more than MaxSize bytes, the least
// recently used ones. The go command trims its build cache by age in the same way.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EnvDir names the environment variable that overrides the store's directory.
const EnvDir = "DEFERLINT_CACHE"

// The trimming policy (see the package documentation).
const (
	MaxAge       = 7 * 24 * time.Hour
	MaxSize      = 1 << 30 // bytes
	trimInterval = 24 * time.Hour
	useInterval  = time.Hour
)

// stamp starts every entry; a new format gets a new stamp, so that old files are
// ignored rather than misread.
const stamp = "deferlint-cache-1\n"

// A Key names an entry: the SHA-256 hash of everything its result depends on.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// A Store is a directory of entries.
type Store struct {
	dir string // holds the entries, under subdirectories named by a key's first byte
}

// DefaultDir returns the store's directory: $DEFERLINT_CACHE, else deferlint under
// the user's cache directory.
func DefaultDir() (string, error) {
	if dir := os.Getenv(EnvDir); dir != "" {
		return filepath.Abs(dir)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (set %s, or run with -cache=false): %v", EnvDir, err)
	}
	return filepath.Join(base, "deferlint"), nil
}

// Open opens the store in dir, creating it if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	readme := filepath.Join(dir, "README")
	if _, err := os.Stat(readme); err != nil {
		os.WriteFile(readme, []byte("This directory holds deferlint's cache of per-package results.\nIt may be removed at any time; deferlint computes again what it needs.\n"), 0o666)
	}
	return &Store{dir: dir}, nil
}

func (s *Store) path(k Key) string {
	name := k.String()
	return filepath.Join(s.dir, name[:2], name)
}

// Get returns the payload stored under k, or false when there is none that can be
// trusted.
func (s *Store) Get(k Key) ([]byte, bool) {
	name := s.path(k)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	payload, ok := open(data, k)
	if !ok {
		return nil, false
	}
	if info, err := os.Stat(name); err == nil && time.Since(info.ModTime()) > useInterval {
		now := time.Now()
		os.Chtimes(name, now, now) // a use: see Trim
	}
	return payload, true
}

// open checks the header of an entry read under k and returns its payload.
func open(data []byte, k Key) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(stamp))
	if !ok || len(rest) < 2*sha256.Size {
		return nil, false
	}
	if !bytes.Equal(rest[:sha256.Size], k[:]) {
		return nil, false
	}
	sum, payload := rest[sha256.Size:2*sha256.Size], rest[2*sha256.Size:]
	got := sha256.Sum256(payload)
	return payload, bytes.Equal(sum, got[:])
}

// Put stores payload under k. The file appears whole or not at all.
func (s *Store) Put(k Key, payload []byte) error {
	name := s.path(k)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	sum := sha256.Sum256(payload)
	var buf bytes.Buffer
	buf.Grow(len(stamp) + 2*sha256.Size + len(payload))
	buf.WriteString(stamp)
	buf.Write(k[:])
	buf.Write(sum[:])
	buf.Write(payload)
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Trim applies the trimming policy, at most once per trimInterval (the time of the
// last trim is kept in the file trim.txt). Errors are ignored: a store that cannot
// be trimmed still works.
func (s *Store) Trim() {
	marker := filepath.Join(s.dir, "trim.txt")
	if data, err := os.ReadFile(marker); err == nil {
		if last, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && time.Since(time.Unix(last, 0)) < trimInterval {
			return
		}
	}
	os.WriteFile(marker, []byte(strconv.FormatInt(time.Now().Unix(), 10)+"\n"), 0o666)
	s.trim(time.Now().Add(-MaxAge), MaxSize)
}

type entryInfo struct {
	name string
	size int64
	used time.Time
}

// trim removes the entries (and stray temporary files) last used before cutoff,
// then the least recently used ones while the rest exceed maxSize bytes.
func (s *Store) trim(cutoff time.Time, maxSize int64) {
	var kept []entryInfo
	var total int64
	filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Dir(path) == s.dir {
			return nil // the store's own files (README, trim.txt) stay
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if info.ModTime().Before(cutoff) {
			os.Remove(path)
			return nil
		}
		kept = append(kept, entryInfo{path, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	slices.SortFunc(kept, func(a, b entryInfo) int { return a.used.Compare(b.used) })
	for _, e := range kept {
		if total <= maxSize {
			break
		}
		os.Remove(e.name)
		total -= e.size
	}
}
