package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/deferlint/deferlint/analyzers"
	"github.com/deferlint/deferlint/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// benchFiles is how many copies of benchSource the generated package holds: about
// 170 lines each, 34,000 lines in all.
const benchFiles = 200

// BenchmarkAnalyzer runs each analyzer of the suite alone, with what it requires,
// over a large generated package, so that a regression in one analyzer's cost shows
// without the corpus:
//
//	go test -run '^$' -bench BenchmarkAnalyzer -benchmem ./analyzers/
//
// The package is generated and loaded once, outside the timed loop, as deferlint's
// driver loads it: syntax and types for the package, export data for its
// dependencies, which the analyzers then see as empty packages.
func BenchmarkAnalyzer(b *testing.B) {
	dir := generateBenchPackage(b)
	var pkgs []*packages.Package
	for _, a := range analyzers.All() {
		b.Run(a.Name, func(b *testing.B) {
			if pkgs == nil {
				pkgs = loadBenchPackage(b, dir, false)
				driver.StubDependencies(pkgs)
			}
			benchAnalyze(b, a, pkgs)
		})
	}
}

// BenchmarkAnalyzerFacts runs each analyzer that uses facts over the same package
// and all its dependencies loaded from source, the standard library included: the
// cost under go vet -vettool, gopls or nogo with a cold cache, where a costly fact
// computation shows plainly.
func BenchmarkAnalyzerFacts(b *testing.B) {
	dir := generateBenchPackage(b)
	var pkgs []*packages.Package
	for _, a := range analyzers.All() {
		if !driver.UsesFacts([]*analysis.Analyzer{a}) {
			continue
		}
		b.Run(a.Name, func(b *testing.B) {
			if pkgs == nil {
				pkgs = loadBenchPackage(b, dir, true)
			}
			benchAnalyze(b, a, pkgs)
		})
	}
}

func benchAnalyze(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) {
	for b.Loop() {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
		}
	}
}

// generateBenchPackage writes the module benchgen, one package of benchFiles files,
// into a temporary directory and returns it.
func generateBenchPackage(b *testing.B) string {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module benchgen\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for i := range benchFiles {
		src := fmt.Sprintf(benchSource, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gen%03d.go", i)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func loadBenchPackage(b *testing.B, dir string, allSyntax bool) []*packages.Package {
	mode := packages.LoadSyntax
	if allSyntax {
		mode = packages.LoadAllSyntax
	}
	cfg := &packages.Config{
		Mode: mode,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the generated package does not type-check")
	}
	return pkgs
}

// benchSource is one file of the generated package, %[1]d its number. It holds the
// shapes the analyzers look at, right and wrong: handlers with locks, contexts and
// rows; response bodies closed in loops; lost cancels; defers with early-evaluated
// arguments; goroutines with wait groups and channels; generics, range-over-func and
// labelled loops; transactions with named results.
const benchSource = `package benchgen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sync"
	"time"
)

type server%[1]d struct {
	mu    sync.Mutex
	db    *sql.DB
	conns map[string]io.Closer
	wg    sync.WaitGroup
}

func (s *server%[1]d) handle(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if err := recover(); err != nil {
			http.Error(w, fmt.Sprint(err), http.StatusInternalServerError)
		}
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM t WHERE id = ?", %[1]d)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return
		}
		fmt.Fprintln(w, name)
	}
	if err := rows.Err(); err != nil {
		log.Print(err)
	}
}

func fetch%[1]d(ctx context.Context, urls []string) ([]int, error) {
	var sizes []int
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, len(b))
	}
	return sizes, nil
}

func leak%[1]d(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	defer cancel()
	return nil
}

func copyFiles%[1]d(names []string) (err error) {
	start := time.Now()
	defer log.Printf("copied in %%v", time.Since(start))
	for i, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		if i%%2 == 0 {
			f.Close()
			continue
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
	}
	return nil
}

func fanOut%[1]d(items []int) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += it
			mu.Unlock()
		}()
	}
	wg.Wait()
	results := make(chan int)
	go func() {
		defer close(results)
		for i := range 10 {
			select {
			case results <- i:
			case <-time.After(time.Millisecond):
				return
			}
		}
	}()
	for r := range results {
		total += r
	}
	return total
}

func seq%[1]d[T any](xs []T) func(func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func labelled%[1]d(ctx context.Context, m map[string][]string) error {
outer:
	for k, vs := range m {
		for i, v := range seq%[1]d(vs) {
			if v == "" {
				continue outer
			}
			tctx, cancel := context.WithTimeout(ctx, time.Duration(i)*time.Millisecond)
			if err := tctx.Err(); err != nil {
				cancel()
				return errors.Join(err, errors.New(k))
			}
			cancel()
		}
	}
	return nil
}

func (s *server%[1]d) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, c := range s.conns {
		if err := c.Close(); err != nil {
			log.Printf("%%s: %%v", name, err)
		}
	}
	s.wg.Wait()
}

func tx%[1]d(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	stmt, err := tx.PrepareContext(ctx, "UPDATE t SET n = n + 1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	if _, err = stmt.ExecContext(ctx); err != nil {
		return err
	}
	return tx.Commit()
}
`
