import Foundation
import TestSupport
import Testing

/// Planning a day from the command line, as the architect does: subtasks, meeting times, due
/// dates and priorities on the line in Obsidian's format, deferring, deleting, rewording.
@Suite struct PlanningTests {
    /// Wednesday 2025-01-22, started, with its tasks planned.
    func plannedDay() throws -> JournalRunner {
        var journal = try JournalRunner()
        journal.today = "2025-01-22"
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Review the OAuth token validation #security")
        try journal.ok("add", "Architecture review: customer data enrichment pipeline", "--at", "10:00", "--until", "11:00")
        try journal.ok("add", "Send the ADR for review", "--due", "friday", "--priority", "high")
        try journal.ok("add", "Check token expiry handling in the OAuth validator", "--under", "1")
        return journal
    }

    func taskLines(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- [") }.map(String.init)
    }

    func id(of words: String, in journal: JournalRunner, on day: String = "2025-01-22") throws -> String {
        let line = try #require(taskLines(try journal.day(day)).first { $0.contains(words) })
        return String(line.split(separator: "^").last!)
    }

    @Test func fieldsAreWrittenOnTheLineInObsidiansFormat() throws {
        let journal = try plannedDay()
        let lines = taskLines(try journal.day("2025-01-22")).map { $0.replacingOccurrences(of: #" \^[a-z0-9]{5}$"#, with: "", options: .regularExpression) }
        #expect(lines == [
            "- [ ] Review the OAuth token validation #security",
            "  - [ ] Check token expiry handling in the OAuth validator",
            "- [ ] 10:00 - 11:00 Architecture review: customer data enrichment pipeline",
            "- [ ] Send the ADR for review ⏫ 📅 2025-01-24",
        ])
        let show = try journal.ok("show", "--json")
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(show.utf8)) as? [String: Any])["tasks"] as! [[String: Any]]
        #expect(tasks[2]["time"] as? String == "10:00" && tasks[2]["endTime"] as? String == "11:00")
        #expect(tasks[3]["due"] as? String == "2025-01-24" && tasks[3]["priority"] as? String == "high")
        #expect(tasks[3]["description"] as? String == "Send the ADR for review")
        #expect(tasks[1]["parent"] as? Int == 1)
    }

    @Test func fieldsTypedInTheTextAreUnderstood() throws {
        let journal = try plannedDay()
        try journal.ok("add", "Pay the vendor invoice 📅 2025-01-21 🔼")
        let output = try journal.ok("show")
        #expect(output.contains("[ ] Pay the vendor invoice 🔼 📅 2025-01-21 ^"))
        #expect(output.contains("  overdue"))
        #expect(try journal.ok("search", "--due-before", "2025-01-22").contains("Pay the vendor invoice"))
    }

    @Test func showMarksOverdueAndDueTodayAndStatusListsThem() throws {
        var journal = try plannedDay()
        journal.today = "2025-01-24"
        let show = try journal.ok("show", "2025-01-22")
        #expect(show.contains("Send the ADR for review ⏫ 📅 2025-01-24 ^\(try id(of: "ADR", in: journal))  due today"))
        journal.today = "2025-01-27"
        let status = try journal.ok("status")
        #expect(status.contains("overdue: 1\n  [ ] Send the ADR for review ⏫ 📅 2025-01-24"), "\(status)")
    }

    @Test func severalTasksChangeInOneCommitOrNoneDoes() throws {
        let journal = try plannedDay()
        let commits = try journal.commitCount()
        try journal.ok("done", "2", "3")
        #expect(try journal.commitCount() == commits + 1)
        let refused = try journal.run("done", "1", "9")
        #expect(refused.status == 1 && refused.stderr.contains("no task number 9"))
        #expect(try journal.commitCount() == commits + 1)
        #expect(taskLines(try journal.day("2025-01-22"))[0].hasPrefix("- [ ] Review"))
    }

    @Test func moveDefersATaskWithItsUnfinishedSubtasksAndKeepsItsHistory() throws {
        let journal = try plannedDay()
        let review = try id(of: "Review the OAuth", in: journal)
        try journal.ok("move", "1", "next", "monday")
        #expect(taskLines(try journal.day("2025-01-22"))[0] == "- [>] Review the OAuth token validation #security → 2025-01-27 ^\(review)")
        #expect(taskLines(try journal.day("2025-01-22"))[1].hasPrefix("  - [>] Check token expiry"))
        let monday = taskLines(try journal.day("2025-01-27"))
        #expect(monday.count == 2 && monday[0].hasSuffix("^\(review)") && monday[1].hasPrefix("  - [ ] Check token expiry"))
        #expect(try journal.ok("log", review).contains("moved 2025-01-22 → 2025-01-27"))
        #expect(try journal.git("log", "-1", "--format=%B").contains("Journal-Command: move"))
        // Moved again later, it merges by id into the day that has it.
        var monday27 = journal
        monday27.today = "2025-01-27"
        try monday27.ok("new")
        #expect(taskLines(try monday27.day("2025-01-27")).filter { $0.contains(review) }.count == 1)
    }

    @Test func removeDeletesATaskAndItsSubtasksAndUndoBringsThemBack() throws {
        let journal = try plannedDay()
        let review = try id(of: "Review the OAuth", in: journal)
        let before = try journal.day("2025-01-22")
        #expect(try journal.ok("rm", "1").contains("with 1 subtask"))
        #expect(!(try journal.day("2025-01-22")).contains("OAuth"))
        #expect(try journal.ok("log", review).contains("deleted from 2025-01-22"))
        try journal.ok("undo")
        #expect(try journal.day("2025-01-22") == before)
    }

    @Test func editTaskRewordsAndChangesFieldsEachItsOwnEventInTheLog() throws {
        let journal = try plannedDay()
        let adr = try id(of: "ADR", in: journal)
        try journal.ok("edit-task", adr, "--due", "next", "wednesday")
        try journal.ok("edit-task", adr, "Send the ADR to the platform team")
        try journal.ok("edit-task", adr, "--clear", "priority")
        #expect(taskLines(try journal.day("2025-01-22"))[3] == "- [ ] Send the ADR to the platform team 📅 2025-01-29 ^\(adr)")
        let log = try journal.ok("log", adr)
        #expect(log.contains("due 2025-01-24 → 2025-01-29"), "\(log)")
        #expect(log.contains("reworded:"))
        #expect(log.contains("priority high → (none)"))
    }

    @Test func agendaListsDueAndScheduledTasksAndTheDaysAhead() throws {
        let journal = try plannedDay()
        try journal.ok("add", "Prepare the quarterly demo", "--date", "2025-01-27")
        try journal.ok("add", "Draft the capacity plan", "--scheduled", "2025-01-23")
        let agenda = try journal.ok("agenda")
        #expect(agenda.contains("due (1)\ndue 2025-01-24  [ ] Send the ADR for review ⏫ 📅 2025-01-24 ^"), "\(agenda)")
        #expect(agenda.contains("scheduled (1)\nscheduled 2025-01-23  [ ] Draft the capacity plan ⏳ 2025-01-23 ^"), "\(agenda)")
        #expect(agenda.contains("2025-01-27 Monday\n1 [ ] Prepare the quarterly demo ^"), "\(agenda)")
        #expect(!(try journal.ok("agenda", "-n", "2")).contains("due (1)"))
    }

    @Test func doneWritesTheDoneDateWhenAsked() throws {
        let journal = try plannedDay()
        try journal.git("config", "journal.doneDate", "on")
        try journal.ok("done", "3")
        #expect(taskLines(try journal.day("2025-01-22"))[2].contains("Architecture review: customer data enrichment pipeline ✅ 2025-01-22 ^"))
        let architecture = try id(of: "Architecture", in: journal)
        #expect(!(try journal.ok("log", architecture)).contains("done (none)"))
        try journal.ok("reopen", "3")
        #expect(!(try journal.day("2025-01-22")).contains("✅"))
    }

    @Test(arguments: [
        (["add", "x", "--until", "11:00"], "--until needs --at"),
        (["add", "x", "--at", "11:00", "--until", "10:00"], "is not after --at"),
        (["add", "x", "--at", "25:00"], "invalid --at '25:00'"),
        (["add", "x", "--priority", "urgent"], "--priority"),
        (["move", "1"], "give the tasks, then the day"),
        (["move", "1", "yesterday"], "before today"),
        (["edit-task", "1", "--clear", "colour"], "invalid --clear"),
        (["edit-task", "1", "--clear", "due", "--due", "friday"], "--clear due and a new due at once"),
        (["move", "tomorrow"], "give the tasks, then the day"),
    ])
    func badInputIsOneLineExitTwoAndNothingWritten(_ arguments: [String], _ message: String) throws {
        let journal = try plannedDay()
        let commits = try journal.commitCount()
        let result = try ProcessResult.run(JournalRunner.binary, arguments, in: journal.sandbox.root.path, environment: journal.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try journal.commitCount() == commits)
    }

    @Test func aSubtaskGoesOnItsParentsDayAndAFinishedTaskDoesNotMove() throws {
        let journal = try plannedDay()
        try journal.ok("add", "Quarterly review prep", "--date", "2025-01-27")
        let prep = try id(of: "Quarterly", in: journal, on: "2025-01-27")
        let elsewhere = try journal.run("add", "Book a room", "--under", prep)
        #expect(elsewhere.status == 2 && elsewhere.stderr.contains("is on 2025-01-27, not 2025-01-22"))
        try journal.ok("done", "3")
        let finished = try journal.run("move", "3", "friday")
        #expect(finished.status == 2 && finished.stderr.contains("it is done"))
    }

    @Test func aNumberThatMovedSinceTheListWasShownIsRefusedWithBothTasks() throws {
        let journal = try plannedDay()
        try journal.ok("show")
        let adr = try id(of: "ADR", in: journal)
        // Added above the ADR, which was number 4 in the list shown.
        try journal.ok("add", "Ask about key rotation", "--under", "1")
        let commits = try journal.commitCount()
        let refused = try journal.run("done", "4")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("task 4 of 2025-01-22 was ^\(adr) Send the ADR for review when the list was last shown; it is ^"),
                "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try journal.commitCount() == commits)
        try journal.ok("done", adr)
        try journal.ok("show")
        try journal.ok("done", "4")
        #expect(taskLines(try journal.day("2025-01-22"))[3].hasPrefix("- [x] 10:00 - 11:00 Architecture review"))
    }

    @Test func aRemovedTaskIsNotReportedAsDropped() throws {
        var journal = try plannedDay()
        journal.today = "2025-01-23"
        try journal.ok("new")
        let adr = try id(of: "ADR", in: journal, on: "2025-01-23")
        try journal.ok("rm", adr)
        let diff = try journal.ok("diff", "2025-01-22", "2025-01-23", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.utf8)) as? [String: Any])
        #expect((json["dropped"] as? [[String: Any]])?.isEmpty == true, "\(diff)")
    }

    @Test func carryingKeepsEveryFieldAndDiffAndStandupSeeTheMove() throws {
        var journal = try plannedDay()
        let review = try id(of: "Review the OAuth", in: journal)
        try journal.ok("move", review, "2025-01-27")
        journal.today = "2025-01-23"
        try journal.ok("new")
        let thursday = taskLines(try journal.day("2025-01-23"))
        #expect(thursday.contains { $0.hasPrefix("- [ ] Send the ADR for review ⏫ 📅 2025-01-24 ^") }, "\(thursday)")
        #expect(thursday.contains { $0.hasPrefix("- [ ] 10:00 - 11:00 Architecture review") })
        #expect(!thursday.contains { $0.contains(review) })
        let diff = try journal.ok("diff", "2025-01-22", "2025-01-23")
        #expect(diff.contains("moved (2)\n") && diff.contains("Review the OAuth token validation #security → 2025-01-27"), "\(diff)")
        journal.today = "2025-01-27"
        let standup = try journal.ok("standup")
        #expect(standup.contains("**Overdue**\n- Send the ADR for review ⏫ 📅 2025-01-24 (due 2025-01-24)"), "\(standup)")
    }

    @Test func removingACarriedTaskLeavesNoProblemForCheck() throws {
        var journal = try plannedDay()
        journal.today = "2025-01-23"
        try journal.ok("new")
        let adr = try id(of: "ADR", in: journal, on: "2025-01-23")
        try journal.ok("rm", adr)
        #expect(try journal.run("check").status == 0)
        // A task removed by hand still is one.
        let other = try id(of: "Architecture", in: journal, on: "2025-01-23")
        try journal.writeDay("2025-01-23", try journal.day("2025-01-23").split(separator: "\n").filter { !$0.contains(other) }
            .joined(separator: "\n") + "\n")
        let check = try journal.run("check")
        #expect(check.status == 1 && check.stdout.contains("task ^\(other) is carried to 2025-01-23, which does not have it"), "\(check.stdout)")
    }

    @Test func fieldFiltersReadTheNewestCopyOfACarriedTask() throws {
        var journal = try plannedDay()
        journal.today = "2025-01-23"
        try journal.ok("new")
        let adr = try id(of: "ADR", in: journal, on: "2025-01-23")
        try journal.ok("edit-task", adr, "--due", "2025-02-10", "--priority", "low")
        #expect(try journal.run("search", "--due-before", "2025-01-30").status == 1)
        #expect(try journal.run("search", "--priority", "high").status == 1)
        #expect(try journal.ok("search", "--priority", "low").contains("2025-01-23"))
    }
}
