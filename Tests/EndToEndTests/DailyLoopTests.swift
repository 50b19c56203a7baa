import Foundation
import TestSupport
import Testing

@Suite struct DailyLoopTests {
    @Test func aDayFromInitToDoneMakesOneReadableCommitPerCommand() throws {
        var journal = try JournalRunner()
        journal.today = "2025-01-14"
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Join the daily stand-up with @devops")
        let added = try journal.ok("add", "Review the OAuth token validation in the auth module", "--tag", "security")
        #expect(added.hasPrefix("added 2 ^"))
        try journal.ok("start", "2")
        try journal.ok("done", "1")
        try journal.ok("add", "Meet the vendor")
        try journal.ok("cancel", "3")

        let subjects = try journal.git("log", "--format=%s|%(trailers:key=Journal-Command,valueonly,separator=)")
        let lines = subjects.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines.first?.hasPrefix("cancel ^") == true && lines.first?.hasSuffix(" Meet the vendor|cancel") == true)
        #expect(lines.last == "init journal|init")
        try journal.assertClean()

        let file = try journal.day("2025-01-14")
        let id = try #require(added.split(separator: " ")[2].dropFirst().description as String?)
        #expect(file.contains("- [/] Review the OAuth token validation in the auth module #security ^\(id)\n"))
        #expect(file.hasPrefix("# 2025-01-14 Tuesday\n\n- [x] Join the daily stand-up with @devops ^"))
        #expect(file.contains("- [-] Meet the vendor ^"))

        journal.today = "2025-01-16"
        let started = try journal.ok("new")
        #expect(started.hasPrefix("started 2025-01-16 Thursday: carried 1 task from 2025-01-14"))
        #expect(try journal.day("2025-01-16") == "# 2025-01-16 Thursday\n\n- [/] Review the OAuth token validation in the auth module #security ^\(id)\n")
        #expect(try journal.day("2025-01-14").contains("- [>] Review the OAuth token validation in the auth module #security → 2025-01-16 ^\(id)\n"))
        #expect(try journal.git("log", "-1", "--format=%s") == "new 2025-01-16: carried 1 from 2025-01-14\n")

        // Run twice: nothing duplicated, nothing committed.
        let commits = try journal.commitCount()
        #expect(try journal.ok("new").hasPrefix("2025-01-16 exists; nothing to carry"))
        #expect(try journal.commitCount() == commits)
        // A carried line is a record: done by its number on the old day acts on the copy.
        try journal.ok("done", "2", "--date", "2025-01-14")
        #expect(try journal.day("2025-01-16").contains("- [x] Review"))
        #expect(try journal.day("2025-01-14").contains("- [>] Review the OAuth token validation in the auth module #security → 2025-01-16 ^\(id)\n"))
        // -N is a date, not an option.
        #expect(try journal.ok("show", "-2").hasPrefix("2025-01-14 Tuesday\n"))
        #expect(try journal.run("diff", "-2").stderr == "journal: error: there is no day before 2025-01-14 to compare it with\n")
        try journal.assertClean()
    }

    @Test func aMonthWithGapsLeavesNothingUnfinishedBehind() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        var day = DateComponents(year: 2025, month: 1, day: 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = calendar.date(from: day)!
        var created = 0
        for _ in 0..<31 {
            day = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            date = calendar.date(byAdding: .day, value: 1, to: date)!
            // Weekends and a holiday are gaps.
            if day.weekday == 1 || day.weekday == 7 || day.day == 6 { continue }
            journal.today = String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
            try journal.ok("new")
            try journal.ok("add", "task made on \(journal.today)")
            try journal.ok("add", "second task of \(journal.today)")
            created += 2
            try journal.ok("done", "1")
        }
        try journal.assertClean()
        let show = try journal.ok("show", "--json")
        let today = try JSONSerialization.jsonObject(with: Data(show.utf8)) as! [String: Any]
        let tasks = today["tasks"] as! [[String: Any]]
        // Every day finished its first task; every other task is still open, once, today.
        let open = tasks.filter { ($0["state"] as! String) == "open" }
        #expect(open.count == created / 2)
        #expect(Set(open.map { $0["id"] as! String }).count == open.count)
        for path in try journal.git("ls-files", "2025").split(separator: "\n") where !path.hasSuffix("\(journal.today).md") {
            let text = try journal.sandbox.read("journal/" + path)
            #expect(!text.contains("- [ ]") && !text.contains("- [/]"), "unfinished task left in \(path)")
        }
    }

    @Test func handEditsAreCommittedFirstKeptByteForByteAndGivenIds() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Written by journal")
        let original = try journal.day("2025-01-15")
        let typed = original + "\nMeeting notes, typed by hand:   \n- a plain bullet\n- [ ] A task typed by hand\n"
        try journal.writeDay("2025-01-15", typed)
        let status = try journal.ok("status")
        #expect(status.contains("uncommitted hand edits (the next journal command commits them): 2025/01/2025-01-15.md"))

        try journal.ok("done", "2")
        let subjects = try journal.git("log", "-2", "--format=%s").split(separator: "\n")
        #expect(subjects[1] == "edit by hand: 2025-01-15: 1 added")
        #expect(subjects[0].hasPrefix("done ^") && subjects[0].hasSuffix("A task typed by hand"))
        let file = try journal.day("2025-01-15")
        #expect(file.hasPrefix(original + "\nMeeting notes, typed by hand:   \n- a plain bullet\n- [x] A task typed by hand ^"))
        try journal.assertClean()
    }

    /// Found by the model-based sync test: a task committed with plain git has no id until journal
    /// carries it, and the arrow left behind must name the id the copy has.
    @Test func aTaskCommittedWithoutAnIdIsCarriedUnderTheIdItsArrowNames() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Parent")
        try journal.writeDay("2025-01-15", try journal.day("2025-01-15") + "  - [ ] Typed and committed with git\n")
        try journal.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-qam", "by hand")
        journal.today = "2025-01-16"
        try journal.ok("new")
        let arrow = try journal.day("2025-01-15").split(separator: "\n").first { $0.contains("Typed and committed") }!
        #expect(arrow.contains("[>] Typed and committed with git → 2025-01-16 ^"))
        #expect(try journal.day("2025-01-16").contains("  - [ ] Typed and committed with git \(arrow.suffix(6))\n"))
    }

    @Test func keepsCRLFNotesAndAMissingFinalNewlineWhenOneTaskChanges() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        let text = "# 2025-01-15 Wednesday\r\n\r\n* [ ] First  ^aaaaa \r\n  weird   indented note\r\n- [ ] Second ^bbbbb\r\n- [?] not a task\r\n\tclosing"
        try journal.writeDay("2025-01-15", text)
        try journal.ok("done", "^bbbbb")
        #expect(try journal.day("2025-01-15") == text.replacingOccurrences(of: "- [ ] Second", with: "- [x] Second"))
        try journal.assertClean()
    }

    @Test func aPastedCopyGetsAFreshIdAndTheOriginalKeepsIts() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Original task")
        let file = try journal.day("2025-01-15")
        let line = try #require(file.split(separator: "\n").last)
        try journal.writeDay("2025-01-15", file + line + "\n")
        try journal.ok("status")
        try journal.ok("add", "Another")
        let ids = try journal.day("2025-01-15").split(separator: "\n").filter { $0.contains("Original task") }.map { $0.suffix(5) }
        #expect(ids.count == 2)
        #expect(ids[0] == line.suffix(5))
        #expect(ids[0] != ids[1])
    }

    @Test func newMergesIntoADayScheduledAheadWithoutDuplicates() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("new")
        try journal.ok("add", "Unfinished today")
        try journal.ok("add", "Prepare the review", "--date", "tomorrow")
        journal.today = "2025-01-16"
        let output = try journal.ok("new")
        #expect(output.hasPrefix("2025-01-16 exists; carried 1 task from 2025-01-15"))
        let day = try journal.day("2025-01-16")
        #expect(day.components(separatedBy: "Prepare the review").count == 2)
        #expect(day.components(separatedBy: "Unfinished today").count == 2)
        try journal.assertClean()
    }

    @Test func startsAnEmptyDayWithNoCarry() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        try journal.ok("add", "Left open")
        journal.today = "2025-01-16"
        try journal.ok("new", "--no-carry")
        #expect(try journal.day("2025-01-16") == "# 2025-01-16 Thursday\n\n")
        #expect(try journal.day("2025-01-15").contains("- [ ] Left open"))
        // The next carrying `new` still finds what the empty day skipped over.
        journal.today = "2025-01-17"
        #expect(try journal.ok("new").hasPrefix("started 2025-01-17 Friday: carried 1 task from 2025-01-15"))
    }

    @Test func carriesATaskAddedByHandToAnOlderDayAfterItWasCarried() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        journal.today = "2025-01-13"
        try journal.ok("new")
        try journal.ok("add", "Monday task")
        journal.today = "2025-01-14"
        try journal.ok("new")
        try journal.writeDay("2025-01-13", try journal.day("2025-01-13") + "- [ ] Remembered later\n")
        journal.today = "2025-01-15"
        let output = try journal.ok("new")
        #expect(output.hasPrefix("started 2025-01-15 Wednesday: carried 2 tasks from 2025-01-13, 2025-01-14"))
        let today = try journal.day("2025-01-15")
        #expect(today.contains("- [ ] Monday task ^") && today.contains("- [ ] Remembered later ^"))
        #expect(try journal.day("2025-01-13").contains("- [>] Remembered later → 2025-01-15 ^"))
        try journal.assertClean()
    }

    /// Ids from before they always held a letter keep working; a reference that could be a number
    /// or such an id acts on the one that exists, and refuses when both do.
    @Test func allDigitIdsOfOldJournalsAreNeverMistakenForTaskNumbers() throws {
        var journal = try JournalRunner()
        try journal.ok("init")
        let tasks = (1...12).map { "- [ ] Task \($0) ^" + ($0 == 3 ? "00012" : $0 == 5 ? "12345" : "t\($0 + 10)aa") }
        try journal.writeDay("2025-01-15", "# 2025-01-15 Wednesday\n\n" + tasks.joined(separator: "\n") + "\n")
        #expect(try journal.ok("done", "00012").hasPrefix("done ^00012 Task 3 "))
        #expect(try journal.ok("done", "12345").hasPrefix("done ^12345 Task 5 "))
        #expect(try journal.ok("done", "12").hasPrefix("done ^t22aa Task 12 "))
        #expect(try journal.ok("log", "12345").hasPrefix("^12345 Task 5\n"))
        let fresh = try journal.ok("add", "New task")
        #expect(fresh.hasPrefix("added 13 ^") && fresh.dropFirst(10).prefix(5).contains { $0.isLetter })

        let many = (1...12_345).map { "- [ ] Filler \($0)" }
        try journal.writeDay("2025-01-16", "# 2025-01-16 Thursday\n\n" + many.joined(separator: "\n") + "\n")
        journal.today = "2025-01-16"
        let both = try journal.run("done", "12345")
        #expect(both.status == 1)
        #expect(both.stderr.hasPrefix("journal: error: '12345' names two tasks: number 12345 in the list, ^"))
        #expect(both.stderr.contains("Filler 12345 (2025-01-16), and the id of ^12345 Task 5 (2025-01-15)"))
    }
}
