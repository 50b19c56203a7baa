// The floor every journal command stands on: a Swift process that starts, initialises libgit2
// and exits. The benchmark reports each command's time against it.
import Git

Git.initialize()
