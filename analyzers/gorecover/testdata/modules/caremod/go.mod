module example.com/caremod

go 1.26
