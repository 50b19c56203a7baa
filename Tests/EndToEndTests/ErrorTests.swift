import Foundation
import TestSupport
import Testing

/// Bad input: one line on stderr naming what was wrong, a non-zero exit, the journal untouched.
@Suite struct ErrorTests {
    func journalWithOneTask() throws -> JournalRunner {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Only task")
        return journal
    }

    @Test(arguments: ["2025-02-30", "0000-01-01", "9999-12-31", "someday"])
    func refusesInvalidDates(_ date: String) throws {
        let journal = try journalWithOneTask()
        let head = try journal.git("rev-parse", "HEAD")
        for arguments in [["show", date], ["new", date], ["add", "x", "--date", date], ["done", "1", "--date", date]] {
            let result = try ProcessResult.run(JournalRunner.binary, arguments, in: journal.sandbox.root.path, environment: journal.environment)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("journal: error: invalid date '\(date)' (accepted: today, yesterday"))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(try journal.git("rev-parse", "HEAD") == head)
    }

    @Test func refusesUnknownTasks() throws {
        let journal = try journalWithOneTask()
        let head = try journal.git("rev-parse", "HEAD")
        let unknownID = try journal.run("done", "zzzzz")
        #expect(unknownID.status == 1)
        #expect(unknownID.stderr == "journal: error: no task '^zzzzz' in the journal\n")
        let number = try journal.run("done", "7")
        #expect(number.stderr == "journal: error: no task number 7 in 2025-01-15 (it has 1 task)\n")
        let malformed = try journal.run("done", "not-an-id")
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "journal: error: invalid task 'not-an-id': give its number in the day's list or its 5-character id\n")
        let noDay = try journal.run("done", "1", "--date", "yesterday")
        #expect(noDay.stderr == "journal: error: there is no day 2025-01-14 in the journal ('journal new 2025-01-14' starts it)\n")
        #expect(try journal.git("rev-parse", "HEAD") == head)
    }

    @Test func refusesTaskTextThatWouldSplitALine() throws {
        let journal = try journalWithOneTask()
        let result = try journal.run("add", "first line\nsecond line")
        #expect(result.status == 2)
        #expect(result.stderr == "journal: error: invalid task text: it contains a line break; a task is one line\n")
    }

    @Test func explainsADirectoryThatIsNotAJournal() throws {
        let journal = try JournalRunner()
        let missing = try journal.run("show", "--dir", journal.sandbox.path("nowhere"))
        #expect(missing.status == 1)
        #expect(missing.stderr == "journal: error: no journal at \(journal.sandbox.path("nowhere")); run 'journal init' to create it, or pass --dir / set JOURNAL_DIR\n")
        try journal.sandbox.write("x", to: "plain/file.txt")
        let plain = try journal.run("add", "x", "--dir", journal.sandbox.path("plain"))
        #expect(plain.stderr.hasPrefix("journal: error: \(journal.sandbox.path("plain")) is not a journal"))
        #expect(plain.stderr.contains("'journal init --dir \(journal.sandbox.path("plain"))' makes it one, keeping its files"))
        // A folder that is not empty is made a journal in place, its files kept.
        let adopted = try journal.ok("init", "--dir", journal.sandbox.path("plain"))
        #expect(adopted.contains("0 days kept as YYYY/MM/YYYY-MM-DD.md, 1 other file left untouched"))
        #expect(try journal.sandbox.read("plain/file.txt") == "x")
        try journal.ok("init")
        #expect(try journal.run("init").stderr == "journal: error: \(journal.directory) is already a journal\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let journal = try JournalRunner()
        let result = try journal.run("add")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument '<text>'"))
        #expect(try journal.run("frobnicate").status == 2)
    }

    @Test func refusesADayFileThatIsASymbolicLink() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.sandbox.write("- [ ] outside the journal\n", to: "outside.md")
        try FileManager.default.createDirectory(atPath: journal.directory + "/2025/01", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: journal.directory + "/2025/01/2025-01-15.md", withDestinationPath: journal.sandbox.path("outside.md"))
        let result = try journal.run("show")
        #expect(result.status == 1)
        #expect(result.stderr == "journal: error: 2025/01/2025-01-15.md: is a symbolic link; journal does not follow links in the journal\n")
        #expect(try journal.sandbox.read("outside.md") == "- [ ] outside the journal\n")
    }

    @Test func asksForAGitIdentityWhenThereIsNone() throws {
        let journal = try JournalRunner()
        try FileManager.default.removeItem(atPath: journal.sandbox.home.appendingPathComponent(".gitconfig").path)
        let result = try journal.run("init")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("journal: error: no Git identity: user.name is not set; run: git config --global user.name"))
        // Nothing half-made is left: with an identity, init simply works.
        try journal.sandbox.write("[user]\n\tname = Ada\n\temail = ada@example.org\n", to: "home/.gitconfig")
        try journal.ok("init")
        try journal.ok("new")
    }

    @Test func namesARemotePathThatDoesNotExist() throws {
        let journal = try JournalRunner()
        let missing = journal.sandbox.path("no-such.git")
        #expect(try journal.run("clone", missing, journal.directory).stderr == "journal: error: no Git repository at \(missing)\n")
        #expect(!FileManager.default.fileExists(atPath: journal.directory))
    }
}
