module pipeline

go 1.19
