// Package fixscope holds findings that are certain but get no suggested fix,
// because wrapping the deferred call in a function literal would change more than
// the reported variable; and some that keep the fix because nothing else changes.
package fixscope

import (
	"errors"
	"log"
)

func work() error { return errors.New("x") }

func describe() string { return "job" }

// No fix: in a loop the literal would capture variables the loop changes.
func inLoop(jobs []func() error) {
	for _, job := range jobs {
		var err error
		defer log.Println(err) // want `err is evaluated`
		err = job()
	}
}

// No fix: name is assigned after the defer too, and the literal would log the
// later name with the later error.
func otherVariableChanges() {
	name := "a"
	var err error
	defer log.Printf("%s: %v", name, err) // want `err is evaluated`
	name = describe()
	err = work()
}

// No fix: describe() would run when the function returns instead of at the defer.
func callInArguments() {
	var err error
	defer log.Println(describe(), err) // want `err is evaluated`
	err = work()
}

// No fix: the map entry may change before the function returns.
func mapEntry(m map[string]string) {
	var err error
	defer log.Println(m["job"], err) // want `err is evaluated`
	err = work()
	m["job"] = "done"
}

type job struct{ name string }

// No fix: a field read through a pointer may change before the function returns.
func throughPointer(j *job) {
	var err error
	defer log.Println(j.name, err) // want `err is evaluated`
	err = work()
}

// No fix: err is set to nil at the end, which the literal would log instead.
func disabledLater() {
	var err error
	defer log.Println(err) // want `err is evaluated`
	err = work()
	if err != nil {
		log.Print("retrying")
	}
	err = nil
}

// No fix: a function literal also writes err, at a time the literal would see.
func writtenByLiteral(run func(func())) {
	var err error
	defer log.Println(err) // want `err is evaluated`
	err = work()
	run(func() { err = work() })
}

// No fix: label's address is taken, so it may change through the pointer.
func addressTaken(set func(*string)) {
	label := "job"
	set(&label)
	var err error
	defer log.Println(label, err) // want `err is evaluated`
	err = work()
}

// Fixed: a constant, a conversion, a value field and a parameter that nothing
// changes evaluate the same at the defer and when the call runs.
func stableOperands(j job, id int) {
	const prefix = "job"
	var err error
	defer log.Println(prefix, int64(id), j.name, err) // want `err is evaluated`
	err = work()
}
