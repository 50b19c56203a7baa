import Foundation
import TestSupport
import Testing

/// The ready hooks in the project's hooks/ folder, installed with `journal hooks install` and
/// run by journal as a user would.
@Suite struct HookScriptTests {
    @Test func preCommitRefusesADayFileThatCheckFindsInvalid() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("hooks", "install", "pre-commit")
        try journal.ok("add", "A valid task")
        let commits = try journal.commitCount()
        try journal.writeDay("2025-01-15", try journal.day("2025-01-15") + "- [?] Half a thought\n")
        let result = try journal.run("add", "Waits for the fix")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("2025/01/2025-01-15.md:4: unknown task state '[?]' (known: [ ] [/] [x] [-] [>]); kept as a note\njournal: error: the pre-commit hook refused (exit 1)"))
        #expect(try journal.commitCount() == commits)
        #expect(try journal.day("2025-01-15").contains("Waits for the fix") == false)
        #expect(try journal.day("2025-01-15").hasSuffix("- [?] Half a thought\n"))

        try journal.writeDay("2025-01-15", try journal.day("2025-01-15").replacingOccurrences(of: "[?]", with: "[ ]"))
        try journal.ok("add", "Waits for the fix")
        try journal.assertClean()
    }

    @Test func postCommitPushesInTheBackgroundWhenARemoteIsSet() throws {
        let machines = try TwoMachines(.path)
        try machines.first.ok("hooks", "install", "post-commit")
        try machines.first.ok("add", "Pushed without asking")
        let head = try machines.first.git("rev-parse", "HEAD")
        var remote = ""
        for _ in 0..<300 where remote != head {
            usleep(100_000)
            remote = (try? machines.first.sandbox.git("--git-dir", machines.remotePath, "rev-parse", "main", in: machines.first.sandbox.root.path)) ?? ""
        }
        #expect(remote == head)
    }

    @Test func postCommitNeitherBlocksNorFailsACommitWhenOffline() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("remote", "add", "origin", "git://127.0.0.1:1/nowhere.git")
        try journal.ok("hooks", "install", "post-commit")
        let result = try journal.run("add", "Written on a plane")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(try journal.commitMessages().first?.contains("Written on a plane") == true)
        let log = journal.directory + "/.git/journal/background-sync.log"
        var text = ""
        for _ in 0..<300 where !text.contains("journal: error:") {
            usleep(100_000)
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        #expect(text.contains("journal: error:"))
    }

    @Test func postNewPrintsAStandUpSummary() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("new")
        try journal.ok("add", "Update the ingestion docs")
        journal.today = "2025-01-14"
        try journal.ok("new")
        try journal.ok("add", "Present the enrichment design")
        try journal.ok("add", "Review the OAuth validation")
        try journal.ok("done", "2")
        try journal.ok("start", "3")
        journal.today = "2025-01-15"
        try journal.ok("hooks", "install", "post-new")
        let result = try journal.run("new")
        #expect(result.status == 0)
        #expect(result.stderr == """
            ## Stand-up 2025-01-15
            Done on 2025-01-14:
            - Present the enrichment design
            In progress and planned today:
            - Update the ingestion docs
            - Review the OAuth validation
            Carried the longest:
            - Update the ingestion docs (on 3 days)
            - Review the OAuth validation (on 2 days)

            """)
    }
}
