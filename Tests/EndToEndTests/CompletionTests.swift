import Foundation
import TestSupport
import Testing

/// Tab completion as bash does it: the generated script sourced, the line typed so far, and
/// what the completion function offers.
@Suite struct CompletionTests {
    func offered(_ journal: JournalRunner, _ line: [String]) throws -> [String] {
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let script = """
            source <(journal --generate-completion-script bash)
            COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _journal journal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var environment = journal.environment
        environment["PATH"] = URL(fileURLWithPath: JournalRunner.binary).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try ProcessResult.run("/bin/bash", ["-c", script], in: journal.sandbox.root.path, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func tabOffersTodaysTasksSettingsRemotesHooksAndDates() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let first = try journal.ok("add", "First").split(separator: " ")[2]
        let second = try journal.ok("add", "Second").split(separator: " ")[2]
        try journal.ok("remote", "add", "backup", journal.sandbox.root.path)

        #expect(try offered(journal, ["journal", "done", ""]) == ["1", "2", String(first), String(second)])
        #expect(try offered(journal, ["journal", "config", "week"]) == ["weekStart"])
        #expect(try offered(journal, ["journal", "remote", "remove", ""]) == ["backup"])
        #expect(try offered(journal, ["journal", "sync", "--remote", ""]) == ["backup"])
        #expect(try offered(journal, ["journal", "hooks", "install", "post-"]).contains("post-commit"))
        #expect(try offered(journal, ["journal", "show", "fri"]) == ["friday"])
    }
}
