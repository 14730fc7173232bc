package resources

import (
	"go/types"

	"github.com/deferlint/deferlint/internal/knowledge"
)

// stdOwners lists standard-library functions that release or keep an argument, by
// package path and function or Recv.Method name. Any other standard-library
// function is taken to neither release nor keep its arguments (bufio.NewReader,
// io.Copy, json.NewDecoder, fmt.Fprintf, net.FileConn), so that wrapping or reading a
// resource is not mistaken for handing it on. Facts are not computed for the
// standard library: this table stands in for them.
var stdOwners = map[string]map[string]bool{
	"net/http": {
		"Serve": true, "ServeTLS": true, "Server.Serve": true, "Server.ServeTLS": true,
		// The transport closes a request body that is an io.Closer.
		"NewRequest": true, "NewRequestWithContext": true, "Post": true, "Client.Post": true,
	},
	// fcgi.Serve, like http.Serve, serves on the listener until Accept fails: its
	// owner stops it by closing the listener from elsewhere.
	"net/http/fcgi":     {"Serve": true},
	"net/http/httptest": {"NewRequest": true, "NewRequestWithContext": true, "NewUnstartedServer": true},
	"net/http/httputil": {"NewClientConn": true, "NewServerConn": true, "NewProxyClientConn": true},
	"crypto/tls":        {"Client": true, "Server": true, "NewListener": true},
	// rpc.Accept and Server.Accept, like http.Serve, serve on the listener until
	// its Accept fails (for good once it is closed): the listener is theirs.
	"net/rpc": {"ServeConn": true, "NewClient": true, "Server.ServeConn": true, "ServeCodec": true, "NewClientWithCodec": true,
		"Accept": true, "Server.Accept": true},
	"net/rpc/jsonrpc": {"ServeConn": true, "NewClient": true, "NewClientCodec": true, "NewServerCodec": true},
	"net/smtp":        {"NewClient": true},
	"net/textproto":   {"NewConn": true},
	"runtime":         {"SetFinalizer": true, "AddCleanup": true, "KeepAlive": true},
	"context":         {"WithValue": true},
	"sync":            {"Map.Store": true, "Map.LoadOrStore": true, "Map.Swap": true, "Map.CompareAndSwap": true, "Pool.Put": true},
	"sync/atomic":     {"Value.Store": true, "Value.Swap": true, "Value.CompareAndSwap": true, "Pointer.Store": true, "Pointer.Swap": true, "Pointer.CompareAndSwap": true},
	"container/list":  {"List.PushBack": true, "List.PushFront": true, "List.InsertBefore": true, "List.InsertAfter": true},
	"container/heap":  {"Push": true},
	"slices":          {"Insert": true, "Concat": true, "Repeat": true, "Replace": true},
	"log":             {"New": true, "SetOutput": true, "Logger.SetOutput": true},
	"log/slog":        {"NewTextHandler": true, "NewJSONHandler": true},
	"database/sql":    {"OpenDB": true},
	// A reflect.Value holds the value it was made from, and the Value methods
	// that store one (Set, Send, SetMapIndex, Append) put it wherever the
	// reflected target points: a field of the caller's struct, a map, a slice
	// (measurement 15: kong's mapper stores the opened file into the user's
	// field with target.Set(reflect.ValueOf(file))). What reflect.ValueOf is
	// given may be kept anywhere, so it is handed on. Known false negative:
	// reflect.ValueOf(f).Type(), which only inspects it.
	"reflect": {"ValueOf": true, "Append": true, "Value.Set": true, "Value.Send": true, "Value.TrySend": true,
		"Value.SetMapIndex": true, "Value.SetIterValue": true, "Value.SetIterKey": true},
	// The profilers write to their writer until the matching Stop call.
	"runtime/pprof": {"StartCPUProfile": true},
	"runtime/trace": {"Start": true},
}

// stdOwnerFuncs is stdOwners as a set of functions.
var stdOwnerFuncs = func() knowledge.Funcs {
	var names []string
	for pkg, funcs := range stdOwners {
		for name := range funcs {
			names = append(names, pkg+"."+name)
		}
	}
	return knowledge.NewFuncs(names...)
}()

// stdOwns reports whether fn is a standard-library function that releases or
// keeps its arguments.
func stdOwns(fn *types.Func) bool { return stdOwnerFuncs.Has(fn) }

// StdKeeps reports whether fn is a standard-library function listed as releasing
// or keeping an argument (a server keeps its listener, pprof.StartCPUProfile its
// file): a caller that passes a value to it hands the value on.
func StdKeeps(fn *types.Func) bool { return stdOwns(fn) }
