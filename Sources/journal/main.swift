import Glibc
import JournalCLI

exit(JournalCommand.run(Array(CommandLine.arguments.dropFirst())))
