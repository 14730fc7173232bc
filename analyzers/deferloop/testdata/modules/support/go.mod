module example.com/support

go 1.26
