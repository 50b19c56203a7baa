import Foundation
import TestSupport
import Testing

/// The day file as GitHub shows it, through the commands a person runs: only what GitHub shows
/// as a checkbox is a task, and every other line comes through `new`, `add` and `done` byte
/// for byte.
@Suite struct MarkdownFidelityTests {
    static let example = """
        # 2025-01-15 Wednesday

        - [ ] real task
          https://example.org/pull/42

        ```sh
        - [ ] not a task, inside a code block
        ```

            - [ ] indented code block, not a task

        <!--
        - [ ] not a task, inside a comment
        -->

        1. [ ] numbered task

        """

    @Test func newCarriesWhatGitHubShowsAsTasksAndLeavesEveryOtherLine() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", Self.example)
        journal.today = "2025-01-16"
        try journal.ok("new")

        let before = Self.example.split(separator: "\n", omittingEmptySubsequences: false)
        let after = try journal.day("2025-01-15").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after.count == before.count)
        for (old, new) in zip(before, after) where old != "- [ ] real task" && old != "1. [ ] numbered task" {
            #expect(new == old)
        }
        #expect(after.contains { $0.hasPrefix("- [>] real task → 2025-01-16 ^") })
        #expect(after.contains { $0.hasPrefix("1. [>] numbered task → 2025-01-16 ^") })

        let next = try journal.day("2025-01-16")
        #expect(!next.contains("not a task"))
        // The task's item came with it: its link, nested as it was.
        #expect(try next.contains(Regex(#"\n- \[ \] real task \^[a-z0-9]{5}\n  https://example.org/pull/42\n1\. \[ \] numbered task \^"#)))
    }

    @Test func aTaskAddedToADayThatEndsInAnOpenFenceGoesAfterALineThatClosesIt() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", "# 2025-01-15 Wednesday\n\n```\nlog output\n")
        try journal.ok("add", "Read the log")
        let text = try journal.day("2025-01-15")
        #expect(text.hasPrefix("# 2025-01-15 Wednesday\n\n```\nlog output\n```\n- [ ] Read the log ^"))
        #expect(try journal.ok("show").contains("Read the log"))
    }

    @Test func checkWarnsAboutTaskShapedLinesGitHubShowsOtherwiseAndPasses() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", Self.example)
        let result = try journal.run("check")
        #expect(result.status == 0)
        #expect(result.stdout.contains("2025/01/2025-01-15.md:7: warning: shaped like a task, but it is inside a code block"))
        #expect(result.stdout.hasSuffix("3 warnings in 1 day file checked\n"))
    }
}
