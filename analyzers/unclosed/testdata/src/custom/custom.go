package custom

import "pool"

func leak(p *pool.Pool) error {
	c, err := p.Get() // want `c \(pool.Conn from p.Get\) is not released with Release on any path, so what it holds leaks: release it on every path, for example with defer c.Release\(\) after the error check`
	if err != nil {
		return err
	}
	c.Do()
	return nil
}

func released() {
	c := pool.Get()
	defer c.Release()
	c.Do()
}
