import Foundation
import TestSupport
import Testing

/// standup, report, stats, search and agenda over a week written as a user would.
@Suite struct ReviewTests {
    /// Mon 13: three tasks, one done. Tue 14: carried, one started, one finished, one added.
    /// Wed 15: carried again, one cancelled; a task scheduled for Mon 20.
    private func week() throws -> JournalRunner {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("new")
        try journal.ok("add", "Write the ADR for the event bus", "--tag", "arch")
        try journal.ok("add", "Review the PR from @bob", "--tag", "review")
        try journal.ok("add", "Fix the login redirect", "--tag", "blocked")
        try journal.ok("done", "2")
        journal.today = "2025-01-14"
        try journal.ok("new")
        try journal.ok("start", "1")
        try journal.ok("add", "Answer the vendor about pricing #security")
        try journal.ok("done", "3")
        journal.today = "2025-01-15"
        try journal.ok("new")
        try journal.ok("add", "Book the offsite room")
        try journal.ok("cancel", "3")
        try journal.ok("add", "Prepare the quarterly demo", "--date", "2025-01-20")
        try journal.sandbox.write(try journal.day("2025-01-15") + "\nNotes: the event bus ADR waits on @carol.\n", to: "journal/2025/01/2025-01-15.md")
        return journal
    }

    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func standupSaysWhatWasDoneWhatIsPlannedAndWhatIsStuck() throws {
        var journal = try week()
        journal.today = "2025-01-16"
        // Before `journal new`: today's plan is what new would carry.
        let standup = try journal.ok("standup")
        #expect(standup == """
            ## Stand-up 2025-01-16

            **Done (2025-01-15)**
            - nothing

            **In progress**
            - Write the ADR for the event bus #arch

            **Planned**
            - nothing

            **Blocked**
            - Fix the login redirect #blocked

            **Carried the longest**
            - Write the ADR for the event bus #arch (since 2025-01-13, carried 2 times)
            - Fix the login redirect #blocked (since 2025-01-13, carried 2 times)

            """)
        let yesterday = try #require(try json(try journal.ok("standup", "2025-01-15", "--json")) as? [String: Any])
        #expect((yesterday["done"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Answer the vendor about pricing #security"])
        #expect(yesterday["previousDay"] as? String == "2025-01-14")
        #expect(yesterday["planned"] as? [[String: Any]] == nil || (yesterday["planned"] as! [[String: Any]]).isEmpty)
    }

    @Test func reportGroupsFinishedWorkByTagAndCountsThePeriod() throws {
        let journal = try week()
        let report = try journal.ok("report", "--since", "2025-01-13", "--until", "2025-01-15")
        #expect(report.hasPrefix("# Report 2025-01-13 to 2025-01-15\n\n2 finished, 2 still open, 1 cancelled, 5 added.\n"))
        #expect(report.contains("### #review\n- Review the PR from @bob #review (2025-01-13)\n"))
        #expect(report.contains("### #security\n- Answer the vendor about pricing #security (2025-01-14)\n"))
        #expect(report.contains("## Cancelled\n\n- Book the offsite room (2025-01-15)\n"))
        #expect(report.contains("- Write the ADR for the event bus #arch (since 2025-01-13, carried 2×)\n"))

        let tagged = try #require(try json(try journal.ok("report", "--week", "--tag", "security", "--json")) as? [String: Any])
        #expect(tagged["since"] as? String == "2025-01-13" && tagged["until"] as? String == "2025-01-15")
        #expect(tagged["counts"] as? [String: Int] == ["added": 1, "finished": 1, "open": 0, "cancelled": 0, "dropped": 0])

        // Weeks can start on Sunday: then Monday the 13th is in the week of the 12th.
        try journal.ok("config", "journal.weekStart", "sunday")
        #expect(try journal.ok("report", "--week").hasPrefix("# Report 2025-01-12 to 2025-01-15\n"))
        let backwards = try journal.run("report", "--since", "2025-01-15", "--until", "2025-01-13")
        #expect(backwards.status == 2)
        #expect(backwards.stderr == "journal: error: the period starts (2025-01-15) after it ends (2025-01-13); swap --since and --until\n")
    }

    @Test func statsCountWeeksCompletionAndTasksCarriedTooOften() throws {
        let journal = try week()
        let stats = try #require(try json(try journal.ok("stats", "--since", "2025-01-06", "--carried", "1", "--json")) as? [String: Any])
        let weeks = try #require(stats["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["start"] as? String } == ["2025-01-06", "2025-01-13"])
        #expect(weeks[1]["created"] as? Int == 5 && weeks[1]["finished"] as? Int == 2 && weeks[1]["cancelled"] as? Int == 1)
        #expect(stats["completionRate"] as? Double == 0.4)
        // Both finished on the day they were written.
        #expect(stats["medianDaysToFinish"] as? Double == 0)
        let often = try #require(stats["carriedOften"] as? [[String: Any]])
        #expect(often.map { $0["text"] as? String } == ["Write the ADR for the event bus #arch", "Fix the login redirect #blocked"])
        let days = try #require(stats["days"] as? [[String: Any]])
        #expect(days.count == 10 && days[7]["date"] as? String == "2025-01-13" && days[7]["finished"] as? Int == 1)

        // The heat map, plain: a row per weekday, a column per week, `#` on the busiest days.
        let printed = try journal.ok("stats", "--since", "2025-01-06")
        #expect(printed.contains("completion rate: 40% of the tasks created\nmedian days to finish: 0\n"))
        #expect(printed.contains("\nMon . # \nTue . # \nWed . . \nThu .   \n"))
        #expect(!printed.contains("\u{1B}["))
    }

    @Test func searchFindsTasksOnceAndNotesWithTheirDay() throws {
        let journal = try week()
        #expect(try journal.ok("search", "event", "BUS") == """
            2025-01-15 L3  [/] Write the ADR for the event bus #arch ^\(try id(of: "Write the ADR", in: journal))
            2025-01-15 L7  Notes: the event bus ADR waits on @carol.

            """)
        let done = try #require(try json(try journal.ok("search", "--state", "done", "--json")) as? [[String: Any]])
        #expect(done.map { $0["date"] as? String } == ["2025-01-14", "2025-01-13"])
        #expect(done.allSatisfy { $0["kind"] as? String == "task" && $0["state"] as? String == "done" })
        #expect(try journal.ok("search", "--person", "carol").contains("Notes: the event bus ADR waits on @carol."))
        #expect(try journal.ok("search", "--tag", "arch", "--until", "2025-01-13").hasPrefix("2025-01-13 L3  [>] Write the ADR"))
        let nothing = try journal.run("search", "kubernetes")
        #expect(nothing.status == 1 && nothing.stdout.isEmpty && nothing.stderr.isEmpty)
        #expect(try journal.run("search").status == 2)
    }

    @Test func agendaListsTheDaysAheadThatHaveTasks() throws {
        let journal = try week()
        let agenda = try journal.ok("agenda")
        #expect(agenda.hasPrefix("2025-01-20 Monday\n1 [ ] Prepare the quarterly demo ^"))
        let agendaJSON = try #require(try json(try journal.ok("agenda", "--json")) as? [String: Any])
        #expect((agendaJSON["days"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2025-01-20"])
        var later = journal
        later.today = "2025-01-20"
        #expect(try later.ok("agenda") == "nothing due, scheduled or planned from 2025-01-20 to 2025-01-26\n")
    }

    /// A carry can skip a day (`new --no-carry`): the task still began where it began, and a
    /// stand-up before `journal new` still sees what new would carry, even when `add` started the day.
    @Test func aTaskCarriedOverASkippedDayKeepsItsFirstDay() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("add", "Draft the migration plan")
        journal.today = "2025-01-14"
        try journal.ok("new", "--no-carry")
        try journal.ok("add", "Call the vendor")
        journal.today = "2025-01-15"
        try journal.ok("new")
        let report = try #require(try json(try journal.ok("report", "--since", "2025-01-15", "--json")) as? [String: Any])
        let open = try #require(report["open"] as? [[String: Any]])
        let draft = try #require(open.first { $0["text"] as? String == "Draft the migration plan" })
        #expect(draft["since"] as? String == "2025-01-13" && draft["timesCarried"] as? Int == 1)
        #expect((report["counts"] as? [String: Int])?["added"] == 0)

        journal.today = "2025-01-16"
        try journal.ok("add", "Book the train")
        let standup = try #require(try json(try journal.ok("standup", "--json")) as? [String: Any])
        #expect((standup["planned"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
                == ["Book the train", "Draft the migration plan", "Call the vendor"])
        #expect((standup["carriedLongest"] as? [[String: Any]])?.first?["since"] as? String == "2025-01-13")
    }

    @Test func statsAtTheEdgesOfTheCalendarDoNotFail() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        for period in [["2999-12-25", "2999-12-31"], ["1900-01-01", "1900-01-10"]] {
            let printed = try journal.ok("stats", "--since", period[0], "--until", period[1])
            #expect(printed.hasPrefix("\(period[0]) to \(period[1])"))
        }
    }

    private func id(of text: String, in journal: JournalRunner) throws -> String {
        let line = try #require(try journal.day("2025-01-15").split(separator: "\n").first { $0.contains(text) })
        return String(line.split(separator: "^").last!)
    }
}
