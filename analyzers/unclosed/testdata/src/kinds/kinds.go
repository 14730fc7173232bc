package kinds

import (
	"archive/zip"
	"crypto/tls"
	"database/sql"
	"errors"
	"net"
	"net/http"
	"os"
)

var errBad = errors.New("bad")

var db *sql.DB

func onlyInErrorBranchFile(name string, bad bool) error {
	f, err := os.Create(name) // want `f \(file from os\.Create\) is not closed on the path to the return at line 27`
	if err != nil {
		return err
	}
	if bad {
		f.Close()
		return errBad
	}
	f.Sync()
	return nil
}

func somePathsFile(name string, bad bool) error {
	f, err := os.Create(name) // want `f \(file from os\.Create\) is not closed on the path to the return at line 36`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer f.Close()
	f.Sync()
	return nil
}

func deferBeforeCheckFile(name string) error {
	f, err := os.Create(name)
	defer f.Close() // want `f\.Close\(\) is deferred before the error from os\.Create is checked`
	if err != nil {
		return err
	}
	f.Sync()
	return nil
}

func releasedFile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	f.Sync()
	return nil
}

func onlyInErrorBranchResp(name string, bad bool) error {
	resp, err := http.Get(name) // want `resp\.Body \(HTTP response from http\.Get\) is not closed on the path to the return at line 73`
	if err != nil {
		return err
	}
	if bad {
		resp.Body.Close()
		return errBad
	}
	_ = resp.Status
	return nil
}

func somePathsResp(name string, bad bool) error {
	resp, err := http.Get(name) // want `resp\.Body \(HTTP response from http\.Get\) is not closed on the path to the return at line 82`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer resp.Body.Close()
	_ = resp.Status
	return nil
}

func deferBeforeCheckResp(name string) error {
	resp, err := http.Get(name)
	defer resp.Body.Close() // want `resp\.Body\.Close\(\) is deferred before the error from http\.Get is checked`
	if err != nil {
		return err
	}
	_ = resp.Status
	return nil
}

func releasedResp(name string) error {
	resp, err := http.Get(name)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	_ = resp.Status
	return nil
}

func onlyInErrorBranchRows(name string, bad bool) error {
	rows, err := db.Query(name) // want `rows \(sql\.Rows from db\.Query\) is not closed on the path to the return at line 119`
	if err != nil {
		return err
	}
	if bad {
		rows.Close()
		return errBad
	}
	rows.Err()
	return nil
}

func somePathsRows(name string, bad bool) error {
	rows, err := db.Query(name) // want `rows \(sql\.Rows from db\.Query\) is not closed on the path to the return at line 128`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer rows.Close()
	rows.Err()
	return nil
}

func deferBeforeCheckRows(name string) error {
	rows, err := db.Query(name)
	defer rows.Close() // want `rows\.Close\(\) is deferred before the error from db\.Query is checked`
	if err != nil {
		return err
	}
	rows.Err()
	return nil
}

func releasedRows(name string) error {
	rows, err := db.Query(name)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	rows.Err()
	return nil
}

func onlyInErrorBranchStmt(name string, bad bool) error {
	stmt, err := db.Prepare(name) // want `stmt \(prepared statement from db\.Prepare\) is not closed on the path to the return at line 165`
	if err != nil {
		return err
	}
	if bad {
		stmt.Close()
		return errBad
	}
	stmt.Exec()
	return nil
}

func somePathsStmt(name string, bad bool) error {
	stmt, err := db.Prepare(name) // want `stmt \(prepared statement from db\.Prepare\) is not closed on the path to the return at line 174`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer stmt.Close()
	stmt.Exec()
	return nil
}

func deferBeforeCheckStmt(name string) error {
	stmt, err := db.Prepare(name)
	defer stmt.Close() // want `stmt\.Close\(\) is deferred before the error from db\.Prepare is checked`
	if err != nil {
		return err
	}
	stmt.Exec()
	return nil
}

func releasedStmt(name string) error {
	stmt, err := db.Prepare(name)
	if err != nil {
		return err
	}
	defer func() { _ = stmt.Close() }()
	stmt.Exec()
	return nil
}

func onlyInErrorBranchSqlconn(name string, bad bool) error {
	conn, err := db.Conn(nil) // want `conn \(sql\.Conn from db\.Conn\) is not closed on the path to the return at line 211`
	if err != nil {
		return err
	}
	if bad {
		conn.Close()
		return errBad
	}
	conn.PingContext(nil)
	return nil
}

func somePathsSqlconn(name string, bad bool) error {
	conn, err := db.Conn(nil) // want `conn \(sql\.Conn from db\.Conn\) is not closed on the path to the return at line 220`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer conn.Close()
	conn.PingContext(nil)
	return nil
}

func deferBeforeCheckSqlconn(name string) error {
	conn, err := db.Conn(nil)
	defer conn.Close() // want `conn\.Close\(\) is deferred before the error from db\.Conn is checked`
	if err != nil {
		return err
	}
	conn.PingContext(nil)
	return nil
}

func releasedSqlconn(name string) error {
	conn, err := db.Conn(nil)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	conn.PingContext(nil)
	return nil
}

func onlyInErrorBranchTx(name string, bad bool) error {
	tx, err := db.Begin() // want `tx \(transaction from db\.Begin\) is not committed or rolled back on the path to the return at line 257`
	if err != nil {
		return err
	}
	if bad {
		tx.Rollback()
		return errBad
	}
	tx.Exec(name)
	return nil
}

func somePathsTx(name string, bad bool) error {
	tx, err := db.Begin() // want `tx \(transaction from db\.Begin\) is not committed or rolled back on the path to the return at line 266`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer tx.Rollback()
	tx.Exec(name)
	return nil
}

func deferBeforeCheckTx(name string) error {
	tx, err := db.Begin()
	defer tx.Rollback() // want `tx\.Rollback\(\) is deferred before the error from db\.Begin is checked`
	if err != nil {
		return err
	}
	tx.Exec(name)
	return nil
}

func releasedTx(name string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	tx.Exec(name)
	return nil
}

func onlyInErrorBranchConn(name string, bad bool) error {
	conn, err := net.Dial("tcp", name) // want `conn \(connection from net\.Dial\) is not closed on the path to the return at line 303`
	if err != nil {
		return err
	}
	if bad {
		conn.Close()
		return errBad
	}
	conn.Write(nil)
	return nil
}

func somePathsConn(name string, bad bool) error {
	conn, err := net.Dial("tcp", name) // want `conn \(connection from net\.Dial\) is not closed on the path to the return at line 312`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer conn.Close()
	conn.Write(nil)
	return nil
}

func deferBeforeCheckConn(name string) error {
	conn, err := net.Dial("tcp", name)
	defer conn.Close() // want `conn\.Close\(\) is deferred before the error from net\.Dial is checked`
	if err != nil {
		return err
	}
	conn.Write(nil)
	return nil
}

func releasedConn(name string) error {
	conn, err := net.Dial("tcp", name)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	conn.Write(nil)
	return nil
}

func onlyInErrorBranchListener(name string, bad bool) error {
	l, err := net.Listen("tcp", name) // want `l \(listener from net\.Listen\) is not closed on the path to the return at line 349`
	if err != nil {
		return err
	}
	if bad {
		l.Close()
		return errBad
	}
	_ = l.Addr()
	return nil
}

func somePathsListener(name string, bad bool) error {
	l, err := net.Listen("tcp", name) // want `l \(listener from net\.Listen\) is not closed on the path to the return at line 358`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer l.Close()
	_ = l.Addr()
	return nil
}

func deferBeforeCheckListener(name string) error {
	l, err := net.Listen("tcp", name)
	defer l.Close() // want `l\.Close\(\) is deferred before the error from net\.Listen is checked`
	if err != nil {
		return err
	}
	_ = l.Addr()
	return nil
}

func releasedListener(name string) error {
	l, err := net.Listen("tcp", name)
	if err != nil {
		return err
	}
	defer func() { _ = l.Close() }()
	_ = l.Addr()
	return nil
}

func onlyInErrorBranchPacket(name string, bad bool) error {
	pc, err := net.ListenPacket("udp", name) // want `pc \(packet connection from net\.ListenPacket\) is not closed on the path to the return at line 395`
	if err != nil {
		return err
	}
	if bad {
		pc.Close()
		return errBad
	}
	_ = pc.LocalAddr()
	return nil
}

func somePathsPacket(name string, bad bool) error {
	pc, err := net.ListenPacket("udp", name) // want `pc \(packet connection from net\.ListenPacket\) is not closed on the path to the return at line 404`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer pc.Close()
	_ = pc.LocalAddr()
	return nil
}

func deferBeforeCheckPacket(name string) error {
	pc, err := net.ListenPacket("udp", name)
	defer pc.Close() // want `pc\.Close\(\) is deferred before the error from net\.ListenPacket is checked`
	if err != nil {
		return err
	}
	_ = pc.LocalAddr()
	return nil
}

func releasedPacket(name string) error {
	pc, err := net.ListenPacket("udp", name)
	if err != nil {
		return err
	}
	defer func() { _ = pc.Close() }()
	_ = pc.LocalAddr()
	return nil
}

func onlyInErrorBranchZipreader(name string, bad bool) error {
	r, err := zip.OpenReader(name) // want `r \(zip file from zip\.OpenReader\) is not closed on the path to the return at line 441`
	if err != nil {
		return err
	}
	if bad {
		r.Close()
		return errBad
	}
	_ = r.File
	return nil
}

func somePathsZipreader(name string, bad bool) error {
	r, err := zip.OpenReader(name) // want `r \(zip file from zip\.OpenReader\) is not closed on the path to the return at line 450`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer r.Close()
	_ = r.File
	return nil
}

func deferBeforeCheckZipreader(name string) error {
	r, err := zip.OpenReader(name)
	defer r.Close() // want `r\.Close\(\) is deferred before the error from zip\.OpenReader is checked`
	if err != nil {
		return err
	}
	_ = r.File
	return nil
}

func releasedZipreader(name string) error {
	r, err := zip.OpenReader(name)
	if err != nil {
		return err
	}
	defer func() { _ = r.Close() }()
	_ = r.File
	return nil
}

func onlyInErrorBranchTlsconn(name string, bad bool) error {
	conn, err := tls.Dial("tcp", name, nil) // want `conn \(connection from tls\.Dial\) is not closed on the path to the return at line 487`
	if err != nil {
		return err
	}
	if bad {
		conn.Close()
		return errBad
	}
	conn.Handshake()
	return nil
}

func somePathsTlsconn(name string, bad bool) error {
	conn, err := tls.Dial("tcp", name, nil) // want `conn \(connection from tls\.Dial\) is not closed on the path to the return at line 496`
	if err != nil {
		return err
	}
	if bad {
		return errBad
	}
	defer conn.Close()
	conn.Handshake()
	return nil
}

func deferBeforeCheckTlsconn(name string) error {
	conn, err := tls.Dial("tcp", name, nil)
	defer conn.Close() // want `conn\.Close\(\) is deferred before the error from tls\.Dial is checked`
	if err != nil {
		return err
	}
	conn.Handshake()
	return nil
}

func releasedTlsconn(name string) error {
	conn, err := tls.Dial("tcp", name, nil)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	conn.Handshake()
	return nil
}
