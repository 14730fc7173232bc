package main

// In package main, a function whose error stops the command (every call tests it
// and ends in log.Fatal, os.Exit, a return from main, or a return of the error
// to such a function) leaks on its error paths only until the process exits, a
// moment later. A daemon that logs the error and goes on is no such command.

import (
	"database/sql"
	"log"
	"os"
)

func readAll(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // quiet: it leaks only when a Scan fails, and main exits on that error
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func write(db *sql.DB) error {
	tx, err := db.Begin() // quiet: run returns the error to main, which exits
	if err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (1)"); err != nil {
		return err
	}
	return tx.Commit()
}

func run(db *sql.DB) error {
	return write(db)
}

func poll(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want `rows \(sql.Rows from db.Query\) is not closed on any path`
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func lastLine(db *sql.DB) (string, error) {
	f, err := os.Open("log") // quiet: main calls lastLine once, so it leaks one file for the process's life, as main's own code would
	if err != nil {
		return "", err
	}
	f.Stat()
	return "", nil
}

// download is a command's action: a framework calls it and returns its error to
// main, which exits.
func download(name string) error {
	out, err := os.Create(name) // quiet: it leaks only when the write fails, and the command's framework returns that error to main
	if err != nil {
		return err
	}
	if _, err := out.Write([]byte("x")); err != nil {
		return err
	}
	return out.Close()
}

type command struct {
	name   string
	action func(string) error
}

var commands = []command{{"download", download}}

func main() {
	for _, c := range commands {
		if err := c.action(c.name); err != nil {
			log.Fatal(err)
		}
	}
	db, err := sql.Open("driver", "dsn")
	if err != nil {
		log.Fatal(err)
	}
	if err := readAll(db); err != nil {
		log.Fatal(err)
	}
	if err := run(db); err != nil {
		log.Println(err)
		return
	}
	if _, err := lastLine(db); err != nil {
		os.Exit(1)
	}
	for {
		if err := poll(db); err != nil {
			log.Println(err) // a daemon's loop goes on: each failure leaks rows
		}
	}
}
