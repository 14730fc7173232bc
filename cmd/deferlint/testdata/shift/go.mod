module example.com/shift

go 1.26
