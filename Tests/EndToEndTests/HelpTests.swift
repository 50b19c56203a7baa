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
    }

    /// `--version` names the release and the commit. A plain `swift build` (what the tests run)
    /// links in no commit, and says so; the Makefile's build names it (checked by
    /// .ci/install-check on the installed binary).
    @Test func versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws {
        let version = try JournalRunner().ok("--version")
        #expect(version.wholeMatch(of: /\d+\.\d+\.\d+ \(commit unknown\)\n/) != nil, "journal --version: \(version)")
    }
}
