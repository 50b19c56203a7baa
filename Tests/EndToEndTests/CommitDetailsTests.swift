import Foundation
import TestSupport
import Testing

@Suite struct CommitDetailsTests {
    @Test func honoursGitAuthorAndCommitterDates() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.extraEnvironment = ["GIT_AUTHOR_DATE": "2025-01-15T09:30:00+01:00", "GIT_COMMITTER_DATE": "@1736930000 +0000"]
        try journal.ok("add", "Dated")
        #expect(try journal.git("log", "-1", "--format=%aI|%ct") == "2025-01-15T09:30:00+01:00|1736930000\n")
        journal.extraEnvironment = ["GIT_AUTHOR_DATE": "last tuesday"]
        #expect(try journal.run("add", "x").stderr.hasPrefix("journal: error: invalid GIT_AUTHOR_DATE 'last tuesday'"))
    }

    @Test func createsAPrivateJournalOnMain() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "x")
        #expect(try journal.git("symbolic-ref", "HEAD") == "refs/heads/main\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let day = try FileManager.default.attributesOfItem(atPath: journal.directory + "/2025/01/2025-01-15.md")
        #expect((day[.posixPermissions] as? Int) == 0o600)
        #expect(try journal.git("show", "HEAD:.gitattributes") == "*.md merge=journal\n")
    }

    @Test func initModeLetsTheGroupReadAndIsKeptForLaterWrites() throws {
        let journal = try JournalRunner()
        let refused = try journal.run("init", "--mode", "0755")
        #expect(refused.status == 1 && refused.stderr.hasPrefix("journal: error: invalid journal.fileMode '0755' (from --mode): give an octal mode"))
        #expect(!FileManager.default.fileExists(atPath: journal.directory))
        try journal.ok("init", "--mode", "0640")
        try journal.ok("add", "Shared with the team lead")
        let permissions = { (path: String) in (try FileManager.default.attributesOfItem(atPath: journal.directory + path))[.posixPermissions] as? Int }
        #expect(try permissions("") == 0o750 && permissions("/.git") == 0o750)
        #expect(try permissions("/2025") == 0o750 && permissions("/2025/01/2025-01-15.md") == 0o640)
        #expect(try journal.git("config", "journal.fileMode") == "0640\n")
        // Back to private: the next write of a day makes it so.
        try journal.ok("config", "journal.fileMode", "0600")
        try journal.ok("add", "Private again")
        #expect(try permissions("/2025/01/2025-01-15.md") == 0o600)
    }

    @Test func twentyConcurrentAddsAllLand() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        let processes = try (0..<20).map { number -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: JournalRunner.binary)
            process.arguments = ["add", "Concurrent task \(number)"]
            process.environment = journal.environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let day = try journal.day("2025-01-15")
        for number in 0..<20 { #expect(day.contains("Concurrent task \(number) ^")) }
        let ids = day.split(separator: "\n").filter { $0.hasPrefix("- [ ]") }.map { $0.suffix(5) }
        #expect(Set(ids).count == 20)
        #expect(try journal.commitCount() == 22)
        try journal.assertClean()
    }

    @Test func statusReportsOpenTasksAndTheLastEntryAsJSON() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Open one")
        try journal.ok("add", "Closed one")
        try journal.ok("done", "2")
        journal.today = "2025-01-18"
        let status = try JSONSerialization.jsonObject(with: Data(try journal.ok("status", "--json").utf8)) as! [String: Any]
        #expect(status["todayStarted"] as? Bool == false)
        #expect(status["lastDay"] as? String == "2025-01-15")
        #expect(status["daysSinceLastDay"] as? Int == 3)
        #expect((status["uncommitted"] as? [String])?.isEmpty == true)
        journal.today = "2025-01-15"
        let today = try journal.ok("status")
        #expect(today.contains("today 2025-01-15: 1 open task\n1 [ ] Open one ^"))
    }
}
