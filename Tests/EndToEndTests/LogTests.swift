import Foundation
import TestSupport
import Testing

@Suite struct LogTests {
    func kinds(_ journal: JournalRunner, _ task: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(try journal.ok("log", task, "--json").utf8)) as! [String: Any]
        return (json["events"] as! [[String: Any]]).map { event in
            [event["kind"], event["from"], event["to"]].compactMap { $0 as? String }.joined(separator: " ")
        }
    }

    func addedID(_ output: String) -> String { String(output.split(separator: " ")[2].dropFirst()) }

    @Test func followsATaskCarriedAcrossAWeekendAndRewordedTwice() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-09"
        try journal.ok("new")
        let id = addedID(try journal.ok("add", "Draft the migration plan"))
        journal.today = "2025-01-10"
        try journal.ok("new")
        try journal.writeDay("2025-01-10", try journal.day("2025-01-10").replacingOccurrences(of: "Draft the migration plan", with: "Draft the billing migration plan"))
        journal.today = "2025-01-13"
        try journal.ok("new")
        try journal.writeDay("2025-01-13", try journal.day("2025-01-13").replacingOccurrences(of: "billing migration plan", with: "billing migration plan for review"))
        try journal.ok("start", id)
        #expect(try kinds(journal, id) == [
            "created open", "carried 2025-01-09 2025-01-10", "reworded Draft the migration plan Draft the billing migration plan",
            "carried 2025-01-10 2025-01-13", "reworded Draft the billing migration plan Draft the billing migration plan for review",
            "state open in-progress",
        ])
        let text = try journal.ok("log", id)
        #expect(text.hasPrefix("^\(id) Draft the billing migration plan for review\n"))
        #expect(text.contains("reworded: Draft the {+billing+} migration plan  (Ada Tester)"))
        #expect(text.hasSuffix("created 2025-01-09, 4 days old, open 4 days, carried 2 times; now [/] on 2025-01-13\n"))
        // Words find the task too, and a number in today's list.
        #expect(try kinds(journal, "billing migration") == (try kinds(journal, "1")))
    }

    @Test func followsMovesDeletionsAndRestorationsButNotCopiesOrReordering() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        let moved = addedID(try journal.ok("add", "Move me"))
        let deleted = addedID(try journal.ok("add", "Delete me"))
        let copied = addedID(try journal.ok("add", "Copy me"))
        let monday = try journal.day("2025-01-13")
        let lines = monday.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let moveLine = lines.first { $0.contains("Move me") }!
        let deleteLine = lines.first { $0.contains("Delete me") }!
        let copyLine = lines.first { $0.contains("Copy me") }!
        // Cut one task to another day, delete one, paste a copy of one, and swap two: one hand edit.
        try journal.writeDay("2025-01-13", "# 2025-01-13 Monday\n\n\(copyLine)\n")
        try journal.writeDay("2025-01-14", "# 2025-01-14 Tuesday\n\n\(moveLine)\n\(copyLine)\n")
        try journal.ok("add", "Commit the edit", "--date", "2025-01-14")
        try journal.writeDay("2025-01-13", try journal.day("2025-01-13") + deleteLine + "\n")
        try journal.ok("add", "Commit the restoration", "--date", "2025-01-14")
        #expect(try kinds(journal, moved) == ["created open", "moved 2025-01-13 2025-01-14"])
        #expect(try kinds(journal, deleted) == ["created open", "deleted open", "restored open"])
        #expect(try kinds(journal, copied) == ["created open"])
        #expect(try journal.day("2025-01-14").components(separatedBy: "Copy me ^\(copied)").count == 1)
    }

    @Test func theIndexAnswersTheSameAfterAnythingHappensToIt() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        for day in ["2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16"] {
            journal.today = day
            try journal.ok("new")
            try journal.ok("add", "Task of \(day)")
            try journal.ok("done", "1")
        }
        let index = journal.directory + "/.git/journal/history.sqlite"
        func everything() throws -> String { try journal.ok("log", "--json") + (try journal.ok("log", "Task of 2025-01-13", "--json")) }
        func fresh() throws -> String {
            try? FileManager.default.removeItem(atPath: index)
            return try everything()
        }
        _ = try everything()

        // A commit made with the git command line.
        try journal.writeDay("2025-01-16", try journal.day("2025-01-16") + "- [ ] Typed and committed with git ^gitcm\n")
        _ = try journal.git("commit", "-qam", "by hand")
        let afterGitCommit = try everything()
        #expect(afterGitCommit.contains("by hand"))
        #expect(afterGitCommit == (try fresh()))

        // History rewritten under the index.
        _ = try journal.git("reset", "-q", "--hard", "HEAD~3")
        let afterReset = try everything()
        #expect(!afterReset.contains("by hand"))
        #expect(afterReset == (try fresh()))

        // Truncated, then replaced by garbage.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: index))
        try handle.truncate(atOffset: 100)
        try handle.close()
        #expect(try everything() == afterReset)
        try "not a database".write(toFile: index, atomically: true, encoding: .utf8)
        #expect(try everything() == afterReset)
    }

    @Test func listsTheJournalsCommitsWithFilters() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("add", "Monday task")
        journal.today = "2025-01-14"
        try journal.ok("new")
        try journal.ok("add", "Tuesday task")
        let all = try journal.ok("log").split(separator: "\n")
        #expect(all.count == 4)
        #expect(all[0].hasSuffix("add ^" + all[0].split(separator: "^")[1]))
        #expect(all.last?.hasSuffix("init journal") == true)
        #expect(try journal.ok("log", "-n", "1").split(separator: "\n").count == 1)
        let monday = try journal.ok("log", "--day", "2025-01-13").split(separator: "\n")
        #expect(monday.count == 2)
        #expect(monday[0].contains("new 2025-01-14: carried 1 from 2025-01-13"))
        #expect(try journal.run("log", "Monday", "-n", "2").status == 2)
    }

    @Test func asksForAnIdWhenWordsMatchSeveralTasks() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Review the design")
        try journal.ok("add", "Review the budget")
        let result = try journal.run("log", "Review")
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.first == "journal: error: 'Review' matches 2 tasks:")
        #expect(lines[1].hasPrefix("  1. ^") && lines[2].hasPrefix("  2. ^"))
        #expect(Set(lines[1...2].map { String($0.dropFirst(11)) })
            == ["  [ ] Review the design  (2025-01-15)", "  [ ] Review the budget  (2025-01-15)"])
        #expect(lines[3].hasPrefix("give one's id (journal log ^") && lines[3].hasSuffix("), or more words of its text"))
        #expect(try journal.run("log", "nothing like this").stderr == "journal: error: no task 'nothing like this' in the journal\n")
    }
}
