import JournalCLI
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

exit(JournalCommand.run(Array(CommandLine.arguments.dropFirst())))
