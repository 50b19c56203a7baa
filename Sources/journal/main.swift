import JournalCLI
import Glibc

exit(JournalCommand.run(Array(CommandLine.arguments.dropFirst())))
