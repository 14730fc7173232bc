package teststrue // want package:"recovery analyzed"

func work() {}
