import Foundation
import TestSupport
import Testing

@Suite struct UndoTests {
    /// The trailers of HEAD, one `Key: value` a line.
    func trailers(_ journal: JournalRunner) throws -> String { try journal.git("log", "-1", "--format=%(trailers:only)") }

    func isAncestor(_ journal: JournalRunner, _ commit: String) throws -> Bool {
        (try? journal.git("merge-base", "--is-ancestor", commit, "HEAD")) != nil
    }

    @Test func undoTakesBackAddDoneNewEditAndHandEditsOneByOneInNewCommits() throws {
        var journal = try JournalRunner()
        journal.today = "2025-01-14"
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "First")
        let afterAdd = try journal.day("2025-01-14")
        try journal.ok("add", "Second")
        let afterSecond = try journal.day("2025-01-14")
        try journal.ok("done", "2")
        journal.today = "2025-01-15"
        try journal.ok("new")
        journal.extraEnvironment["EDITOR"] = try journal.editorScript(#"printf -- 'Edited note\n' >> "$1""#)
        try journal.ok("edit")
        let afterEdit = try journal.day("2025-01-15")
        try journal.writeDay("2025-01-15", afterEdit + "- [ ] Typed by hand\n")
        let history = try journal.git("rev-list", "HEAD").split(separator: "\n").map(String.init)

        // The hand edit is committed first, as by every command, and is then the last change.
        #expect(try journal.ok("undo").hasPrefix("undid "))
        #expect(try journal.day("2025-01-15") == afterEdit)
        #expect(try journal.git("log", "-2", "--format=%s") == "undo: edit by hand: 2025-01-15: 1 added\nedit by hand: 2025-01-15: 1 added\n")
        let handEdit = try journal.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try trailers(journal).contains("Journal-Command: undo\nJournal-Day: 2025-01-15\nJournal-Undoes: \(handEdit)\n"))

        // Twice: the change before, never the undo.
        try journal.ok("undo")
        #expect(!(try journal.day("2025-01-15").contains("Edited note")))
        #expect(try journal.git("log", "-1", "--format=%s") == "undo: edit 2025-01-15: notes changed\n")
        try journal.ok("undo")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/2025/01/2025-01-15.md"))
        #expect(try journal.day("2025-01-14") == afterSecond.replacingOccurrences(of: "- [ ] Second", with: "- [x] Second"))
        try journal.ok("undo")
        #expect(try journal.day("2025-01-14") == afterSecond)
        try journal.ok("undo")
        #expect(try journal.day("2025-01-14") == afterAdd)

        let list = try journal.ok("undo", "--list", "-n", "2").split(separator: "\n")
        #expect(list.count == 2 && list[0].hasSuffix("  add ^" + afterAdd.split(separator: "^").last!.prefix(5) + " First (2025-01-14)"))
        let items = try JSONSerialization.jsonObject(with: Data(try journal.ok("undo", "--list", "--json").utf8)) as! [[String: Any]]
        #expect(items.map { ($0["commit"] as! [String: Any])["command"] as! String } == ["add", "new"])
        #expect(items.allSatisfy { $0["sync"] as! Bool == false })

        for commit in history { #expect(try isAncestor(journal, commit)) }
        #expect(try journal.commitCount() == history.count + 6)
        try journal.assertClean()
        #expect(try journal.run("undo", "--json").status == 2)
    }

    @Test func undoKeepsChangesMadeSinceWithGitAndRefusesWhereTheyConflict() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.sandbox.write("one\n", to: "journal/notes.txt")
        try journal.ok("add", "Kept")
        try journal.ok("add", "Taken back")
        try journal.sandbox.write("[core]\n", to: "journal/other.txt")
        _ = try journal.git("add", "other.txt")
        _ = try journal.git("commit", "-q", "-m", "a file added with git")
        try journal.ok("undo")
        let day = try journal.day("2025-01-15")
        #expect(!day.contains("Taken back") && day.contains("Kept"))
        #expect(try journal.sandbox.read("journal/other.txt") == "[core]\n")

        // Commits made without journal are not in the list; one that conflicts stops the undo.
        try journal.ok("undo")
        let subjects = try journal.ok("undo", "--list").split(separator: "\n").map { $0.components(separatedBy: "  ").last! }
        #expect(subjects == ["edit by hand: notes.txt"])
        try journal.sandbox.write("two\n", to: "journal/notes.txt")
        _ = try journal.git("commit", "-q", "-am", "notes changed with git")
        let commits = try journal.commitCount()
        let refused = try journal.run("undo")
        #expect(refused.status == 1)
        #expect(refused.stderr == "journal: error: cannot undo 'edit by hand: notes.txt': notes.txt changed since in a way that conflicts with it; nothing was changed\n")
        #expect(try journal.commitCount() == commits)
        try journal.assertClean()
    }

    @Test func undoAfterASyncGoesBackToPreSyncOnlyWithYes() throws {
        var machines = try TwoMachines(.path)
        try machines.second.ok("add", "From the second machine")
        try machines.second.ok("sync")
        machines.first.extraEnvironment = ["GIT_AUTHOR_DATE": "2025-01-15T09:00:00Z", "GIT_COMMITTER_DATE": "2025-01-15T09:00:00Z"]
        try machines.first.ok("add", "Only here")
        try machines.first.ok("sync")
        let first = machines.first
        let merge = try first.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try first.git("log", "-1", "--format=%P").split(separator: " ").count == 2)

        let refused = try first.run("undo")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("journal: error: the last change is a sync (") && refused.stderr.hasSuffix("pass --yes to do so\n"))
        #expect(try first.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == merge)
        #expect(try first.ok("undo", "--list", "-n", "1").hasSuffix("sync: merge origin/main: 1 day merged by task\n"))

        try first.ok("undo", "--yes")
        #expect(try first.git("rev-parse", "HEAD^{tree}") == (try first.git("rev-parse", "refs/journal/pre-sync^{tree}")))
        #expect(try first.git("rev-parse", "HEAD^") == merge + "\n")
        #expect(try trailers(first).contains("Journal-Undoes: \(merge)\n"))
        let day = try first.day("2025-01-15")
        #expect(!day.contains("From the second machine") && day.contains("Only here"))
        // The next undo takes back what came before the sync here.
        try first.ok("undo")
        #expect(!(try first.day("2025-01-15").contains("Only here")))
        try first.ok("sync")
        try machines.assertConverged()

        // A fast-forward makes no commit of its own: undo goes back all the same.
        try machines.second.ok("add", "Fast-forwarded")
        try machines.second.ok("sync")
        try machines.first.ok("sync")
        #expect(try first.day("2025-01-15").contains("Fast-forwarded"))
        try first.ok("undo", "--yes")
        #expect(try first.git("rev-parse", "HEAD^{tree}") == (try first.git("rev-parse", "refs/journal/pre-sync^{tree}")))
        #expect(!(try first.day("2025-01-15").contains("Fast-forwarded")))
        try first.ok("sync")
        try machines.assertConverged()
    }
}
