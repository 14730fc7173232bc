// Package unclosed defines an Analyzer that reports resources not released on
// every path out of the function that acquired them.
//
// # Analyzer unclosed
//
// unclosed: report files, HTTP responses, database rows, transactions, connections and other resources not released on every path
//
// A resource acquired in a function must be released before the function returns,
// on every path on which the acquisition succeeded, unless the function hands it on.
// Otherwise file descriptors, connections and pooled database connections leak, and
// compressing writers lose the data they buffer. The check is path-sensitive: on the
// branch where the error returned with the resource is non-nil (if err != nil, at any
// distance after the call), or where the variable is nil, there is nothing to release.
// The paired error is the call's last result when its type implements error; a last
// bool follows the comma-ok convention (f, ok := get(); if !ok { return } holds no
// resource); any other last result (a byte, a count) says nothing about the
// resource, and nothing is reported beyond a test of it.
//
// Resources, with what releases them:
//
//   - *os.File from os.Open, Create, OpenFile, CreateTemp, OpenInRoot and os.Root's
//     methods: Close;
//   - *http.Response from http.Get, Post, PostForm, the same methods of
//     *http.Client, Client.Do, Transport.RoundTrip: Body.Close, or reading the body
//     to its end with io.ReadAll (ioutil.ReadAll), a bytes.Buffer's ReadFrom
//     (buf.ReadFrom(resp.Body)) or io.Copy (io.CopyBuffer) into any writer, in
//     place or through readers that pass every byte and error on
//     (bufio.NewReader, bufio.NewReaderSize, io.TeeReader: io.Copy(w,
//     io.TeeReader(resp.Body, bar)), or r := bufio.NewReader(resp.Body) read to
//     its end with io.ReadAll(r) in a later statement of the same block before r
//     is assigned again), or a for loop with no condition around n, err :=
//     resp.Body.Read(buf) whose every way out (a break, a return) lies under an
//     if after the Read that holds only when Read's error is not nil (err ==
//     io.EOF, err != nil, errors.Is(err, io.EOF)): a loop that may also stop on a
//     byte count leaves the rest unread; or a function of any package that reads
//     its parameter so before it can return (a statement of its body, with no
//     return before it, reads the parameter in place: func bodyToString(r
//     io.Reader) (string, error) { b, err := io.ReadAll(r); ... }), known
//     across packages from the ownership pass's params fact ("reads params [0]
//     to their end"). At EOF net/http hands the connection back to the pool,
//     and a failed read closes it (the transport's bodyEOFSignal: the readLoop
//     keeps no connection whose body read failed; an HTTP/2 body's read fails only
//     once its stream has ended), so the read releases the body on its failure
//     branch too. io.ReadAll and Buffer.ReadFrom have no writer that could fail:
//     their error is a failed read of the body. Other ReadFrom methods (*os.File,
//     *bufio.Writer) may stop on a failed write with the body unread, and
//     release nothing. httputil.DumpResponse(resp, true) releases it too,
//     whatever error it returns: it reads the body to its end, closes it and puts
//     an in-memory copy in resp.Body (with false, or a flag that is no constant,
//     it reads and closes nothing). io.CopyN, io.LimitReader and
//     a bufio.Reader's ReadString stop before the end, and release nothing (not from
//     http.ReadResponse, whose Body only reads the caller's bufio.Reader: the
//     connection belongs to the reader's owner; not from http.Head and Client.Head,
//     whose response has no body: net/http hands the connection back before
//     returning it; nor from Client.Do or Transport.RoundTrip of a request
//     that http.NewRequest or NewRequestWithContext made with the method HEAD,
//     for the same reason: the request that reaches the call, found by going
//     back through the statements before it, so that a variable given a HEAD
//     request and later a GET one is told apart at each call; a variable whose
//     address is taken or that a function literal assigns is not followed). A
//     failed io.ReadAll or Buffer.ReadFrom through io.LimitReader (or
//     bufio.NewReader) is a failed read of the body, which closed the
//     connection: LimitReader returns only its reader's errors (at its limit
//     io.EOF, which they take as the end). So the branch of an if right after
//     the read (or with it as init) on which its error is not nil holds
//     nothing, while the other still needs the Close (body, err :=
//     io.ReadAll(io.LimitReader(resp.Body, n)); if err != nil { return err });
//     not so through io.TeeReader, which also fails when its writer does;
//   - *sql.Rows from Query and QueryContext on *sql.DB, *sql.Conn and *sql.Stmt:
//     Close, or a for rows.Next() loop that runs to its end (Next closes the rows
//     when it returns false); *sql.Stmt from Prepare and PrepareContext on *sql.DB
//     and *sql.Conn: Close; *sql.Conn from DB.Conn: Close; *sql.Tx from Begin and
//     BeginTx: Commit or Rollback. What a transaction gives (rows from Tx.Query
//     and Tx.QueryContext, statements from Tx.Prepare and Tx.Stmt, rows from
//     tx.Stmt(s).Query(), and sqlx's Tx.Queryx and Tx.NamedQuery) is released with
//     it: database/sql closes them when the transaction commits or rolls back (the
//     rows watch its context, which Commit and Rollback cancel), so they are the
//     transaction owner's business, and the transaction's own leak is reported
//     where it is acquired. A statement prepared on a *sql.DB (or sqlx's DB) held
//     in a local variable is released too by a release of that database on the
//     path, db.Close() or a helper that only closes its parameter, or a deferred
//     db.Close() registered before the Prepare: closing a database closes every
//     connection it holds, and with each connection the statements prepared on
//     it (a constructor that closes its database when a later statement fails
//     to prepare, cinar/indicator's repository, measurement 48). Not so for a
//     statement prepared on a sql.Conn, whose Close hands its connection back to
//     the pool;
//   - net.Conn from net.Dial*, Dialer.Dial*, tls.Dial*, Listener.Accept;
//     net.Listener from net.Listen and tls.Listen; net.PacketConn from
//     net.ListenPacket: Close;
//   - writers that lose data unless closed, from gzip, zlib and flate NewWriter* and
//     zip.NewWriter: Close or Flush (a flushed writer has written what it buffered;
//     the trailer is the owner's choice), reported only when nothing closes or
//     flushes them (abandoning one on a path that fails anyway loses nothing);
//     *zip.ReadCloser from zip.OpenReader: Close;
//   - *time.Ticker from time.NewTicker (Stop), and time.Tick, which cannot be stopped,
//     only in files whose Go version is below 1.23 (from Go 1.23 the runtime collects
//     unreferenced tickers); a goroutine that ranges over the ticker's channel uses
//     it for ever (the runtime never closes that channel), and is not reported,
//     whether it made the ticker or a function started it with go func() { for
//     range t.C { ... } }() (the goroutine holds it; one that leaves the range and
//     ends without stopping it is a known false negative); so is a loop with no
//     way out, for { ... }, or one whose condition is the constant true (for ;
//     true; <-t.C { ... }), and a range over a variable given once the channel of
//     time.Tick (t := time.Tick(d); for range t): the function never returns, and
//     the ticker is in use until the process ends;
//   - sqlx rows, statements and transactions, and pgx v4 and v5 Rows;
//   - any function, in any package, that returns such a freshly acquired resource
//     (func openConfig() (*os.File, error)): its callers acquire it. A function
//     that hands the resource to an owner before returning it (go s.Serve(lis); a
//     struct holding it passed to a server; a closure capturing it, as given to
//     t.Cleanup; a call that keeps it) gives its caller no fresh resource: the
//     owner releases it, and the caller must not. Nor does a function that
//     releases it, on any path, directly or through a helper that only releases
//     it (kivik's DoError defers CloseBody(res.Body) and returns res for its
//     status: the callers get a closed response), whatever the order in which
//     the package declares the two. (Known limit: a function that releases it
//     only when it fails, and returns it open on success, is taken for one of
//     these too, and its callers are not told to close it.)
//
// More types are given with -unclosed.types, entries separated by semicolons:
//
//	-unclosed.types='*example.com/pool.Conn=example.com/pool.Get,example.com/pool.Pool.Get:Close,Release'
//
// Each entry is TYPE=ACQUIRER,...:RELEASE,...: the type as go/types prints it, the
// functions (PKGPATH.Name) or methods (PKGPATH.Recv.Method) whose first result is a
// fresh resource, and its methods that release it.
//
// The resource is handed on, and not reported, when it is returned, sent on a
// channel, stored in a struct field, map, slice or package variable, captured by a
// closure or goroutine that releases or hands it on, used by a function literal
// that outlives the call (returned, stored, sent, or given to a call whose
// returned value may hold it: a logger's StreamHandler(w) returns a handler built
// around a literal that writes to w, so the handler keeps the file; not a call
// that returns only an error, return filepath.Walk(root, func...), nor a literal
// called where it is written), given to a goroutine that runs
// one of its methods (go c.serve()), released in any form (defer
// f.Close(), defer func() { _ = f.Close() }(), t.Cleanup), or passed to a function
// that releases or keeps it, or that serves it: a listener passed to a function
// whose accept loop (for { conn, err := l.Accept() ... }, with no return before
// it) it leaves only under a test of Accept's error is that function's for as
// long as it can be used, since Accept fails for good once the listener is
// closed (net.ErrClosed), as http.Serve owns its listener. That is known across packages through the facts of
// the ownership pass, which ctxcancel shares; a call whose callee is unknown (an
// interface method, a function value) is assumed to take ownership. Wrapping is
// not handing on: bufio.NewReader(f), io.Copy(w, resp.Body) and
// json.NewDecoder(resp.Body) leave the resource with the caller, unless another
// holder keeps the wrapper: a call's result with a Read or Write method
// ([]byte) (int, error) reads or writes through its argument, so a reader or
// writer built over the resource (bufio.NewReader(stripBOM(f))) that is sent,
// stored in a field, element, composite value or package variable, or held in a
// local variable that is, or that a goroutine uses, takes the resource with it:
// its holder reads it after the function returns, and a deferred Close would
// break that read. A wrapper, or a wrapper of wrappers, passed to a call that
// takes its argument is handed on as the resource itself would be there
// (New(bufio.NewReadWriter(bufio.NewReader(f), bufio.NewWriter(f))), whose
// result keeps writing to the file: measurement 23, iris's accesslog.File); one
// passed to a call that keeps it in its one result is followed to that result,
// which hands the resource on when returned, stored or sent, and not when used
// in the function and dropped. A returned bare wrapper is no hand-on: the
// caller gets no Close (return bufio.NewWriter(f), nil), so nothing can release
// the file, and the leak is reported. A reader over an HTTP response's body
// is the exception (return bufio.NewReader(resp.Body), nil, or a local r :=
// io.LimitReader(resp.Body, n) that is returned: measurement 35, Argo Workflows'
// http1 Facade.EventStreamReader): the caller gets it to read, and reading a
// body to its end hands its connection back to the pool as a Close would;
// whether the caller reads it to its end or cancels the request cannot be seen
// from the function, so it is given the benefit of the doubt. Known false
// negative: a caller that reads part of such a reader and drops it. A returned
// scanner or decoder over a body (bufio.NewScanner, json.NewDecoder: no Read
// method) is not covered, and stays reported.
//
// A copy of the resource made by dereferencing its pointer (*f) carries it
// wherever f would go when the struct copied holds a pointer, an interface, a
// map or a function, through which the copy reaches the same state: an os.File
// is struct{ *file }, so its copy shares the descriptor and the copy's Close
// closes it. Returned, stored, sent, passed to an owner or embedded in a
// composite value (return &selfDestructingFile{*f}, nil: measurement 35, Argo
// Workflows' load_to_stream.go), the copy hands the file on; a method called on
// it ((*f).Name()) is one called on f, and an assignment through the pointer
// (*f = v) hands nothing on. A struct of plain values and channels (time.Ticker,
// whose runtime timer is tied to the original's address) is no such copy.
//
// A file given to an os/exec.Cmd as its Stdin, Stdout or Stderr (cmd.Stderr =
// errFile), or put in its ExtraFiles in place (cmd.ExtraFiles = []*os.File{f},
// or append(cmd.ExtraFiles, f)), is lent, not handed on, while the Cmd is a local variable that stays
// in the function (each of its uses is a method call such as Start, Run or Wait,
// a field read or store, or an argument to a function that keeps nothing; it is
// not returned, stored, sent, or used by a goroutine): os/exec closes only the
// descriptors it makes itself (its childIOFiles and parentIOPipes lists)
// and uses a caller's *os.File as is, never closing it. The caller still owns
// the file: one never closed is reported, and the advice is the plain deferred
// Close (the child has exited once Wait returns). A Cmd that leaves the function
// (returned, kept in a field, waited for by a goroutine) or that the function did
// not make (a parameter) may run after the function returns, and the store stays
// a hand-on. Known false negative: a file put in a slice variable that later
// becomes cmd.ExtraFiles still counts as handed on (the slice is not followed).
//
// Reflection hands a value on: a reflect.Value holds what reflect.ValueOf was
// given, and Set, Append, SetMapIndex and Send store it wherever the reflected
// target points (target.Set(reflect.ValueOf(file)) fills the caller's field).
// A file's descriptor number handed on hands the descriptor on: f.Fd(), through
// conversions, returned, sent, stored in a composite value, a field, an element
// or a package variable (or in a local variable that is), or given to
// os.NewFile, goes to a new owner, and closing the file would close the
// descriptor under it (mkstemp returns the number to its caller). No fix is
// offered then. A number used in place (syscall.Flock(int(f.Fd()), ...)) hands
// nothing on: the file still owns the descriptor, and its leak is reported.
// The same holds for the *os.File that File returns on a net listener or
// connection (TCPListener, UnixListener, TCPConn, UnixConn, UDPConn, IPConn):
// it holds a duplicate of the socket's descriptor, so a file returned
// (return listener.File()), stored or sent as a number would be hands the
// socket on, and closing the listener would undo what its receiver holds it
// for (a UnixListener's Close unlinks the socket's path). A file used in place
// or dropped hands nothing on, and the listener's leak is reported.
//
// A function that keeps a parameter inside the value it returns (it returns a
// composite literal holding it, a pointer to one, a local variable built so, or
// the result of another such function, and nil or such a value on every return,
// and hands the parameter nowhere else: no package variable, goroutine or
// function literal) moves the obligation to that value. When a resource's only
// hand-on is such a call and the value's type has a method that releases it
// (Close, or the resource's own release method), the variable that receives the
// value is checked as the resource itself would be, and reported with both (the
// parameter's type must be the resource's, or have that method too: a
// constructor taking an io.Reader cannot close what it keeps, and its value's
// Close frees something else):
//
//	f, err := os.Open(name)
//	...
//	w := newWrapper(f) // w (the *wrapper from newWrapper, holding the file from os.Open) is not closed on any path
//
// A value whose type has no such method cannot be released through: the
// resource counts as handed on, as before. A method of the value's type that
// releases what its receiver holds (a release method called on the receiver or
// on a field reached from it, or another such method: a Serve that closes its
// listener when it stops) releases the value when called, as Close does. This is
// known across packages through facts, and chains of constructors are followed
// (newOuter(f) returning &outer{w: newWrapper(f)}). No suggested fix is offered
// for such a value.
//
// Some uses look like a release or a hand-on and are neither: an assignment to the
// blank identifier (_ = rows); a function literal that nothing can call, assigned
// to the blank identifier or to a variable only ever assigned to it (closeIt :=
// func() { f.Close() }; _ = closeIt); and a literal called on the spot that takes
// the resource as a parameter, which counts for what its body does with that
// parameter (defer func(b io.ReadCloser) {}(resp.Body) releases nothing).
//
// A response to a request made with http.NewRequestWithContext(ctx, ...), where
// ctx, cancel := context.WithCancel (WithTimeout, WithDeadline, their Cause
// forms) in the same function and defer cancel() runs before the request is
// sent, is released at every return, kept or discarded (_, err = client.Do(req)):
// cancelling a request's context after the
// response came makes the transport close its connection (the readLoop's
// ctx.Done case; HTTP/2 resets the stream). This covers the connection only:
// responses dropped before the return (a loop that sends again with the last
// body open) hold theirs until then and are reported; a cancel called on each
// path rather than deferred, or a context from the caller, is not such a
// release.
//
// A local closure that releases the resource releases it where it is called
// (closeLast := func() error { ...; return f.Close() }; ...; closeLast()), and a
// deferred literal written before the acquisition (var f *os.File; defer func() {
// if f != nil { f.Close() } }(); ...; f, err = os.Open(name)) reads the variable when
// the function returns, so it releases whatever the variable then holds: every
// return is covered, and only a drop still loses a resource.
//
// A resource is dropped where its variable takes a new value while it is still
// held: the acquisition itself, come round again in a loop (a retry loop that goes
// on after a bad status with the response open), or another assignment to the
// variable that does not derive from it (resp, err = c.Get(next)). When the
// function releases or hands the resource on elsewhere and no return leaks it,
// the drop is reported with its line; a wrapper that takes the old value (f =
// wrap(f)) hands it on. A counted loop (for i := 0; i < n; i++, whose counter only
// its post statement changes and whose bound nothing changes) ends after the
// iteration in which a test of the counter one step ahead fails: a retry that
// closes a bad attempt's body only when another attempt follows (if err == nil &&
// i+1 < n { resp.Body.Close() }) keeps the last one open to return it, and drops
// nothing. A guard one step off, or a counter the body changes, says nothing. A
// loop left by break has not passed its post statement, so its condition still
// holds after it: i := 0; for ; i < max; i++ { f, err = create(); if
// os.IsExist(err) { continue }; ...; break }; if i == max { return errFailed }
// reaches that return only after every attempt failed, holding no file (cometbft's
// tempfile, measurement 41), until the counter moves again.
//
// A Close deferred right after the call that returned the value with an error,
// before the error is looked at (x, err := open(); defer x.Close()), runs on a nil
// value when the call fails. Besides the resources above, it is reported where the
// code shows that the value can be nil on failure: a function of this package
// whose results are a pointer or an interface with a Close method and an error,
// which returns nil for that value somewhere (a constructor that returns what it
// opened so far with the error wants the deferred Close), when the error check
// after the defer returns (a failure that panics anyway gains nothing from the
// order); and a discarded error from a catalogued acquirer (res, _ := c.Get(u);
// defer res.Body.Close()) where the nil value certainly panics: a response's Body
// field or a method of an interface (a nil *os.File's Close only returns an
// error). Neither this nor the same mistake on the resources above is reported in
// test code, where a failed call fails the test, which the panic reports too.
// A deferred function literal whose only statement is the release with its
// result discarded (defer func() error { return x.Close() }(), or _ =
// x.Close()) counts as the deferred release itself.
//
// time.Tick called in a loop's body (case <-time.Tick(d) in a select loop), in a
// file whose Go version is below 1.23, makes a new ticker each time round, none of
// which can be stopped or collected: it is reported even in package main. The
// range expression of for range time.Tick(d) runs once and is not such a call.
//
// A release under a condition that tests neither the resource nor an error, on a
// branch that goes on to the statement after the if (if didOpen { f.Close() }, if
// closeIt { resp.Body.Close() }), is the owner's decision and counts as the release:
// the flag holds a state the analysis cannot see. A release on a branch that
// returns, or under a test of the resource or of an error, is not such a decision.
// A test of the resource against a value from before it is answered: a resource
// acquired here is no package-level variable of another package, nor a local given
// once such a value, so if f != os.Stdin { f.Close() } releases it on every path
// that holds it (a reader of a named file or standard input).
// A local boolean that a path from the acquisition sets to a constant (didOpen =
// true right after the open) has that value on the rest of the path, until it is
// assigned again: if didOpen { return fd.Close() }; return nil leaks nothing, since
// the second return is reached only by paths that did not open the file.
// Likewise a boolean of the function that nothing assigns after its declaration
// (a parameter such as debug, or a local declared once; not a package-level
// variable, which another goroutine or any call may set, and not one whose
// address is taken or that a function literal assigns) answers every test on a
// path as the first test did, or as the ifs around the acquisition say: a file
// opened under if debug is not dropped by a reassignment under if !debug, in a
// loop or not. Only plain tests are read (debug, !debug, debug == false, and &&
// or || over them). The same holds for a comparison of such a variable of any
// other type with a constant or nil (addr != "", p == nil, n == 0; not an
// error, whose tests pair it with the resource): a listener opened under if
// addr != "" and handed to Serve under a later if addr != "" is not left open
// on the path where addr == "", on which nothing was opened. A comparison with
// another constant (addr != ":0") tells nothing of it, and a variable changed
// by a pointer method (level.Set(s)) is no such variable. A boolean field read
// through such a variable (srv.NoDiscovery, with srv the receiver), when the
// function assigns that field nowhere, is read the same way: configuration the
// function only tests (another goroutine could change it; the search then
// follows fewer paths, the quiet side). An early exit before the acquisition,
// if srv.NoDiscovery && !srv.DiscoveryV5 { return nil } outside any loop around
// it, was false on every path that reached the acquisition: a later pair of
// branches that would make it true is not followed. A local variable compared
// with nil whose every write a path sees (no function literal writes it, nothing
// takes its address) is nil after var x *T or x = nil and not nil after x =
// &T{...}, new(T) or make(...), until its next write: var sconn *shared; if v5 {
// sconn = &shared{conn} }; ...; if sconn != nil { use(sconn) } else { use(conn) }
// hands the connection on where v5 is false (erigon's discovery set-up,
// measurement 40).
//
// Assertion helpers are read from their bodies: a function that cannot return
// normally when an error parameter is non-nil (must(err), noError(t, err)), is nil
// (wantErr(t, err)), or when a bool parameter is false or true (requireTrue(t,
// cond), assert(t, cond)), because every such path reaches panic, os.Exit,
// log.Fatal, t.Fatal, t.FailNow or another such function, is known as one, in its
// package and (through facts) in others; testify's require functions are listed. A
// function or method whose name starts with Fatal and whose body says nothing
// of it (an exit held in a field, a logger reached through an interface) follows
// Go's convention: it does not return (log.Fatal, klog.Fatalf, a logger's
// Fatalf), or, when it takes an error, returns only when the error is nil
// (kingpin's and fisk's FatalIfError(err, ...)). A
// call that returns only when the resource is absent (requireTrue(t, err != nil),
// require.Error(t, err)) ends the path, and so does a function that never returns
// (fatalf(t, ...)).
//
// A path that marks the running test failed (t.Error, t.Errorf, t.Fail, on
// testing's T, B, F or TB, also through a type that embeds one) ends there, as one
// that reaches t.Fatal does, and so does the branch of if t.Failed(): what a failed
// run leaks is no finding (if err == nil { t.Errorf("unexpected success") }).
//
// A resource whose result is discarded (_, err := os.Create(name), or a bare
// http.Get(url)) is reported too when the first statement that reads the error that
// came with it treats failure as the exception: if err != nil, a return of it, or an
// assertion helper that ends the path on a non-nil error (must(err),
// require.NoError(t, err), assert(t, err == nil)). A call expected to fail (if err
// != context.Canceled, requireTrue(t, err != nil)) discards the resource knowingly.
// A discarded compressing writer is not reported: nothing can write to it, so it
// buffers nothing to lose (_, err := zlib.NewWriterLevel(w, level) checks a level).
// Nor is a resource discarded in code that runs at most once per process (see
// below): it leaks once, as one kept and never released there does.
//
// In test code (a _test.go file; a file that imports Ginkgo, Gomega or testify,
// whose APIs work only under a test runner, so that a Ginkgo suite in a normal
// package counts, though not one that imports only testing, which production code
// does for testing.Testing(); a function taking *testing.T, *testing.B,
// *testing.F, testing.TB or go-testing-interface's T, the interface that lets code
// outside _test.go files take a test's T, or the handle of the module's own test
// framework (a type declared in a package under a directory named for tests, with
// Error or Errorf and Fatal, Fatalf or FailNow: go-ethereum's utesting.T), or
// inside one; or one selecting a field
// of such a type; or a method of a struct type with a field of such a type, as a
// fake server that keeps the T it was built with: production code has no test's T
// to store; or an unexported function, not a method, that only _test.go files of
// its package refer to, or a function literal inside one: no other package can
// name it and no other code calls it, unless a //go:linkname or //export
// directive names it or the package has assembly; a use in any other file, even
// a value taken, makes it other code. go vet analyzes such a package's test
// variant, which sees those calls, and deferlint reports the variant's findings in
// the plain package's place; a driver that also reports the plain package sees no
// caller there and reports the helper (known false positive), and one
// called only from a file the build's tags exclude looks uncalled, not test-only),
// a leak is reported by default only where it grows or loses more than a
// descriptor: a writer that loses its buffered data, and a resource acquired in a
// counted loop (a for statement, a range over a channel, an integer or a function)
// that leaks one per iteration, because a path comes back round to the acquisition
// with the resource held or the loop runs a function literal that acquires it
// (b.N files in a benchmark, a dial per retry). One file, listener, connection or
// body per test function, benchmark round or case of a table the test wrote (a
// range over a slice, array, map or string, or a loop whose count is a constant
// up to 64: for range 5, for i := 0; i < n; i++ with n := 10 never assigned
// again, or a count the test wrote in its table: a loop from zero up to a field
// of a table case, for i := 0; i < tc.tokens; i++ or for range int(tc.n),
// where the package gives that field values only as constants up to 64 in
// composite literals (tokens: 5, or {"second", 3}) and never assigns,
// increments or addresses it, and, for an exported field, which a decoder
// could fill through &cases, never takes the address of a value holding it;
// or a loop counted by an integer parameter of a function literal written as a
// field of a table case (runner: func(l net.Listener, n int) error { for range
// n {...} }), where every use of that field calls it, outside a counted loop,
// with a constant up to 64 or with such a field of the same case
// (tc.runner(l, tc.acceptCalls)). The table is the test's own data: such a
// loop repeats a fixed, small number of times per case, like for range 3. b.N
// is neither, so a table called with b.N, a count set from it or from a
// variable, and a table loop inside a b.N loop are still reported; so is a
// helper's count parameter, which is whatever its callers pass, unless the
// helper is unexported, never a method nor used as a value, never assigns the
// parameter, and every call passes for it a constant, or a local defined once
// with one (nPeers := 7; randNetWithPeers(t, nVals, nPeers)), the largest up
// to 64: the package writes the count out at each call, as surely as for
// range 7 does; a call that passes len(xs), a parameter of its own or 1000
// still makes the loop a repeating one)
// lives no longer than the test binary, and no maintainer acts on it; _, _
// = net.Dial(addr) to make an Accept return is such a case. A connection accepted
// in a for statement with no condition is the far end of a dial the test makes:
// the loop runs once per dial, which the test bounds, so an accept loop that
// throws connections away is such a case too. A loop that dials or gets by
// itself until a server is ready repeats its leak only when a path on which it
// holds the resource (the paired error is nil) comes back round to the call: a
// failed round holds nothing, so a poll that discards what it got (_, err =
// tls.Dial(...)), retries on failure and leaves the loop on success leaks one
// per test and is quiet, while one that goes round again after a success
// (counting successes, or a bad status with the body open) is reported. Code in a package
// under a directory named example, examples or _examples inside its module
// demonstrates an API, and code under one whose name, or a part of it between
// dashes or underscores, starts with test (test, testing, testutil, testsuite,
// testcluster, dendrite-upgrade-tests...; not latest or attestation, which only
// contain it) or ends with testing or testutil(s) (awstesting: Go joins a thing's
// name to its test support; not fastest, an English superlative as often as a
// test package), or named integration,
// integrationtest(s) or e2e (not integrations, a product's integrations),
// or mock or mocks (the fakes that stand in for a dependency under test, as
// gomock and mockery generate them; an exact name, not a prefix),
// supports tests (a proxy for integration tests, a test environment), and code
// under one named scripts or hack (the Kubernetes convention), or bench, benchmark
// or benchmarks (a harness that loads a system to measure it) is developer tooling
// run by hand: each runs by hand or under a test, once per run, and gets the
// same default (the module's own path does not count; without the module, which
// some drivers do not give, this rule does not apply). So is a code generator: a
// program (package main) whose source holds the line Go's convention puts at the
// top of generated files ("Code generated ... DO NOT EDIT."), which it writes
// into the Go files it generates; a maintainer runs it, by hand or through go
// generate, once per generation (Google's API client generator, which fetches a
// discovery document per API). A program that only reformats or rewrites Go
// files does not write that line and is judged as other code. So does a file in any
// package whose name has a part, between dashes or underscores, that is mock or
// mocks (mock.go, mock_sysfs.go, client_mock.go): it builds fixtures for tests
// beside the code it fakes, and what a fixture leaks lives as long as the test
// that builds it. -unclosed.tests reports these too:
//
//	-unclosed.tests
//
// A function whose non-nil error stops the command is not
// reported for a leak on the paths that return such an error (return err under if
// err != nil, return fmt.Errorf(...)): every call of it tests the error and ends
// that branch in a call that never returns (log.Fatal, os.Exit, or the sending of
// an event-builder logger's fatal or panic event, zerolog's
// log.Fatal().Err(err).Msg("..."): a chain whose root is named Fatal or Panic and
// returns the event and whose last call is Msg, Msgf, MsgFunc or Send, which logs
// and then exits or panics; a logger set to drop fatal events would return, and
// is not assumed), a return from
// main.main, or a return of the error from a function of which the same holds,
// or hands the error to a call that returns only when it is nil
// (fisk.FatalIfError(err, ...), must(err)). A return of the error wrapped
// (errors.Wrap(err, ...), fmt.Errorf("...: %w", err)) returns it. A call from
// test code does not count against the rule (a table test that goes on after
// the error): what the function leaks there lives no longer than the test run,
// the default of test code; with -unclosed.tests it counts. This holds of unexported methods
// too, unless an interface of the package names them (a call through it does
// not show among the uses).
// A function used as a value (a cli Action, a cobra RunE) hands its error to a
// framework that, in a command, returns it to main: it counts as stopping too, in
// package main whatever the framework, and in other packages as the action field
// of urfave/cli's or cobra's command (cli.Command{Action: send}, or a literal
// written in place: RunE: func(...) error {...}), where the rule
// applies to unexported functions only (others may be called from elsewhere). A
// bare return of a named error under if err != nil returns that error. A call
// in a function literal (a cobra command's Run field written in place) whose
// error branch ends in a call that never returns (os.Exit through a helper of
// the package) stops the command as in a declared function; a panic there does
// not, since what calls the literal may recover it (net/http's server does).
// The process exits a moment later. A function called where the error is logged
// and the program goes on (a server loop, a handler, a goroutine) is reported as
// anywhere else, and so is a leak on a path that returns no error.
//
// A resource that the function closes with explicit calls on some paths (to check
// Close's error once written) and leaks on another gets the advice to close it on
// that path too, not a deferred release beside the explicit ones; a transaction
// keeps the deferred Rollback advice (after a Commit it does nothing). That
// advice says "as the function does on the others" only when another path calls
// the release method: a body released elsewhere by reading it to its end
// (io.ReadAll(resp.Body)) gets the deferred-release advice.
//
// The advice never names a call that would not compile: a variable whose type
// lacks the release method (an io.Reader holding a file) is told to keep the
// acquirer's own type (*os.File from os.Open) when that has the method, or else
// that the acquirer has to return the resource as a type with it (a helper that
// returns its file as an io.Reader hides the Close); no fix is offered.
//
// A resource handed on on some paths and dropped on others (an accept loop that
// starts a goroutine with the connection unless it is shutting down; a closure
// that releases it, returned to the caller or started as a goroutine) is reported
// with the advice to release it on the paths that do not hand it on: a deferred
// release would take it from its new owner (a local copy the function closes
// itself, document := resp.Body; defer document.Close(), is no new owner, and
// gets the deferred-release advice; so does a use after the function's own
// deferred release of the same value, in the acquisition's statement list or
// past it where every path from the acquisition to the use passes the defer
// (vals: the file opened and its Close deferred in one branch, read through an
// alias after the branches): the defer runs on every path through that use, so the use, a call that reads the
// body or an alias pkgReader := resp.Body, hands no ownership on, and the
// advice is to move that defer up). A new value assigned to the variable
// (rows, err = db.Query(...)), or to the Body field of a response (resp.Body =
// io.NopCloser(&buf)), drops the old one: that is no hand-on, and a deferred
// release, bound to the old value, is the advice. A copy of the resource in a
// plain local variable of the function (var r io.Reader = src; ...; r = f, or
// rc := f), whose address nothing takes, is another name for it, not a new
// owner: the copy's uses are the resource's (returned or stored, it hands the
// resource on; closed, it releases it; only read, it does neither), so a file
// that the function only reads through the copy is released on no path. The use
// named as the hand-on is one that may run after the acquisition: a return of the
// variable's earlier value, before it and outside its loops, is not. A resource that no
// path releases or hands on is reported as released on no path, rather than by
// one of its paths (rows read in a for rows.Next() loop are released on the path
// where Next returns false, so a return inside the loop is named); in a loop the advice is to release it on every path before
// the next iteration, as a deferred release would wait for the function to return.
//
// A leaking return that hands the caller a compressing writer built over the
// resource (return gzip.NewWriter(f), nil, from the catalogue's writer acquirers:
// gzip, zlib, flate, zip) still leaks it, as the standard library documents that
// their Close flushes and writes the trailer but does not close the writer
// underneath; closing the resource on that path would break the writer returned.
// The advice for that return is to return instead a value whose Close also
// closes the resource (a struct embedding the writer, with a Close that closes
// both), beside the usual advice for the other leaking paths, and no fix is
// offered. Known limit: only a return of the constructor call itself is
// recognised; a writer built into a local and then returned, or stored for the
// caller, gets the usual advice.
//
// A function that only releases a parameter (every use of it that is not neutral
// releases it, or, for a variadic or slice parameter, it ranges over it and
// releases each element: func quietClose(fps ...*os.File) { for _, fp := range
// fps { fp.Close() } }) releases what it is passed: known across packages from
// the ownership pass's params fact ("only releases params"), such a call is a
// release, not a hand-on, and the advice is the ordinary one. A helper that also
// keeps its argument somewhere hands it on.
//
// A function that already defers the release, in the acquisition's statement
// list but below a return that leaves the resource open (a Write whose failure
// returns before defer f.Close()), gets the advice to move that defer up to right
// after the error check, and no fix (a second defer would release it twice); not
// when the variable takes a new value in between, where the defer binds another.
//
// A resource acquired into a variable whose release the function deferred
// before, with the variable named in the deferred call itself (defer f.Close();
// then f, err = os.Create(next) in a loop, or a ticker replaced after a
// certificate rotation, as swarmkit's agent does), is not released by that
// defer: a deferred call evaluates its receiver and arguments when the defer
// statement runs, so it releases the first value only. The advice is to make
// that defer a function literal that reads the variable when it runs (defer
// func() { f.Close() }()), not to add a second defer, which in a loop would hold
// every value until the function returns; no fix is offered, since the literal
// changes what the defer releases.
//
// A leaking return in the body of an if whose condition ORs the test of the
// paired error with something else (if err != nil || resp.StatusCode !=
// http.StatusOK { return ... }) has no place for a deferred release: before the
// if it runs on a nil value when the call fails, after it it comes too late. The
// advice is to split the check (return on err != nil alone, then defer the
// release, then test the rest), and no fix is offered.
//
// Acquisitions into one variable that leak on the same return (a fallback,
// file, err = os.CreateTemp(other, ...), when the first failed) are one bug with
// one fix: one report, at the first, names the others' lines ("here or at line
// 11"), even when the fallback, which nothing overwrites, leaks on every path
// and the first only on the paths past it. An acquisition whose resource is also dropped by a new value while it is
// open is a leak of its own and is reported apart.
//
// A resource that leaks on several returns is one report that names them all
// ("on the paths to the returns at lines 272 and 275"): the first in the source
// need not be the one that happens (an f.Stat failure before a size limit), and
// each needs the release.
//
// A deferred release placed before the check of the error that came with the
// resource is reported too, at any distance: when the call fails it runs on a nil
// value (and for a response, reading resp.Body panics at once). Not where the
// release is nil-safe and its error is discarded (defer f.Close(), defer func()
// { _ = f.Close() }(), defer func() error { return f.Close() }(): the language
// discards a deferred function's results): (*os.File).Close on a nil file
// returns os.ErrInvalid and does nothing else. The other releases of the catalogue dereference their
// receiver (rows, statements, transactions, tickers, writers, zip files) or are
// methods of a nil interface (connections, listeners), and panic; a release
// whose error is read (err = f.Close()) reports a failure that did not happen.
//
// Wrong:
//
//	resp, err := http.Get(url)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // resp.Body leaks
//	}
//	defer resp.Body.Close()
//
// Right:
//
//	resp, err := http.Get(url)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//
// When no path releases the resource and nothing hands it on, the suggested fix
// inserts the deferred release (defer f.Close(), defer resp.Body.Close(), defer
// tx.Rollback()) right after the if err != nil check that follows the acquisition.
//
// pgx rows are also released by a failed Scan or Values (if err := rows.Scan(...);
// err != nil { return err } does not leak them), and testify's require.False(t,
// rows.Next()) counts as running the rows to their end. Rows of database/sql,
// sqlx and pgx are closed, or being closed, whenever their Err() is non-nil
// (database/sql: Next closed them on the driver error it met, and awaitDone
// closes them right after it records a done context's error; pgx: the error's
// fatal closed them), so if err := rows.Err(); err != nil { return err } before
// the deferred Close does not leak them.
//
// Not reported: resources acquired in code that runs at most once per process
// (main.main, an init function, a function literal given to the Do of a
// sync.Once that is a package-level variable, which runs once per process (one
// in a struct field runs once per value, and is reported), a function all of whose uses are calls from
// code that runs once, outside any loop: it runs as many times as it has call
// sites, a bounded number the code fixes, so it leaks a bounded number of
// times (a generator's main calling compose twice); a recursive call, a
// function value or a call in a loop makes it unbounded; a go statement starts
// its function once each time it executes, as a call does, so a goroutine
// started once runs once (rethinkdb-go's connection counter, started under a
// package-level sync.Once, makes a ticker and loops on it for ever); the
// action of a cobra or urfave/cli command in any package (or of a fork of
// urfave/cli such as minio/cli, known by its shape: a struct named Command or
// App in a package named cli whose Action field holds a function), written in
// place (in the command's literal, or assigned to its field, as gopherjs's
// root.PersistentPostRunE = func(...) error {...}), named, or a function literal returned by a function of the package
// whose every call is an action field's value (RunE: newRunCommand(ctx, input)),
// or a method value there where methods count (Action: i.bundleAction, under cmd/),
// since a process executes one command line and it runs one command, the Run method of a type
// the package gives to argp.NewCmd or AddCmd and does not call itself (argp's
// Parse runs the selected command's Run once and exits), likewise the Run of a
// kong grammar given to kong.Parse, New or Must and of its fields tagged cmd or
// arg, recursively (kong's Context.Run calls the selected command's Run and its
// parents' once), and an unexported helper
// only such an action calls; in a package of a command's program by Go's layout
// convention, an import path with a cmd element (…/cmd/<command>/…), also an
// exported function or a method that its package calls at most once or not at
// all, since the command that alone calls it runs once per process, unless it
// has ServeHTTP's signature or is a method of a type the package turns into an
// interface value, which are called per request or event: internal/process),
// and a function literal handed once to a function of the package that calls
// that parameter a fixed number of times, outside a loop, a goroutine or a
// literal it keeps, and does nothing else with it (fyne's build := func() error
// {...}; i.ensurePackage(target, build), measurement 30): it runs as often as the
// call that hands it (one level: a callee that stores the parameter, passes it
// on or calls it in a loop makes it repeat, and it is reported), and all the
// code, loops and goroutines included, of a function without receiver of
// package main that nothing can call: no file of the package names it (no other
// package can import package main, and reflection finds no functions), no file
// the build constraints leave out and no assembly or C file mentions its name,
// and it has no cgo //export directive; it runs zero times (gorgonia's cu
// gencudnn, whose main has the call of generateStubs commented out, measurement
// 31; a method with no use is still reported, since an interface may call it,
// and so is an unexported function with no use in a library, which its tests may
// call), except writers, since the exit
// releases what it leaked once, and time.Tick anywhere in a command outside a
// loop. An action that leaks in a loop is reported, and so is every action of a
// package that executes command lines repeatedly itself (Execute, Run (a fork's too),
// argp's Parse or kong's Context.Run in a loop, a goroutine or a callback: a shell of its own);
// a resource held in a field, a package variable or a variable of an enclosing
// function; a response's Body field overwritten before it is released (the
// overwrite ends the path: the old body was usually read into a buffer first); a
// release inside a closure that is stored or passed and never called here (the
// closure counts as handing on); tests of the paired error the check does not
// understand (err != io.EOF, a switch on err), of a comma-ok flag other than ok and
// !ok, or of a last result that is no error: nothing is reported beyond them; a
// release deferred before a comma-ok flag is tested (only an error is checked for
// that); assertion helpers held in variables (check := func(err error) {...}),
// whose bodies are not read;
// in test code by default, a leak that happens once per test, benchmark round or
// case (see above), also one only on a path where the test has already failed,
// behind a closure that returns the error to a caller that calls t.Fatal (with
// -unclosed.tests that path is reported: the closure's return is not known to
// fail the test); in test code, a helper whose own code has no loop, called in a
// loop, that neither returns nor keeps what it leaks (the loop's leak is not seen);
// a resource from QueryContext or BeginTx released only by cancelling its context
// (database/sql closes the rows and rolls the transaction back then): a path
// through cancel() still counts as a leak;
// a resource kept in a value by a constructor that fills the field after building
// it (w := &wrapper{}; w.f = f), returns it through a named result, or also keeps
// it elsewhere, or that the caller also releases or hands on itself: the
// resource counts as handed on (see above);
// in test code and test support, a poll that gets or dials until a server is
// ready (for { resp, err := http.Get(url); ...; time.Sleep(d); if
// time.Since(start) > limit { return err } }) and drops what it got is reported
// as a leak that repeats, though the sleep and the limit bound its rounds;
// rows read from a statement held in a variable that a transaction prepared
// (stmt, err := tx.Prepare(q); rows, err := stmt.Query()) are reported, though
// they close with the transaction: only tx.Stmt(s).Query() in place is known;
// a copy of a response's body into a writer that fails (a full disk), or
// through an io.TeeReader whose writer fails, which stops with the body unread
// and its connection busy: the read counts as reaching the end, a local
// writer's failure being rare;
// calls into packages the driver loaded without analyzing them (no facts), which are
// assumed to take ownership; calls that never return but are not known as such
// (syscall.Exec, a logger's Exit or Panic called through an interface): the
// paths after them count; an exported function whose callers in other packages
// stop the command (natscli's top.SaveStatsSnapshotToFile, returned from a fisk
// action): the rule reads the callers in the function's own package only. For
// the same reason, known policy findings: code outside cmd/ that runs once per
// process where only callers in another package show it (kubebuilder's alpha
// generate). Under cmd/ the layout convention decides instead (measurement 14:
// InfluxDB's influx_inspect dumptsm and influxd restore, jaeger's anonymizer
// writer.New are quiet), a trade-off: it is a convention, not a fact the
// compiler checks, and a server whose per-request code lives under cmd/ and is
// called per request by another package of the command (a handler package its
// main wires up, a method called through an interface another package boxes,
// a per-request entry point other than ServeHTTP's shape) gets that code's
// leaks counted as once: known false negatives. Default output stays the precise
// set; a loop, a goroutine, a function value or a call site in code that may
// repeat, in the package itself, still counts as repeating.
// Known false positive: a nil-safe release deferred before the error check
// whose error reaches the deferred literal's discarded result through a
// variable (defer func() error { cerr := f.Close(); return cerr }()) counts as
// read; only return f.Close() itself is seen to be discarded.
// Known false negatives: a command's action executed repeatedly by another
// package (a shell or bot that runs a command line per message) counts as once,
// and so does one executed by a method of its own package called per message:
// only Execute or Run calls in a loop, a goroutine or a callback are seen.
// The standard library's own code is not analyzed: the functions in it
// that keep an argument (http.Serve, fcgi.Serve, rpc.Accept, tls.Client, context.WithValue,
// reflect.ValueOf, ...) are listed. So any use of reflect.ValueOf(f) hands f on,
// also one that only inspects it (reflect.ValueOf(f).Type()): a known false
// negative.
package unclosed
