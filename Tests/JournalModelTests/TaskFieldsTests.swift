@testable import JournalModel
import Testing

/// Fields on the task line, read as Obsidian Tasks and Day Planner read them and written in
/// Obsidian's order.
@Suite struct TaskFieldsTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    struct Case: Sendable, CustomTestStringConvertible {
        let written: String
        let description: String
        var due: String?
        var scheduled: String?
        var start: String?
        var done: String?
        var priority: TaskPriority?
        var time: String?
        var endTime: String?
        var testDescription: String { written }
    }

    @Test(arguments: [
        // The examples of Obsidian Tasks' documentation.
        Case(written: "take out the trash 🔁 every Sunday 📅 2021-04-25", description: "take out the trash", due: "2021-04-25"),
        Case(written: "Do exercises #todo #health 🔼 🔁 every day when done ➕ 2023-07-01 🛫 2023-07-02 ⏳ 2023-07-03 📅 2023-07-04 ✅ 2023-07-05",
             description: "Do exercises #todo #health", due: "2023-07-04", scheduled: "2023-07-03", start: "2023-07-02", done: "2023-07-05",
             priority: .medium),
        Case(written: "#task Fill in Tax Return ⏫ 📅 2021-10-30", description: "#task Fill in Tax Return", due: "2021-10-30", priority: .high),
        // Any order, no space after a sign, a variation selector after it.
        Case(written: "Pay the invoice 📅 2025-01-24 ⏫", description: "Pay the invoice", due: "2025-01-24", priority: .high),
        Case(written: "Pay the invoice 📅2025-01-24 🔺", description: "Pay the invoice", due: "2025-01-24", priority: .highest),
        Case(written: "Pay the invoice ⏳️ 2025-01-20 ⏬️", description: "Pay the invoice", scheduled: "2025-01-20", priority: .lowest),
        Case(written: "Call Bob #work 📅 2025-01-24 #urgent", description: "Call Bob #work #urgent", due: "2025-01-24"),
        // A sign among the words is a word; a date that is no day is no field.
        Case(written: "Discuss the 📅 2025-01-24 release plan", description: "Discuss the 📅 2025-01-24 release plan"),
        Case(written: "Fix the 📅 2025-02-30 parser", description: "Fix the 📅 2025-02-30 parser"),
        Case(written: "Order 🔼 arrows", description: "Order 🔼 arrows"),
        // Day Planner's time.
        Case(written: "10:00 - 11:00 Architecture review ⏫", description: "Architecture review", priority: .high, time: "10:00", endTime: "11:00"),
        Case(written: "9:30 Stand-up", description: "Stand-up", time: "09:30"),
        Case(written: "10:00-10:30 Vendor call", description: "Vendor call", time: "10:00", endTime: "10:30"),
        Case(written: "25:00 is not a time", description: "25:00 is not a time"),
        Case(written: "10:00", description: "10:00"),
    ])
    func readsTheFieldsObsidianReads(_ example: Case) {
        let text = TaskText(parsing: example.written)
        #expect(text.description == example.description)
        #expect(text.fields.due?.iso == example.due)
        #expect(text.fields.scheduled?.iso == example.scheduled)
        #expect(text.fields.start?.iso == example.start)
        #expect(text.fields.done?.iso == example.done)
        #expect(text.fields.priority == example.priority)
        #expect(text.fields.time?.description == example.time)
        #expect(text.fields.endTime?.description == example.endTime)
    }

    @Test func writesFieldsInObsidiansOrderAndReadsThemBack() {
        var text = TaskText(description: "Send the ADR for review #arch")
        text.fields.due = day("2025-01-24")
        text.fields.priority = .high
        text.fields.scheduled = day("2025-01-23")
        text.fields.done = day("2025-01-22")
        text.fields.time = TimeOfDay("10:00")
        text.fields.endTime = TimeOfDay("11:30")
        #expect(text.written == "10:00 - 11:30 Send the ADR for review #arch ⏫ ⏳ 2025-01-23 📅 2025-01-24 ✅ 2025-01-22")
        #expect(TaskText(parsing: text.written) == text)
    }

    @Test func aTextWithoutFieldsIsItsOwnDescription() {
        for written in ["Review the OAuth flow", "Ship #v2  now", " spaced out", "#tag", "Ends with ⏫ and more"] {
            let text = TaskText(parsing: written)
            #expect(text.fields.isEmpty)
            #expect(text.description == written.trimmingBlanks)
        }
    }

    @Test func aFileWithEveryFieldRoundTripsByteForByte() {
        let bytes = """
            # 2025-01-22 Wednesday

            - [ ] 09:00 - 09:15 Stand-up ⏫ ^aaaaa
            - [/] Send the ADR #arch 📅 2025-01-24 🔺 ^bbbbb
            - [x] Do exercises 🔼 🔁 every day when done ➕ 2023-07-01 🛫 2023-07-02 ⏳ 2023-07-03 📅 2023-07-04 ✅ 2023-07-05 ^ccccc
            - [-] Vendor call ❌ 2025-01-22   ^ddddd
              - [ ] Ask about 📅 dates ⏳️2025-01-30 ^eeeee
            - [>] Pay the invoice 📅 2025-01-20 → 2025-01-23 ^fffff
            - [ ] Block 🆔 abc123 ⛔ def456, ghi789 ^ggggg

            """
        let file = DayFile(bytes)
        #expect(file.bytes == Array(bytes.utf8))
        #expect(file.tasks.map(\.description) == ["Stand-up", "Send the ADR #arch", "Do exercises", "Vendor call", "Ask about 📅 dates",
                                                  "Pay the invoice", "Block"])
        #expect(file.tasks[4].fields.scheduled == day("2025-01-30"))
        #expect(file.tasks[6].fields.dependsOn == "def456,ghi789")
        for (index, task) in file.tasks.enumerated() {
            var rewritten = task
            rewritten.changeFields { _ in }
            #expect(rewritten == task, "task \(index)")
        }
    }

    @Test func changingAFieldRewritesTheLineInObsidiansOrderWithTheIDLast() {
        var task = TaskLine(line: "- [ ] Call Bob 📅 2025-01-24 #work ⏫ ^k7f3q")!
        task.changeFields { $0.due = day("2025-01-29") }
        #expect(task.rendered == "- [ ] Call Bob #work ⏫ 📅 2025-01-29 ^k7f3q")
        task.reword("Call Bob about the contract")
        #expect(task.rendered == "- [ ] Call Bob about the contract ⏫ 📅 2025-01-29 ^k7f3q")
    }

    @Test func overdueMeansDueBeforeTodayAndUnfinished() {
        let task = TaskLine(line: "- [ ] Send it 📅 2025-01-20 ^aaaaa")!
        #expect(task.isOverdue(on: day("2025-01-21")))
        #expect(!task.isOverdue(on: day("2025-01-20")))
        var done = task
        done.setState(.done)
        #expect(!done.isOverdue(on: day("2025-01-21")))
    }

    @Test func twoDueDatesKeepTheEarlierAndNoteTheOther() {
        let merged = TaskTextMerge.merge(base: "Send the ADR 📅 2025-01-24", ours: "Send the ADR 📅 2025-01-29", theirs: "Send the ADR 📅 2025-01-27")
        #expect(merged.text == "Send the ADR 📅 2025-01-27")
        #expect(merged.notes == ["due on another machine: 2025-01-29"])
    }

    @Test func aFieldChangedOnOneSideAndTheWordsOnTheOtherBothStay() {
        let merged = TaskTextMerge.merge(base: "Send the ADR 📅 2025-01-24", ours: "Send the ADR to platform 📅 2025-01-24",
                                         theirs: "Send the ADR ⏫ 📅 2025-01-27")
        #expect(merged.text == "Send the ADR to platform ⏫ 📅 2025-01-27")
        #expect(merged.notes.isEmpty)
    }

    @Test func twoRewordingsKeepOursAndNoteTheirsFieldsMergedApart() {
        let merged = TaskTextMerge.merge(base: "Send the ADR", ours: "Send the ADR today", theirs: "Mail the ADR 🔽")
        #expect(merged.text == "Send the ADR today 🔽")
        #expect(merged.notes == ["reworded on another machine as: Mail the ADR"])
    }

    @Test func theDayMergeWritesTheNoteUnderTheTask() {
        let base = DayFile("# 2025-01-22 Wednesday\n\n- [ ] Send the ADR 📅 2025-01-24 ^aaaaa\n")
        let ours = DayFile("# 2025-01-22 Wednesday\n\n- [ ] Send the ADR 📅 2025-01-29 ^aaaaa\n")
        let theirs = DayFile("# 2025-01-22 Wednesday\n\n- [x] Send the ADR 📅 2025-01-27 ^aaaaa\n")
        let merged = DayMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(String(decoding: merged.file.bytes, as: UTF8.self) ==
            "# 2025-01-22 Wednesday\n\n- [x] Send the ADR 📅 2025-01-27 ^aaaaa\n  > due on another machine: 2025-01-29\n")
    }

    @Test func aFieldChangeIsItsOwnEventInTheHistory() {
        let day = day("2025-01-22")
        let before = DayFile("# 2025-01-22 Wednesday\n\n- [ ] Send the ADR 📅 2025-01-24 ^aaaaa\n")
        let after = DayFile("# 2025-01-22 Wednesday\n\n- [ ] Send the ADR ⏫ 📅 2025-01-29 ^aaaaa\n")
        let events = CommitEvents.events(in: [.init(day: day, before: before, after: after)], commitDay: day) { _ in true }
        #expect(events.map(\.kind) == [.field, .field])
        #expect(events.map { "\($0.words!) \($0.from ?? "-") → \($0.to ?? "-")" } == ["priority - → high", "due 2025-01-24 → 2025-01-29"])
    }

    @Test(arguments: [
        // journal's layout: the marker before the fields, which Obsidian then reads.
        ("- [ ] Stand-up 🔁 ^stand ⏫ 📅 2025-01-24 ^own11", "Stand-up ⏫ 📅 2025-01-24", "- [ ] Stand-up 🔁 ^stand ⏫ 📅 2025-01-24 ^own11"),
        ("- [ ] Stand-up 🔁 ^stand #team ⏫ ^own11", "Stand-up #team ⏫", "- [ ] Stand-up 🔁 ^stand #team ⏫ ^own11"),
        // Fields alone, no words: the marker goes last, as it always did.
        ("- [ ] 🔁 ^stand ⏫ ^own11", "⏫", "- [ ] ⏫ 🔁 ^stand ^own11"),
        // Blanks between the words and the fields are kept (found by fuzzing).
        ("- [ ] Stand-up 🔁 ^stand \t ⏫ ^own11", "Stand-up \t ⏫", "- [ ] Stand-up 🔁 ^stand \t ⏫ ^own11"),
        ("- [ ] Stand-up 🔁 ^stand ⏫ #team ^own11", "Stand-up ⏫ #team", "- [ ] Stand-up 🔁 ^stand ⏫ #team ^own11"),
        // The layout before: the marker after the fields, read and written the new way.
        ("- [ ] Stand-up ⏫ 🔁 ^stand ^own11", "Stand-up ⏫", "- [ ] Stand-up 🔁 ^stand ⏫ ^own11"),
    ])
    func anOccurrencesMarkerGoesBeforeItsFields(_ line: String, _ text: String, _ rendered: String) throws {
        let task = try #require(TaskLine(line: line))
        #expect(task.occurrenceOf?.value == "stand")
        #expect(task.text == text)
        #expect(task.fields.priority == .high)
        #expect(task.rendered == rendered)
        #expect(TaskLine(line: rendered) == task)
    }

    @Test func anOccurrenceStaysOneWhenItsFieldsAreTakenAway() throws {
        for line in ["- [ ] Standup 🔁 ^toano #team ^nbgsb", "- [ ] Standup 🔁 ^toano ^nbgsb", "- [ ] Standup 🔁 ^toano #a #b ^nbgsb"] {
            let task = try #require(TaskLine(line: line))
            #expect(task.occurrenceOf?.value == "toano", "\(line)")
            #expect(task.rendered == line)
        }
    }

    @Test func dependsOnTakesIDsWithSpacesOnlyBesideCommas() {
        #expect(TaskText(parsing: "Blocked ⛔ abc1, def2").fields.dependsOn == "abc1,def2")
        let words = TaskText(parsing: "Blocked ⛔ waiting on legal")
        #expect(words.fields.dependsOn == nil && words.description == "Blocked ⛔ waiting on legal")
    }
}
