import Foundation
import TestSupport
import Testing

/// The day template and its recurring tasks, as a user meets them: `journal recur`, a month of
/// `journal new`, two machines, the reviews.
@Suite struct RecurringTaskTests {
    static let standUp = "Join the daily engineering stand-up with the DevOps and Backend teams"
    static let summary = "Summarize the day's progress and email key updates to stakeholders"
    static let weekly = "Weekly status email to stakeholders"

    /// A journal with the two weekday rules and the Friday rule, added on Monday 2026-11-30.
    func journalWithRules() throws -> JournalRunner {
        var journal = try JournalRunner()
        journal.today = "2026-11-30"
        try journal.ok("init")
        try addRules(journal)
        return journal
    }

    func addRules(_ journal: JournalRunner) throws {
        try journal.ok("recur", "add", RecurringTaskTests.standUp, "--every", "weekday")
        try journal.ok("recur", "add", RecurringTaskTests.summary, "--every", "weekday")
        try journal.ok("recur", "add", RecurringTaskTests.weekly, "--every", "week on friday")
    }

    /// The task lines of a day's file.
    func taskLines(_ text: String) -> [String] { text.split(separator: "\n").filter { $0.hasPrefix("- [") }.map(String.init) }

    @Test func aMonthOfNewBringsEachRuleOnExactlyItsDaysNeverCarriedAndMissedOnesClosed() throws {
        var journal = try journalWithRules()
        let december = (1...31).map { String(format: "2026-12-%02d", $0) }
        // Weekdays, and one Saturday started by hand.
        let started = december.filter { !["Saturday", "Sunday"].contains(weekday($0)) } + ["2026-12-12"]
        for day in started.sorted() {
            journal.today = day
            try journal.ok("new")
            // The stand-up is done on every day but the 9th.
            if day != "2026-12-09" && weekday(day) != "Saturday" { try journal.ok("done", "1") }
        }
        for day in started {
            let tasks = taskLines(try journal.day(day))
            var expected: [String] = []
            if weekday(day) != "Saturday" { expected += [RecurringTaskTests.standUp, RecurringTaskTests.summary] }
            if weekday(day) == "Friday" { expected.append(RecurringTaskTests.weekly) }
            #expect(tasks.map(text(of:)) == expected, "\(day): \(tasks)")
            #expect(!tasks.contains { $0.hasPrefix("- [>]") }, "an occurrence was carried on \(day)")
            if day < "2026-12-31" {
                // Every occurrence is closed by the next day started: done, or missed.
                #expect(tasks.allSatisfy { $0.hasPrefix("- [x]") || $0.hasPrefix("- [-]") }, "\(day): \(tasks)")
            }
        }
        #expect(taskLines(try journal.day("2026-12-09"))[0].hasPrefix("- [-] \(RecurringTaskTests.standUp) 🔁 ^"))
        // Each occurrence is a task of its own: no id twice in the journal.
        let ids = try started.flatMap { taskLines(try journal.day($0)).map { String($0.suffix(5)) } }
        #expect(Set(ids).count == ids.count)
        let report = try journal.ok("report", "--since", "2026-12-01", "--until", "2026-12-31")
        #expect(report.contains("## Recurring\n\n- \(RecurringTaskTests.standUp): 22 of 23 done, 1 missed\n"), "\(report)")
        #expect(report.contains("- \(RecurringTaskTests.weekly): 0 of 4 done, 4 missed\n"), "\(report)")
        #expect(report.contains("0 finished, 0 still open, 0 cancelled, 0 added."), "missed occurrences are not cancelled tasks: \(report)")
        let excluded = try journal.ok("report", "--since", "2026-12-01", "--until", "2026-12-31", "--exclude-recurring")
        #expect(!excluded.contains("Recurring"))
        let stats = try journal.ok("stats", "--since", "2026-12-01", "--until", "2026-12-31")
        #expect(stats.contains("\(RecurringTaskTests.standUp): 22 of 23 done, 1 missed; streak 16"), "\(stats)")
        try journal.assertClean()
    }

    @Test func newRunTwiceAndADayCreatedAheadGetEachOccurrenceOnce() throws {
        var journal = try journalWithRules()
        journal.today = "2026-12-03"
        try journal.ok("add", "Send the ADR for review", "--date", "2026-12-04")
        #expect(try journal.day("2026-12-04") == "# 2026-12-04 Friday\n\n- [ ] Send the ADR for review ^\(String(try journal.day("2026-12-04").suffix(6).prefix(5)))\n")
        journal.today = "2026-12-04"
        try journal.ok("new")
        let once = try journal.day("2026-12-04")
        try journal.ok("new")
        #expect(try journal.day("2026-12-04") == once)
        #expect(taskLines(once).map(text(of:)) == [RecurringTaskTests.standUp, RecurringTaskTests.summary, RecurringTaskTests.weekly, "Send the ADR for review"])
    }

    @Test(arguments: [true, false])
    func twoMachinesStartingTheSameDayKeepOneOccurrenceOfEachRule(firstSyncsFirst: Bool) throws {
        var machines = try TwoMachines(.path, today: "2026-12-04")
        try addRules(machines.first)
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        for runner in [machines.first, machines.second] { try runner.ok("config", "journal.autoSync", "off") }
        machines.first.today = "2026-12-07"
        machines.second.today = "2026-12-07"
        try machines.first.ok("new")
        try machines.second.ok("new")
        try machines.second.ok("done", "1")
        let order = firstSyncsFirst ? [machines.first, machines.second] : [machines.second, machines.first]
        try order[0].ok("sync")
        let merging = try order[1].ok("sync")
        #expect(merging.contains("is the same occurrence of a recurring task as ^"), "\(merging)")
        #expect(try order[1].git("log", "-1", "--format=%b").contains("left out: the same occurrence as ^"))
        try machines.assertConverged()
        let monday = taskLines(try machines.first.day("2026-12-07"))
        #expect(monday.filter { $0.contains(RecurringTaskTests.standUp) }.count == 1, "\(monday)")
        #expect(monday.filter { $0.contains(RecurringTaskTests.summary) }.count == 1, "\(monday)")
        #expect(!monday.contains { $0.contains(RecurringTaskTests.weekly) })
        // The machine that ticked it wins over the copy the other left open.
        #expect(monday.first { $0.contains(RecurringTaskTests.standUp) }!.hasPrefix("- [x]"))
        #expect(monday.filter { $0.contains("Shared task") }.count == 2)
        // A week later, with one more sync between, still one of each.
        for runner in [machines.first, machines.second] {
            var later = runner
            later.today = "2026-12-11"
            try later.ok("new")
        }
        try machines.assertConverged()
        let friday = taskLines(try machines.first.day("2026-12-11"))
        #expect(friday.filter { $0.contains("🔁 ^") }.count == 3, "\(friday)")
    }

    /// What the issue is done by: two machines each start every day of two weeks before
    /// syncing, the order of their syncs alternating, and every day ends with each rule's
    /// occurrence once, on its days only.
    @Test func twoWeeksOnTwoMachinesLeaveEachRuleOnceOnEachOfItsDays() throws {
        var machines = try TwoMachines(.path, today: "2026-12-04")
        try addRules(machines.first)
        try machines.first.ok("sync")
        try machines.second.ok("sync")
        for runner in [machines.first, machines.second] { try runner.ok("config", "journal.autoSync", "off") }
        let days = (7...18).map { String(format: "2026-12-%02d", $0) }.filter { !["Saturday", "Sunday"].contains(weekday($0)) }
        for (index, day) in days.enumerated() {
            machines.first.today = day
            machines.second.today = day
            try machines.first.ok("new")
            try machines.second.ok("new")
            if index % 3 == 0 { try machines.first.ok("done", "1") }
            if index % 2 == 0 { try machines.second.ok("done", "2") }
            let order = index % 2 == 0 ? [machines.first, machines.second, machines.first] : [machines.second, machines.first, machines.second]
            for runner in order { try runner.ok("sync") }
        }
        try machines.assertConverged()
        for day in days {
            let tasks = taskLines(try machines.first.day(day))
            var expected = [RecurringTaskTests.standUp, RecurringTaskTests.summary]
            if weekday(day) == "Friday" { expected.append(RecurringTaskTests.weekly) }
            #expect(tasks.filter { $0.contains("🔁 ^") }.map(text(of:)).sorted() == expected.sorted(), "\(day): \(tasks)")
        }
    }

    @Test func theTemplatesHeadingsStayAndCarriedTasksGoUnderTheCarryHeading() throws {
        var journal = try JournalRunner()
        journal.today = "2026-12-03"
        try journal.ok("init")
        try FileManager.default.createDirectory(atPath: journal.directory + "/templates", withIntermediateDirectories: true)
        try "## Meetings\n\n- [ ] Stand-up 🔁 every weekday\n\n## Notes\n\n## Carried\n".write(toFile: journal.directory + "/templates/day.md", atomically: true, encoding: .utf8)
        try journal.ok("config", "journal.carryHeading", "## Carried")
        try journal.ok("new")
        try journal.ok("add", "Send the ADR for review")
        journal.today = "2026-12-04"
        try journal.ok("new")
        let template = try String(contentsOfFile: journal.directory + "/templates/day.md", encoding: .utf8)
        let rule = try #require(template.split(separator: "^").last?.prefix(5))
        let day = try journal.day("2026-12-04")
        let adr = String(try journal.day("2026-12-03").split(separator: "\n").first { $0.contains("ADR") }!.suffix(5))
        let stand = try #require(taskLines(day).first?.suffix(5))
        #expect(day == "# 2026-12-04 Friday\n\n## Meetings\n\n- [ ] Stand-up 🔁 ^\(rule) ^\(stand)\n\n## Notes\n\n## Carried\n\n- [ ] Send the ADR for review ^\(adr)\n")
        // What the person wrote in the template is read as it was written, with an id added.
        #expect(template == "## Meetings\n\n- [ ] Stand-up 🔁 every weekday ^\(rule)\n\n## Notes\n\n## Carried\n")
        let log = try journal.ok("log", String(stand))
        #expect(log.contains("occurrence of ^\(rule) in the day template (🔁 every weekday)"), "\(log)")
        try journal.assertClean()
    }

    @Test func recurListShowsEachRuleWithItsNextDayAndRemoveTakesANumberOrAnID() throws {
        var journal = try journalWithRules()
        journal.today = "2026-12-02"
        let listed = try journal.ok("recur", "list", "--json")
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(rules.map { $0["text"] as? String } == [RecurringTaskTests.standUp, RecurringTaskTests.summary, RecurringTaskTests.weekly])
        #expect(rules.map { $0["rule"] as? String } == ["every weekday", "every weekday", "every week on friday"])
        #expect(rules.map { $0["next"] as? String } == ["2026-12-02", "2026-12-02", "2026-12-04"])
        #expect(rules.map { $0["number"] as? Int } == [1, 2, 3])
        try journal.ok("new")
        #expect(try journal.ok("recur", "list").contains("next 2026-12-03 Thursday"))
        let weeklyID = try #require(rules[2]["id"] as? String)
        #expect(try journal.ok("recur", "remove", "^" + weeklyID) == "removed ^\(weeklyID) \(RecurringTaskTests.weekly)\n")
        try journal.ok("recur", "remove", "2")
        let left = try journal.ok("recur", "list")
        #expect(left.hasPrefix("1 \(RecurringTaskTests.standUp) ^"), "\(left)")
        #expect(left.split(separator: "\n").count == 1)
        let subjects = try journal.git("log", "--format=%s", "-3")
        #expect(subjects.hasPrefix("recur remove ^"), "\(subjects)")
    }

    @Test func aRuleJournalCannotReadIsRefusedWhereverItIsWritten() throws {
        var journal = try journalWithRules()
        let commits = try journal.commitCount()
        let unknown = try journal.run("recur", "add", "Review the runbook", "--every", "fortnight")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "journal: error: invalid --every: cannot read the recurrence 'every fortnight': unknown word 'fortnight' (expected day, weekday, week, month, year, a weekday or a month)\n")
        let empty = try journal.run("recur", "add", " ", "--every", "day")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("invalid task text: it is empty"))
        #expect(try journal.commitCount() == commits)

        let path = journal.directory + "/templates/day.md"
        let template = try String(contentsOfFile: path, encoding: .utf8)
        try (template + "- [ ] Water the plants 🔁 every second tuesday\n").write(toFile: path, atomically: true, encoding: .utf8)
        journal.today = "2026-12-01"
        let refused = try journal.run("new")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("journal: error: templates/day.md:4: cannot read the recurrence 'every second tuesday'"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/2026/12/2026-12-01.md"))
        let check = try journal.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("templates/day.md:4: cannot read the recurrence 'every second tuesday'"), "\(check.stdout)")
        #expect(try journal.ok("recur", "list").contains("4 Water the plants  🔁 every second tuesday  cannot be read ('journal check' says why)"))
        // Removing the task is one way to fix it, and must work while `new` refuses.
        try journal.ok("recur", "remove", "4")
        try journal.ok("new")

        let sign = try journal.run("recur", "add", "Check the 🛫 departures board", "--every", "day")
        #expect(sign.status == 2)
        #expect(sign.stderr.contains("it contains 🛫, which Obsidian Tasks reads as the start of a field"), "\(sign.stderr)")
        let ending = try journal.run("add", "Review the retro 🔁")
        #expect(ending.status == 2)
        #expect(ending.stderr.contains("it ends in 🔁"), "\(ending.stderr)")
        let heading = try journal.run("config", "journal.carryHeading", "## ")
        #expect(heading.status != 0)
    }

    @Test func editTemplateLeavesNothingBehindWhenNothingIsWritten() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.extraEnvironment["EDITOR"] = "true"
        #expect(try journal.ok("edit", "--template") == "no change to the day template\n")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/templates"))
        try journal.assertClean()
    }

    @Test func editTemplateOpensTheTemplateAndCommitsIt() throws {
        var journal = try journalWithRules()
        journal.extraEnvironment["EDITOR"] = try journal.editorScript("printf -- '- [ ] Review the on-call runbook 🔁 every month on the 1st\\n' >> \"$1\"")
        #expect(try journal.ok("edit", "--template") == "committed the day template\n")
        journal.today = "2027-01-01"
        try journal.ok("new")
        #expect(taskLines(try journal.day("2027-01-01")).map(text(of:)).contains("Review the on-call runbook"))
        let dated = try journal.run("edit", "--template", "today")
        #expect(dated.status == 2)
    }

    /// `- [x] Text 🔁 ^rule ^id1234` → `Text`.
    func text(of line: String) -> String {
        let afterBox = line.dropFirst(6)
        return String(afterBox.components(separatedBy: " 🔁 ").first!.components(separatedBy: " ^").first!)
    }

    func weekday(_ iso: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let date = formatter.date(from: iso)!
        formatter.dateFormat = "EEEE"
        return formatter.string(from: date)
    }
}
