package misuse // want package:"recovery analyzed"

import (
	"fmt"
	"log"
	"sync"
)

func deferRecover() { // want deferRecover:"recovery\\(recovered\\)"
	defer recover() // want `defer recover\(\) recovers nothing, because the runtime calls recover itself`
	panic("x")
}

func deferArgument() { // want deferArgument:"recovery\\(recovers,narrow\\)"
	defer fmt.Println("recovered:", recover()) // want `recover\(\) in the arguments of a deferred call runs when the defer statement runs`
	panic("x")
}

// In a deferred function, the arguments of a nested defer are evaluated while the
// panic is in flight: recover() works there.
func deferArgumentInDeferred() { // want deferArgumentInDeferred:"recovery\\(recovered,narrow\\)"
	defer func() {
		defer fmt.Println("recovered:", recover())
	}()
	panic("x")
}

func works() { // want works:"recovery\\(recovered\\)"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	defer (func() { recover() })()
	defer handle()
	defer logPanic("tag")
	panic("x")
}

func nestedLiteral() { // want nestedLiteral:"recovery\\(recovered\\)"
	defer func() {
		func() {
			if r := recover(); r != nil { // want `recover\(\) in a function literal that is called rather than deferred returns nil`
				log.Print(r)
			}
		}()
	}()
	panic("x")
}

func goLiteral() {
	go func() {
		defer handle()
		if r := recover(); r != nil { // want `recover\(\) in the function a go statement starts is not called by a deferred function`
			log.Print(r)
		}
	}()
}

// handle is a recovery helper, only ever deferred.
func handle() { // want handle:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

// logPanic recovers and does more.
func logPanic(tag string) { // want logPanic:"recovery\\(recovers\\)"
	r := recover()
	log.Print(tag, r)
}

func helperCalledFromDeferred() { // want helperCalledFromDeferred:"recovery\\(recovered\\)"
	defer func() {
		handle() // want `handle calls recover\(\), which returns nil here because handle is called by the deferred function instead of being deferred itself`
	}()
	defer func() {
		logPanic("x") // want `logPanic calls recover\(\), which returns nil here`
	}()
	// The deferred function recovers itself: the helper's recover() is redundant,
	// not a bug that loses a panic.
	defer func() {
		if r := recover(); r != nil {
			logPanic("again")
		}
	}()
	panic("x")
}

func forgotDefer() {
	handle()                // want `handle does nothing unless its recover\(\) stops a panic, which it cannot do unless deferred: write defer handle`
	logPanic("normal path") // does more than recover: not reported outside deferred functions
	panic("x")
}

func goHelper() {
	go handle() // want `handle calls recover\(\), which returns nil in a goroutine of its own`
}

// worker is never deferred: its recover() never stops anything.
func worker() { // want worker:"recovery\\(recovers\\)"
	if r := recover(); r != nil { // want `recover\(\) in worker returns nil and stops no panic, because worker is never deferred`
		log.Print(r)
	}
	doWork()
}

func runWorker() { worker() }

// cleanup is called from a deferred literal only: its recover() is reported once,
// at the recover() call, not again at the call.
func cleanup() { // want cleanup:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil { // want `recover\(\) in cleanup returns nil and stops no panic`
		log.Print(r)
	}
}

func useCleanup() { // want useCleanup:"recovery\\(recovered\\)"
	defer func() { cleanup() }()
}

// A function literal bound to a variable, then deferred: it works.
func boundDeferred() { // want boundDeferred:"recovery\\(recovered\\)"
	h := func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}
	defer h()
	panic("x")
}

// Bound, then only called: it never works.
func boundCalled() {
	h := func() {
		if r := recover(); r != nil { // want `recover\(\) in h returns nil and stops no panic`
			log.Print(r)
		}
	}
	defer func() { h() }()
	panic("x")
}

type svc struct{ mu sync.Mutex }

// recoverPanic is a method only ever deferred.
func (s *svc) recoverPanic() { // want recoverPanic:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

// check is a method never deferred.
func (s *svc) check() { // want check:"recovery\\(recovers,only\\)"
	if recover() != nil { // want `recover\(\) in check returns nil and stops no panic`
		log.Print("panicked")
	}
}

func (s *svc) run() { // want run:"recovery\\(recovered\\)"
	defer s.recoverPanic()
	s.check()
}

// Generic helpers work like any other.
func recoverAs[T any](out *T) { // want recoverAs:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		if v, ok := r.(T); ok {
			*out = v
		}
	}
}

func generic() (err error) { // want generic:"recovery\\(recovered\\)"
	defer recoverAs(&err)
	panic(fmt.Errorf("x"))
}

// Exported functions may be deferred by other packages: not reported.
func Check() { // want Check:"recovery\\(recovers\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
	doWork()
}

func useCheck() { Check() }

// Called without defer, a function that does nothing but recover does nothing:
// reported wherever it is declared.
func Only() { // want Only:"recovery\\(recovers,only\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func useOnly() {
	Only() // want `Only does nothing unless its recover\(\) stops a panic`
}

// A method that an interface of the package declares may be deferred through it.
type recoverer interface{ rescue() }

func (s *svc) rescue() { // want rescue:"recovery\\(recovers\\)"
	if r := recover(); r != nil {
		log.Print(r)
	}
	doWork()
}

func useRescue(s *svc) { s.rescue() }

// Passed around: its caller is unknown (a known false negative when the caller
// in fact calls it without defer).
func passed() { // want passed:"recovery\\(unsure\\)"
	once := sync.OnceFunc(func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	})
	defer once()
	run(func() { recover() })
}

func run(f func()) { defer f() } // want run:"recovery\\(unsure\\)"

// Unused functions are left alone: tests or other variants may defer them.
func unused() { // want unused:"recovery\\(recovers,only,narrow\\)"
	recover()
}

func doWork() {}

// A goroutine whose function calls recover() itself is reported once, for the
// recover().
func goLiteralOnly() {
	go func() {
		if r := recover(); r != nil { // want `recover\(\) in the function a go statement starts`
			log.Print(r)
		}
		doWork()
	}()
}

// Odd shapes do not confuse the analyzer.
func odd(s *svc, fs []func()) { // want odd:"recovery\\(recovered\\)"
	go (*svc).run(s)
	defer (recover)() // want `defer recover\(\) recovers nothing`
	go fs[0]()
	go func() func() { return doWork }()()
}
