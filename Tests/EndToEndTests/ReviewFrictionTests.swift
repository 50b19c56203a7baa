import Foundation
import TestSupport
import Testing

/// What a new user tripped over in the reviewing commands.
@Suite struct ReviewFrictionTests {
    @Test func searchFindsUnfinishedTasksOpenAndInProgressTogether() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        for text in ["Open review", "Started review", "Finished review"] { try journal.ok("add", text) }
        try journal.ok("start", "2")
        try journal.ok("done", "3")
        let unfinished = try journal.ok("search", "review", "--state", "unfinished")
        #expect(unfinished.contains("Open review") && unfinished.contains("Started review") && !unfinished.contains("Finished review"))
        #expect(try journal.ok("search", "--help").contains("unfinished (open or in progress)"))
        let none = try journal.run("search", "nothing")
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty)
    }

    @Test func statsOfAYoungJournalStartAtItsFirstWeek() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "First task")
        journal.today = "2025-01-28"
        let stats = try journal.ok("stats")
        #expect(stats.hasPrefix("2025-01-13 to 2025-01-28\n"))
        #expect(stats.components(separatedBy: "\n2025-01-").count == 4)
        #expect(stats.contains("\n    Jan"))
    }

    @Test func theReportCallsCancelledTasksCancelled() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Meet the vendor")
        try journal.ok("cancel", "1")
        let report = try journal.ok("report", "--since", "2025-01-13")
        #expect(report.contains("0 finished, 0 still open, 1 cancelled, 1 added."))
        #expect(report.contains("## Cancelled\n\n- Meet the vendor (2025-01-15)"))
        #expect(!report.contains("ropped"))
    }
}

@Suite struct TagInheritanceTests {
    @Test func reportAndSearchByTagIncludeSubtasks() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", "# 2025-01-15 Wednesday\n\n- [ ] Review the auth module #security\n  - [x] Check token expiry\n- [x] Review PR #4821\n")
        let report = try journal.ok("report", "--since", "2025-01-13", "--tag", "security")
        #expect(report.contains("### #security\n- Check token expiry (2025-01-15)\n"))
        #expect(!report.contains("4821"))
        let search = try journal.ok("search", "--tag", "security")
        #expect(search.contains("Check token expiry") && search.contains("Review the auth module"))
        #expect(try journal.run("search", "--tag", "4821").status == 1)
    }
}

@Suite struct ShowContentTests {
    /// A merge's rewording note and a link written under a task are shown with that task, not
    /// among the day's notes.
    @Test func linesUnderATaskAreShownWithIt() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-15", """
            # 2025-01-15 Wednesday

            - [ ] Write the report ^aaaaa
              > reworded on another machine as: Write the quarterly report
              https://example.org/pr/1
            - [ ] Other ^bbbbb

            A note

            """)
        #expect(try journal.ok("show", "--color", "never") == """
            2025-01-15 Wednesday
            1 [ ] Write the report ^aaaaa
                  > reworded on another machine as: Write the quarterly report
                  https://example.org/pr/1
            2 [ ] Other ^bbbbb

            A note

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try journal.ok("show", "--json").utf8)) as? [String: Any])
        let first = try #require((json["tasks"] as? [[String: Any]])?.first)
        #expect((first["content"] as? [[String: Any]])?.map { $0["line"] as? Int } == [4, 5])
        #expect((json["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["A note"])
    }
}

@Suite struct ReportForPeopleTests {
    static func week() throws -> JournalRunner {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay("2025-01-14", """
            # 2025-01-14 Tuesday

            - [x] Join the daily stand-up #standup ^stnd1
            - [x] Review the auth module #security ^auth1
              PR: https://example.org/pr/4821
            - [x] Book the dentist #personal ^pers1

            """)
        try journal.writeDay("2025-01-15", """
            # 2025-01-15 Wednesday

            - [x] Join the daily stand-up #standup ^stnd2
            - [x] Send the ADR ^adr01
            - [ ] Plan the migration #arch ^plan1

            """)
        try journal.ok("add", "Commit the days")
        return journal
    }

    @Test func excludedTagsPlainTextNotesAndGroupingByDay() throws {
        let journal = try ReportForPeopleTests.week()
        let report = try journal.ok("report", "--since", "2025-01-13", "--exclude-tag", "standup", "--exclude-tag", "#personal",
                                    "--plain", "--with-notes")
        #expect(report == """
            # Report 2025-01-13 to 2025-01-15

            2 finished, 2 still open, 0 cancelled, 4 added.

            ## Finished

            ### security
            - Review the auth module
              PR: https://example.org/pr/4821

            ### Untagged
            - Send the ADR

            ## Still open

            - Plan the migration
            - Commit the days

            ## Cancelled

            - nothing

            """)
        let byDay = try journal.ok("report", "--since", "2025-01-13", "--group-by", "day", "--exclude-tag", "standup")
        #expect(byDay.contains("### 2025-01-14\n- Book the dentist #personal\n- Review the auth module #security\n\n### 2025-01-15\n- Send the ADR\n"))
        let flat = try journal.ok("report", "--since", "2025-01-13", "--group-by", "none", "--tag", "standup")
        #expect(flat.contains("## Finished\n\n- Join the daily stand-up #standup (2025-01-14)\n- Join the daily stand-up #standup (2025-01-15)\n"))
    }
}
