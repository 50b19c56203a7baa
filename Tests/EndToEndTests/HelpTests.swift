import Foundation
import TestSupport
import Testing

/// What a new user reads first: every command explains itself with an example, and the shell
/// completions know every command.
@Suite struct HelpTests {
    @Test func everyCommandHasHelpWithAnExampleAndCompletionsKnowIt() throws {
        let journal = try JournalRunner()
        let overview = try journal.ok("--help")
        let commands = overview.components(separatedBy: "SUBCOMMANDS:\n").last!.split(separator: "\n")
            .compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" && $0.allSatisfy { $0.isLowercase || $0 == "-" } }
        #expect(commands.count >= 28 && commands.contains("standup") && commands.contains("doctor"))
        let completions = try journal.ok("--generate-completion-script", "bash")
        for command in commands {
            let help = try journal.ok("help", command)
            #expect(help.contains("Example:"), "journal help \(command) gives no example")
            #expect(completions.contains(command), "bash completion lacks \(command)")
        }
        #expect(try journal.ok("--version") == "0.1.0\n")
    }
}
