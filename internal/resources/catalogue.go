// Package resources is the catalogue of resources that must be released: what kinds
// there are, which calls acquire them, which calls release them, and which uses hand
// them on to someone else (ownership moves). It also holds the one fact model of
// obligations (Facts: fresh results, owned and kept parameters, assertions, for
// resources and cancel functions alike) and computes a package's part of it
// (Tracker.Compute, ComputeCancels), by which functions in one package become
// acquisition sites, or owners of their parameters, for callers in another; the
// ownership facts pass runs that computation once per package and encodes it.
// FuncUses classifies what becomes of a function that must be called.
package resources

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/deferlint/deferlint/internal/knowledge"
	"golang.org/x/tools/go/types/typeutil"
)

// Kind is one kind of resource.
type Kind struct {
	Name     string   // stable key, used in facts: "file", "response", ... or the type for kinds from options
	Noun     string   // what the resource is, for messages: "file", "HTTP response"
	Release  []string // methods that release it (any one suffices); empty when nothing can release it
	BodyOnly bool     // released through its Body field (resp.Body.Close()), as *http.Response is
	NextEnds bool     // a Next method that returned false has released it (sql.Rows, pgx Rows)
	ScanEnds bool     // a Scan or Values method that failed has released it (pgx Rows)
	// ErrEnds says that a non-nil Err() means the rows are closed or being
	// closed. database/sql: Rows.Err returns a driver error that Next met,
	// and Next closed the rows then (nextLocked's doClose), or the error of a
	// done context, which awaitDone stores just before it closes them (its
	// rs.close); before the first Next, only the latter. pgx (v4 and v5): Err
	// returns the error its fatal recorded, and fatal closes the rows. A path
	// under if err := rows.Err(); err != nil holds no open rows.
	ErrEnds  bool
	Leak     string   // what goes wrong at run time when it is not released
	Types    []string // the types that hold it, as types.TypeString prints them
	PreGo123 bool     // only a leak in files whose Go version is below 1.23 (tickers)
	Writer   bool     // loses data unless closed: reported even in main
	// NilSafe says that the release, called on the nil value a failed
	// acquisition returns, does nothing but return an error: (*os.File).Close
	// checks for a nil receiver and returns os.ErrInvalid. The others
	// dereference it (rows, statements, transactions, tickers, writers) or are
	// interfaces (connections, listeners), and panic.
	NilSafe bool
}

// ReleaseCall returns the call that releases v, as source text: "f.Close()",
// "resp.Body.Close()", "tx.Rollback()"; "" when nothing can release it.
func (k *Kind) ReleaseCall(v string) string {
	m := k.ReleaseMethod()
	if m == "" {
		return ""
	}
	if k.BodyOnly {
		return v + ".Body." + m + "()"
	}
	return v + "." + m + "()"
}

// ReleaseMethod is the method ReleaseCall calls: the first release method, or
// Rollback for a transaction (safe after Commit); "" when the kind has none.
func (k *Kind) ReleaseMethod() string {
	if len(k.Release) == 0 {
		return ""
	}
	if slices.Contains(k.Release, "Rollback") {
		return "Rollback"
	}
	return k.Release[0]
}

// Acquirer is a function or method whose result is a fresh resource.
type Acquirer struct {
	Pkg    string // package path
	Name   string // "Open" for a function, "Client.Do" for a method (receiver type name, no star)
	Result int    // index of the result holding the resource
	Kind   *Kind
}

// Catalogue is the set of kinds and acquirers an analysis run knows: the built-in
// ones and those given by the -unclosed.types option.
type Catalogue struct {
	Kinds      []*Kind
	acquirers  map[string]*Acquirer // by knowledge.NameKey(Pkg + "." + Name)
	byName     map[string]*Kind
	pkgs       map[string]bool
	anyRelease []string
	// typeNames holds the last name of every kind's types (File for *os.File),
	// so that KindOf can rule out most types without printing them; anyType
	// when a type was written in a form without one (then every type is printed).
	typeNames map[string]bool
	anyType   bool
}

var (
	file = &Kind{Name: "file", Noun: "file", Release: []string{"Close"}, Types: []string{"*os.File"}, NilSafe: true,
		Leak: "its file descriptor leaks"}
	response = &Kind{Name: "response", Noun: "HTTP response", Release: []string{"Close"}, BodyOnly: true, Types: []string{"*net/http.Response"},
		Leak: "its connection is not reused or freed until the body is read to its end"}
	rows = &Kind{Name: "rows", Noun: "sql.Rows", Release: []string{"Close"}, NextEnds: true, ErrEnds: true, Types: []string{"*database/sql.Rows"},
		Leak: "its database connection stays busy"}
	// database is a *sql.DB (or sqlx's DB), which nothing in the catalogue
	// acquires: a process opens its pool and keeps it. It is a kind so that a
	// release of one is known, db.Close() or a helper whose facts say it closes
	// its parameter, since closing a database closes the statements prepared on
	// it (see PreparedOn).
	database = &Kind{Name: "database", Noun: "database", Release: []string{"Close"},
		Types: []string{"*database/sql.DB", "*github.com/jmoiron/sqlx.DB"}, Leak: "its connections stay open"}
	stmt = &Kind{Name: "stmt", Noun: "prepared statement", Release: []string{"Close"}, Types: []string{"*database/sql.Stmt"},
		Leak: "the statement stays prepared on its connections"}
	sqlConn = &Kind{Name: "sqlconn", Noun: "sql.Conn", Release: []string{"Close"}, Types: []string{"*database/sql.Conn"},
		Leak: "the connection is never returned to the pool"}
	tx = &Kind{Name: "tx", Noun: "transaction", Release: []string{"Commit", "Rollback"}, Types: []string{"*database/sql.Tx"},
		Leak: "it holds its database connection for ever"}
	netConn = &Kind{Name: "conn", Noun: "connection", Release: []string{"Close"},
		Types: []string{"net.Conn", "*net.TCPConn", "*net.UDPConn", "*net.UnixConn", "*net.IPConn", "*crypto/tls.Conn"},
		Leak:  "the connection and its descriptor leak"}
	listener = &Kind{Name: "listener", Noun: "listener", Release: []string{"Close"},
		Types: []string{"net.Listener", "*net.TCPListener", "*net.UnixListener"},
		Leak:  "the address stays bound"}
	packetConn = &Kind{Name: "packetconn", Noun: "packet connection", Release: []string{"Close"}, Types: []string{"net.PacketConn"},
		Leak: "the address stays bound"}
	// A flushed writer has written what it buffered: Flush counts as its release
	// (only the stream's trailer is left, which a writer flushed on purpose, for a
	// reader that consumes the stream as it comes, may never need).
	compressor = &Kind{Name: "writer", Noun: "writer", Release: []string{"Close", "Flush"}, Writer: true,
		Types: []string{"*compress/gzip.Writer", "*compress/zlib.Writer", "*archive/zip.Writer", "*compress/flate.Writer"},
		Leak:  "buffered data and the stream's trailer are never written"}
	zipReader = &Kind{Name: "zipreader", Noun: "zip file", Release: []string{"Close"}, Types: []string{"*archive/zip.ReadCloser"},
		Leak: "its file descriptor leaks"}
	ticker = &Kind{Name: "ticker", Noun: "ticker", Release: []string{"Stop"}, PreGo123: true, Types: []string{"*time.Ticker"},
		Leak: "before Go 1.23 an unstopped ticker is never garbage collected"}
	tick = &Kind{Name: "tick", Noun: "time.Tick channel", PreGo123: true,
		Leak: "before Go 1.23 its ticker can never be stopped or garbage collected"}
	sqlxRows = &Kind{Name: "sqlxrows", Noun: "sqlx.Rows", Release: []string{"Close"}, NextEnds: true, ErrEnds: true, Types: []string{"*github.com/jmoiron/sqlx.Rows"},
		Leak: "its database connection stays busy"}
	sqlxStmt = &Kind{Name: "sqlxstmt", Noun: "prepared statement", Release: []string{"Close"},
		Types: []string{"*github.com/jmoiron/sqlx.Stmt", "*github.com/jmoiron/sqlx.NamedStmt"},
		Leak:  "the statement stays prepared on its connections"}
	sqlxTx = &Kind{Name: "sqlxtx", Noun: "transaction", Release: []string{"Commit", "Rollback"}, Types: []string{"*github.com/jmoiron/sqlx.Tx"},
		Leak: "it holds its database connection for ever"}
	pgxRows = &Kind{Name: "pgxrows", Noun: "pgx.Rows", Release: []string{"Close"}, NextEnds: true, ScanEnds: true, ErrEnds: true,
		Types: []string{"github.com/jackc/pgx/v4.Rows", "github.com/jackc/pgx/v5.Rows"},
		Leak:  "its connection stays busy"}
)

// builtin lists the built-in acquirers: package path, then "Name kind" pairs.
var builtin = []struct {
	pkg   string
	kind  *Kind
	names []string
}{
	{"os", file, []string{"Open", "Create", "OpenFile", "CreateTemp", "OpenInRoot", "Root.Open", "Root.Create", "Root.OpenFile"}},
	// http.ReadResponse is not listed: its Body is a view over the caller's reader, and
	// the connection behind it belongs to whoever owns that reader, not to the response.
	// Not Head: the response to a HEAD request has no body (http.NoBody), and net/http
	// hands its connection back before returning it.
	{"net/http", response, []string{"Get", "Post", "PostForm", "Client.Get", "Client.Post", "Client.PostForm", "Client.Do", "Transport.RoundTrip"}},
	// What a transaction gives is released with it (see ReleasedWithTx): Tx.Query,
	// Tx.QueryContext and Tx.Prepare are not listed, nor sqlx's Tx.Queryx.
	{"database/sql", rows, []string{"DB.Query", "DB.QueryContext", "Conn.QueryContext", "Stmt.Query", "Stmt.QueryContext"}},
	{"database/sql", stmt, []string{"DB.Prepare", "DB.PrepareContext", "Conn.PrepareContext"}},
	{"database/sql", sqlConn, []string{"DB.Conn"}},
	{"database/sql", tx, []string{"DB.Begin", "DB.BeginTx", "Conn.BeginTx"}},
	{"net", netConn, []string{"Dial", "DialTimeout", "Dialer.Dial", "Dialer.DialContext", "DialTCP", "DialUDP", "DialUnix", "DialIP",
		"Listener.Accept", "TCPListener.Accept", "TCPListener.AcceptTCP", "UnixListener.Accept", "UnixListener.AcceptUnix"}},
	{"crypto/tls", netConn, []string{"Dial", "DialWithDialer", "Dialer.Dial", "Dialer.DialContext"}},
	{"net", listener, []string{"Listen", "ListenTCP", "ListenUnix"}},
	{"crypto/tls", listener, []string{"Listen"}},
	{"net", packetConn, []string{"ListenPacket", "ListenUDP", "ListenIP", "ListenUnixgram", "ListenMulticastUDP"}},
	{"compress/gzip", compressor, []string{"NewWriter", "NewWriterLevel"}},
	{"compress/zlib", compressor, []string{"NewWriter", "NewWriterLevel", "NewWriterLevelDict"}},
	{"compress/flate", compressor, []string{"NewWriter", "NewWriterDict"}},
	{"archive/zip", compressor, []string{"NewWriter"}},
	{"archive/zip", zipReader, []string{"OpenReader"}},
	{"time", ticker, []string{"NewTicker"}},
	{"time", tick, []string{"Tick"}},
	{"github.com/jmoiron/sqlx", sqlxRows, []string{"DB.Queryx", "DB.QueryxContext", "Conn.QueryxContext",
		"Stmt.Queryx", "Stmt.QueryxContext", "NamedStmt.Queryx", "NamedStmt.QueryxContext", "DB.NamedQuery", "DB.NamedQueryContext",
		"NamedQuery", "NamedQueryContext"}},
	{"github.com/jmoiron/sqlx", sqlxStmt, []string{"DB.Preparex", "DB.PreparexContext", "DB.PrepareNamed", "DB.PrepareNamedContext",
		"Conn.PreparexContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext"}},
	{"github.com/jmoiron/sqlx", sqlxTx, []string{"DB.Beginx", "DB.BeginTxx", "DB.MustBegin", "DB.MustBeginTx", "Conn.BeginTxx"}},
	{"github.com/jackc/pgx/v4", pgxRows, []string{"Conn.Query", "Tx.Query"}},
	{"github.com/jackc/pgx/v4/pgxpool", pgxRows, []string{"Pool.Query", "Conn.Query", "Tx.Query"}},
	{"github.com/jackc/pgx/v5", pgxRows, []string{"Conn.Query", "Tx.Query"}},
	{"github.com/jackc/pgx/v5/pgxpool", pgxRows, []string{"Pool.Query", "Conn.Query", "Tx.Query"}},
}

// NewCatalogue returns the built-in catalogue extended by the resource types of the
// -unclosed.types option (see TypesFlag).
func NewCatalogue(extra []*Extra) *Catalogue {
	if len(extra) == 0 {
		return builtinCatalogue()
	}
	return newCatalogue(extra)
}

// builtinCatalogue is the catalogue of the built-in kinds alone, built once and
// shared by every package that configures no kinds of its own: a catalogue never
// changes once built.
var builtinCatalogue = sync.OnceValue(func() *Catalogue { return newCatalogue(nil) })

func newCatalogue(extra []*Extra) *Catalogue {
	c := &Catalogue{acquirers: make(map[string]*Acquirer), byName: make(map[string]*Kind), pkgs: make(map[string]bool),
		typeNames: make(map[string]bool)}
	for _, group := range builtin {
		c.addKind(group.kind)
		for _, name := range group.names {
			c.add(&Acquirer{Pkg: group.pkg, Name: name, Kind: group.kind})
		}
	}
	c.addKind(database)
	for _, e := range extra {
		c.addKind(e.Kind)
		for _, a := range e.Acquirers {
			c.add(a)
		}
	}
	c.anyRelease = c.releaseNames()
	return c
}

func (c *Catalogue) addKind(k *Kind) {
	if c.byName[k.Name] == nil {
		c.byName[k.Name] = k
		c.Kinds = append(c.Kinds, k)
		for _, t := range k.Types {
			c.addTypeName(t)
		}
	}
}

// addTypeName records the name a named type written as typ ("*os.File",
// "github.com/jackc/pgx/v5.Rows", "example.com/p.List[int]") has, or gives up
// the filter for a type written otherwise.
func (c *Catalogue) addTypeName(typ string) {
	name := strings.TrimLeft(typ, "*")
	name = name[strings.LastIndex(name, ".")+1:]
	if i := strings.Index(name, "["); i >= 0 {
		name = name[:i]
	}
	if name == "" || strings.ContainsAny(name, "/ ]()") || !strings.Contains(typ, ".") {
		c.anyType = true
		return
	}
	c.typeNames[name] = true
}

func (c *Catalogue) add(a *Acquirer) {
	c.acquirers[knowledge.NameKey(a.Pkg+"."+a.Name)] = a
	c.pkgs[a.Pkg] = true
}

// Kind returns the kind named name, or nil.
func (c *Catalogue) Kind(name string) *Kind { return c.byName[name] }

// AcquiringPackage reports whether the package at path has built-in or configured
// acquirers.
func (c *Catalogue) AcquiringPackage(path string) bool { return c.pkgs[path] }

// Acquirer returns the catalogue's entry for fn, or nil.
func (c *Catalogue) Acquirer(fn *types.Func) *Acquirer {
	if fn == nil || fn.Pkg() == nil || !c.pkgs[fn.Pkg().Path()] {
		return nil // the package test first: the key is a string built per call
	}
	return c.acquirers[knowledge.Key(fn)]
}

// KindOf returns the kind whose type is t, or nil.
func (c *Catalogue) KindOf(t types.Type) *Kind {
	if t == nil || !c.mayName(t) {
		return nil
	}
	s := types.TypeString(t, nil)
	for _, k := range c.Kinds {
		if slices.Contains(k.Types, s) {
			return k
		}
	}
	return nil
}

// mayName reports whether t may be one of the kinds' types, by its name: the
// cheap test before printing it. Every kind's type is named, or a pointer to a
// named type.
func (c *Catalogue) mayName(t types.Type) bool {
	if c.anyType {
		return true
	}
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	switch t := t.(type) {
	case *types.Named:
		return c.typeNames[t.Obj().Name()]
	case *types.Alias:
		return c.typeNames[t.Obj().Name()] || c.mayName(types.Unalias(t))
	}
	return false
}

// AnyRelease is the set of method names that release some kind: used for values
// whose kind is unknown, such as an io.Closer parameter.
func (c *Catalogue) AnyRelease() []string { return c.anyRelease }

func (c *Catalogue) releaseNames() []string {
	var names []string
	for _, k := range c.Kinds {
		for _, m := range k.Release {
			if !slices.Contains(names, m) {
				names = append(names, m)
			}
		}
	}
	return names
}

// Extra is one resource type given by the -unclosed.types option.
type Extra struct {
	Kind      *Kind
	Acquirers []*Acquirer
}

// ParseTypes parses the value of the -unclosed.types option: entries separated by
// semicolons, each
//
//	TYPE=ACQUIRER,ACQUIRER...:RELEASE,RELEASE...
//
// where TYPE is the resource's type as types.TypeString prints it
// ("*example.com/pool.Conn", "example.com/pool.Handle"), each ACQUIRER is a package
// path and a function or Recv.Method name ("example.com/pool.Get",
// "example.com/pool.Pool.Get", or "(*example.com/pool.Pool).Get" as
// knowledge.FuncName prints it), and each RELEASE a method of TYPE ("Close",
// "Release"). The resource is the acquirer's first result. Package paths whose last
// element contains a dot (gopkg.in/yaml.v3) cannot be named.
func ParseTypes(s string) ([]*Extra, error) {
	var out []*Extra
	for entry := range strings.SplitSeq(s, ";") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		typ, rest, ok1 := strings.Cut(entry, "=")
		acqs, rels, ok2 := strings.Cut(rest, ":")
		typ = strings.TrimSpace(typ)
		if !ok1 || !ok2 || typ == "" {
			return nil, fmt.Errorf("%q is not of the form TYPE=ACQUIRER[,ACQUIRER]:RELEASE[,RELEASE]", entry)
		}
		k := &Kind{Name: typ, Noun: strings.TrimLeft(typ[strings.LastIndex(typ, "/")+1:], "*"), Types: []string{typ}, Leak: "what it holds leaks"}
		for r := range strings.SplitSeq(rels, ",") {
			if r = strings.TrimSpace(r); r == "" {
				continue
			}
			if !token.IsIdentifier(r) {
				return nil, fmt.Errorf("release method %q in %q is not a method name", r, entry)
			}
			k.Release = append(k.Release, r)
		}
		if len(k.Release) == 0 {
			return nil, fmt.Errorf("%q names no release method", entry)
		}
		e := &Extra{Kind: k}
		for a := range strings.SplitSeq(acqs, ",") {
			if a = knowledge.NameKey(strings.TrimSpace(a)); a == "" {
				continue
			}
			slash := strings.LastIndex(a, "/")
			dot := strings.Index(a[slash+1:], ".")
			if dot < 0 {
				return nil, fmt.Errorf("acquirer %q is not PKGPATH.Name or PKGPATH.Recv.Method", a)
			}
			dot += slash + 1
			e.Acquirers = append(e.Acquirers, &Acquirer{Pkg: a[:dot], Name: a[dot+1:], Kind: k})
		}
		if len(e.Acquirers) == 0 {
			return nil, fmt.Errorf("%q names no acquirer", entry)
		}
		out = append(out, e)
	}
	return out, nil
}

// TypesFlag is the flag.Value of the -unclosed.types option. Set parses the option
// (see ParseTypes), so that a mistake is an error when the option is set, in every
// driver, and the option is parsed once, not once per package.
type TypesFlag struct {
	text  string
	extra []*Extra
}

// Extra returns the resource types the option adds.
func (f *TypesFlag) Extra() []*Extra { return f.extra }

func (f *TypesFlag) String() string { return f.text }

func (f *TypesFlag) Set(s string) error {
	extra, err := ParseTypes(s)
	if err != nil {
		return err
	}
	f.text, f.extra = s, extra
	return nil
}

// ReleasedWithTx reports whether call, a method call that the catalogue lists
// as acquiring, works through a database/sql transaction: its receiver is a
// statement that a *sql.Tx (or sqlx's Tx, which embeds one) gave
// in place (tx.Stmt(s).Query(), tx.Stmtx(s).Queryx()). database/sql closes a
// transaction's statements, and the rows read through them, when the
// transaction commits or rolls back (Tx.Stmt's and Tx.Prepare's documentation;
// rows close when the transaction's context is cancelled, which Commit and
// Rollback do), so what such a call returns is released with the transaction:
// its leak at a return is the transaction owner's business, and the
// transaction's own leak is reported where it is acquired. The methods of the
// transaction itself (Tx.Query) are left out of the catalogue for the same
// reason. pgx is not so: rows left open on a pgx transaction keep its
// connection busy, and its Commit fails. A statement held in a variable
// (stmt, err := tx.Prepare(q); rows, err := stmt.Query()) is not followed: a
// known false positive.
func ReleasedWithTx(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, inner).(*types.Func)
	return ok && (knowledge.IsMethod(fn, "database/sql", "Tx", "Stmt", "StmtContext") ||
		knowledge.IsMethod(fn, "github.com/jmoiron/sqlx", "Tx", "Stmtx", "StmtxContext", "NamedStmt", "NamedStmtContext"))
}

// PreparedOn returns the local variable holding the database that call, the
// acquisition of a prepared statement of kind k, prepares it on (db in
// db.Prepare(q) or sqlx's db.Preparex(q)), and the database's kind; or nil. Closing
// a database closes every connection it holds, and with each connection the
// statements prepared on it (database/sql's driverConn.finalClose), so a path that
// closes the database releases the statement (measurement 48: cinar/indicator's
// repository closes its database through a helper when a later statement fails
// to prepare). A statement prepared on a sql.Conn is not so: closing the Conn
// hands its connection back to the pool.
func (c *Catalogue) PreparedOn(info *types.Info, call *ast.CallExpr, k *Kind) (*types.Var, *Kind) {
	if k != stmt && k != sqlxStmt {
		return nil, nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || c.KindOf(v.Type()) != database {
		return nil, nil
	}
	return v, database
}
