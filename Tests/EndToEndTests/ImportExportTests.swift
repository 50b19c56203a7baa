import Foundation
import TestSupport
import Testing

@Suite struct ImportExportTests {
    static let standup = """
        # Standup notes

        **Date:** January 15, 2025

        - [x] Fixed the login bug
        * [ ] Review the PR for the billing service
            - Check the migration
        1. Write the release notes

        Talk to @ann later.

        """

    @Test func aFileBecomesADayOnceAndImportingItAgainChangesNothing() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.sandbox.write(Self.standup, to: "standup.md")
        #expect(try journal.ok("import", "standup.md") == "imported standup.md into 2025-01-15: 4 tasks\n")
        let day = try journal.day("2025-01-15")
        let lines = day.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# 2025-01-15 Wednesday" && lines[2] == "# Standup notes" && lines[4] == "**Date:** January 15, 2025")
        #expect(lines[6].hasPrefix("- [x] Fixed the login bug ^"))
        #expect(lines[7].hasPrefix("- [ ] Review the PR for the billing service ^"))
        #expect(lines[8].hasPrefix("  - [ ] Check the migration ^"))
        #expect(lines[9].hasPrefix("- [ ] Write the release notes ^"))
        #expect(lines[11] == "Talk to @ann later.")
        #expect(try journal.git("log", "-1", "--format=%s|%(trailers:key=Journal-Command,valueonly,separator=)")
            == "import 2025-01-15: 4 tasks from standup.md|import\n")

        let commits = try journal.commitCount()
        #expect(try journal.ok("import", "standup.md") == "imported standup.md into 2025-01-15: 0 tasks (4 already there)\n")
        #expect(try journal.commitCount() == commits)
        #expect(try journal.day("2025-01-15") == day)
        try journal.assertClean()
    }

    @Test func manyFilesAreOneCommitAndOneBadFileImportsNothing() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.sandbox.write("- first\n", to: "notes/2025-01-13.md")
        try journal.sandbox.write("# Planning, Jan 14th 2025\n- second\n", to: "notes/planning.md")
        try journal.sandbox.write("- undated\n", to: "notes/undated.md")
        try Data([0x2D, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: journal.sandbox.path("notes/latin1.md")))
        let commits = try journal.commitCount()

        let undated = try journal.run("import", "notes/2025-01-13.md", "notes/undated.md")
        #expect(undated.status == 1)
        #expect(undated.stderr == "journal: error: notes/undated.md: no date found; give --date (nothing was imported)\n")
        let binary = try journal.run("import", "notes/2025-01-13.md", "notes/latin1.md")
        #expect(binary.status == 1)
        #expect(binary.stderr == "journal: error: notes/latin1.md: not valid UTF-8 (line 1); nothing was imported\n")
        #expect(try journal.run("import", "notes/missing.md").stderr == "journal: error: notes/missing.md: no such file; nothing was imported\n")
        #expect(try journal.run("import").status == 2)
        #expect(try journal.commitCount() == commits)
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/2025/01/2025-01-13.md"))

        try journal.ok("import", "notes/2025-01-13.md", "notes/planning.md")
        try journal.ok("import", "notes/undated.md", "--date", "2025-01-13")
        #expect(try journal.commitCount() == commits + 2)
        #expect(try journal.git("show", "--name-only", "--format=%s", "HEAD~1")
            == "import 2 days: 2 tasks from 2 files\n\n2025/01/2025-01-13.md\n2025/01/2025-01-14.md\n")
        #expect(try journal.day("2025-01-13").contains("- [ ] undated ^"))
        try journal.assertClean()
    }

    @Test func exportGivesEveryDayOrAPeriodAsJSONMarkdownAndCSV() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-14"
        try journal.ok("add", "Plan the \"big\" release, carefully #ops @ann")
        journal.today = "2025-01-15"
        try journal.ok("new")
        try journal.ok("add", "Later")

        let csv = try journal.ok("export", "--format", "csv")
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0] == "date,id,state,text,tags,people,depth,parent")
        #expect(rows[1].hasPrefix("2025-01-14,") && rows[1].hasSuffix(#",carried,"Plan the ""big"" release, carefully #ops @ann",ops,ann,0,"#))
        #expect(rows.count == 5 && rows[4].isEmpty)

        let json = try JSONSerialization.jsonObject(with: Data(try journal.ok("export", "--format", "json", "--since", "2025-01-15").utf8)) as! [[String: Any]]
        #expect(json.map { $0["date"] as! String } == ["2025-01-15"])
        let tasks = json[0]["tasks"] as! [[String: Any]]
        #expect(tasks.map { $0["text"] as! String } == ["Plan the \"big\" release, carefully #ops @ann", "Later"])
        #expect(tasks[0]["tags"] as! [String] == ["ops"] && tasks[0]["people"] as! [String] == ["ann"] && tasks[0]["depth"] as! Int == 0)

        let markdown = try journal.ok("export", "--format", "md", "--until", "2025-01-14")
        #expect(markdown == (try journal.day("2025-01-14")))
        #expect(try journal.ok("export", "--format", "md") == (try journal.day("2025-01-14")) + "\n" + (try journal.day("2025-01-15")))
        #expect(try journal.run("export", "--format", "xml").status == 2)
    }
}
