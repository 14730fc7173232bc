package custom // want package:"analyzed"

import "pool"

func leak(p *pool.Pool) error {
	c, err := p.Get()
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
