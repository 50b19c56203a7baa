// A Swift process and nothing else, built as journal is: what every Swift command-line tool
// pays to start, the benchmark's reference for journal's own start-up.
print("hello")
