package badcfg

func F() {}
