import Foundation
import TestSupport
import Testing

/// journal's own state in `.git/journal/` (the id log, the index stamp) is only a shortcut:
/// whatever happens to it or around it, commands behave as if it were not there.
@Suite struct DerivedStateTests {
    @Test func aHandEditStagedWithGitAddIsStillCommitted() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "First")
        try journal.writeDay("2025-01-15", try journal.day("2025-01-15") + "- [ ] Staged by hand\n")
        _ = try journal.git("add", "-A")
        try journal.ok("add", "Second")
        #expect(try journal.git("log", "-2", "--format=%s") .hasSuffix("edit by hand: 2025-01-15: 1 added\n"))
        #expect(try journal.git("show", "HEAD:2025/01/2025-01-15.md").contains("- [ ] Staged by hand ^"))
        try journal.assertClean()
    }

    @Test func idsCommittedWithGitAreKnownSoAPastedCopyStillGetsAFreshId() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Warm the id log")
        try journal.writeDay("2025-01-14", "# 2025-01-14 Tuesday\n\n- [ ] Committed with git ^gitid\n")
        _ = try journal.git("add", "-A")
        _ = try journal.git("commit", "-qm", "by git")
        journal.today = "2025-01-16"
        try journal.ok("new", "--no-carry")
        try journal.writeDay("2025-01-16", try journal.day("2025-01-16") + "- [ ] Committed with git ^gitid\n")
        try journal.ok("add", "Trigger the commit")
        #expect(!(try journal.day("2025-01-16").contains("^gitid")))
        #expect(try journal.day("2025-01-14").contains("^gitid"))
    }

    @Test(arguments: ["delete", "corrupt", "stale stamp"])
    func aDamagedIdLogIsRebuiltAndNoIdIsReused(_ damage: String) throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        for number in 1...5 { try journal.ok("add", "Task \(number)") }
        let log = journal.directory + "/.git/journal/ids"
        switch damage {
        case "delete": try FileManager.default.removeItem(atPath: log)
        case "corrupt": try "journal-ids 2\ngarbage".write(toFile: log, atomically: true, encoding: .utf8)
        default: try String(repeating: "0", count: 40).write(toFile: log + "-commit", atomically: true, encoding: .utf8)
        }
        try journal.ok("add", "After the damage")
        let ids = try journal.day("2025-01-15").split(separator: "\n").filter { $0.hasPrefix("- [") }.map { $0.suffix(5) }
        #expect(ids.count == 6)
        #expect(Set(ids).count == 6)
        let rebuilt = try String(contentsOfFile: log, encoding: .utf8)
        for id in ids { #expect(rebuilt.contains("\(id) 2025-01-15\n")) }
    }

    /// Neither the log nor its stamp is flushed on its own: a crash of the machine can keep the
    /// stamp and lose the records it covers. The next command, on a day that does not hold them,
    /// must not take the log for whole.
    @Test func aLogThatLostRecordsItsStampCoversIsRebuilt() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        for number in 1...3 { try journal.ok("add", "Task \(number)") }
        let log = URL(fileURLWithPath: journal.directory + "/.git/journal/ids")
        let last = try journal.day("2025-01-15").split(separator: "\n").last { $0.hasPrefix("- [") }!.suffix(5)
        try Data(try Data(contentsOf: log).dropLast(17)).write(to: log)
        journal.today = "2025-01-16"
        try journal.ok("new", "--no-carry")
        try journal.ok("add", "Task 4")
        #expect(try String(contentsOf: log, encoding: .utf8).contains("\(last) 2025-01-15\n"))
    }
}
