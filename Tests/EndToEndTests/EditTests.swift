import Foundation
import TestSupport
import Testing

/// `journal edit` with a scripted editor standing in for a person.
@Suite struct EditTests {
    @Test func commitsWhatTheEditorWroteWithIdsForNewTasks() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Existing")
        journal.extraEnvironment["EDITOR"] = try journal.editorScript(#"printf -- '- [ ] Typed in the editor\nA note\n' >> "$1""#)
        let output = try journal.ok("edit")
        #expect(output == "committed 2025-01-15\n")
        #expect(try journal.git("log", "-1", "--format=%s%n%(trailers:key=Journal-Command,valueonly)") == "edit 2025-01-15: 1 added\nedit\n\n")
        let lines = try journal.day("2025-01-15").split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 6)
        #expect(lines[2].hasPrefix("- [ ] Existing ^"))
        #expect(lines[3].hasPrefix("- [ ] Typed in the editor ^"))
        #expect(lines[4] == "A note")
        try journal.assertClean()
    }

    @Test func warnsAboutProblemsButKeepsEveryLine() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.extraEnvironment["VISUAL"] = try journal.editorScript(#"printf -- '# 2024-12-31 wrong\n- [?] unsure\n' > "$1""#)
        let result = try journal.run("edit")
        #expect(result.status == 0)
        #expect(result.stderr == """
            journal: warning: 2025/01/2025-01-15.md:1: the heading date says 2024-12-31; expected '# 2025-01-15 …'
            journal: warning: 2025/01/2025-01-15.md:2: unknown task state '[?]' (known: [ ] [/] [x] [-] [>]); kept as a note

            """)
        #expect(try journal.day("2025-01-15") == "# 2024-12-31 wrong\n- [?] unsure\n")
    }

    @Test func leavesNoEmptyDayWhenNothingWasTyped() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.extraEnvironment["EDITOR"] = "true"
        #expect(try journal.ok("edit", "tomorrow") == "no change to 2025-01-16\n")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/2025/01/2025-01-16.md"))
        try journal.assertClean()
    }

    @Test func aFailingEditorCommitsNothingAndLosesNothing() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Existing")
        journal.extraEnvironment["EDITOR"] = try journal.editorScript(#"echo '- [ ] half typed' >> "$1"; exit 3"#)
        let commits = try journal.commitCount()
        let result = try journal.run("edit")
        #expect(result.status == 1)
        #expect(result.stderr.contains("exited with status 3; the file is left as it is"))
        #expect(try journal.commitCount() == commits)
        #expect(try journal.day("2025-01-15").contains("- [ ] half typed\n"))
    }
}

@Suite struct HandEditDetailsTests {
    /// A hand edit is dated when the file was saved (its author date), committed when the next
    /// command ran, and its subject says what changed.
    @Test func aHandEditIsDatedBySavingAndSaysWhatChanged() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Draft the plan")
        try journal.ok("add", "Call the vendor")
        var day = try journal.day("2025-01-15")
        day = day.replacingOccurrences(of: "- [ ] Draft the plan", with: "- [x] Draft the quarterly plan")
        try journal.writeDay("2025-01-15", day + "- [ ] Typed by hand\n- [ ] And another\n")
        let saved = Date().addingTimeInterval(-2 * 3600)
        let path = journal.directory + "/2025/01/2025-01-15.md"
        try FileManager.default.setAttributes([.modificationDate: saved], ofItemAtPath: path)

        try journal.ok("add", "After")
        let handEdit = try journal.git("log", "-1", "--skip=1", "--format=%s|%at|%ct").split(separator: "|")
        #expect(handEdit[0] == "edit by hand: 2025-01-15: 2 added, 1 reworded, 1 done")
        #expect(Int(handEdit[1]) == Int(saved.timeIntervalSince1970))
        #expect(Int(handEdit[2].trimmingCharacters(in: .whitespacesAndNewlines))! > Int(saved.timeIntervalSince1970) + 3600)
    }

    @Test func anEditCommitSaysWhatChanged() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Cancel me")
        journal.extraEnvironment["EDITOR"] = try journal.editorScript("sed -i 's/- \\[ \\] Cancel me/- [-] Cancel me/' \"$1\"; printf -- '- [ ] New one\\n' >> \"$1\"")
        try journal.ok("edit")
        #expect(try journal.git("log", "-1", "--format=%s") == "edit 2025-01-15: 1 added, 1 cancelled\n")
    }
}
