module example.com/third_party

go 1.22
