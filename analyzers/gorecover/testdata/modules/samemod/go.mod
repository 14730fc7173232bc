module example.com/samemod

go 1.26
