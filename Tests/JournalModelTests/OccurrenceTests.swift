@testable import JournalModel
import Testing

/// Occurrences of the day template's tasks on the days: how they read, carry and merge.
@Suite struct OccurrenceTests {
    let friday = Day(iso: "2026-12-04")!
    let monday = Day(iso: "2026-12-07")!

    func text(_ file: DayFile) -> String { String(decoding: file.bytes, as: UTF8.self) }

    struct Written: Sendable {
        let line: String
        let text: String
        var rule: String?
        var id: String?
        var carried: String?
    }

    @Test(arguments: [
        Written(line: "- [ ] Stand-up 🔁 ^stand ^own11", text: "Stand-up", rule: "stand", id: "own11"),
        Written(line: "- [ ] Stand-up 🔁 ^stand", text: "Stand-up", rule: "stand"),
        Written(line: "- [>] Runbook 🔁 ^runbk → 2026-12-07 ^own22", text: "Runbook", rule: "runbk", id: "own22", carried: "2026-12-07"),
        Written(line: "- [ ] Stand-up 🔁 every weekday ^stand", text: "Stand-up 🔁 every weekday", id: "stand"),
    ])
    func anOccurrenceNamesItsTemplateTaskBeforeItsOwnID(_ written: Written) throws {
        let task = try #require(TaskLine(line: written.line))
        #expect(task.text == written.text)
        #expect(task.occurrenceOf?.value == written.rule)
        #expect(task.id?.value == written.id)
        #expect(task.carriedTo?.iso == written.carried)
        #expect(task.rendered == written.line)
    }

    @Test func anUnfinishedOccurrenceIsClosedAsMissedNotCarried() {
        let source = DayFile("# 2026-12-04 Friday\n\n- [ ] Stand-up 🔁 ^stand ^aaaaa\n  - [ ] Follow up on the outage ^bbbbb\n- [ ] Send the ADR ^ccccc\n")
        let result = CarryForward.carry(from: [(friday, source)], into: DayFile.new(for: monday), on: monday)
        #expect(text(result.changedSources[friday]!) ==
            "# 2026-12-04 Friday\n\n- [-] Stand-up 🔁 ^stand ^aaaaa\n  - [>] Follow up on the outage → 2026-12-07 ^bbbbb\n- [>] Send the ADR → 2026-12-07 ^ccccc\n")
        #expect(text(result.target) == "# 2026-12-07 Monday\n\n- [ ] Follow up on the outage ^bbbbb\n- [ ] Send the ADR ^ccccc\n")
        #expect(result.missed == [friday: [TaskID("aaaaa")!]])
    }

    @Test func anOccurrenceOfAWhenDoneRuleCarries() {
        let source = DayFile("# 2026-12-04 Friday\n\n- [ ] Runbook 🔁 ^runbk ^aaaaa\n")
        let result = CarryForward.carry(from: [(friday, source)], into: DayFile.new(for: monday), on: monday, carriedTemplateTasks: [TaskID("runbk")!])
        #expect(text(result.target) == "# 2026-12-07 Monday\n\n- [ ] Runbook 🔁 ^runbk ^aaaaa\n")
        #expect(result.missed.isEmpty)
    }

    @Test func carriedTasksGoUnderTheCarryHeadingBeforeTheNextSection() {
        let target = DayFile("# 2026-12-07 Monday\n\n## Meetings\n\n- [ ] Stand-up 🔁 ^stand\n\n## Carried\n\n## Notes\n\nA note\n")
        let source = DayFile("- [ ] Send the ADR ^ccccc\n")
        let result = CarryForward.carry(from: [(friday, source)], into: target, on: monday, underHeading: "## Carried")
        #expect(text(result.target) ==
            "# 2026-12-07 Monday\n\n## Meetings\n\n- [ ] Stand-up 🔁 ^stand\n\n## Carried\n\n- [ ] Send the ADR ^ccccc\n\n## Notes\n\nA note\n")
        let again = CarryForward.carry(from: [(friday, DayFile("- [ ] Review the runbook ^ddddd\n"))], into: result.target, on: monday, underHeading: "## Carried")
        #expect(text(again.target).contains("## Carried\n\n- [ ] Send the ADR ^ccccc\n- [ ] Review the runbook ^ddddd\n\n## Notes\n"))
    }

    @Test func aMissingCarryHeadingIsAddedAtTheEnd() {
        let source = DayFile("- [ ] Send the ADR ^ccccc\n")
        let result = CarryForward.carry(from: [(friday, source)], into: DayFile("# 2026-12-07 Monday\n\nA note\n"), on: monday, underHeading: "## Carried")
        #expect(text(result.target) == "# 2026-12-07 Monday\n\nA note\n\n## Carried\n\n- [ ] Send the ADR ^ccccc\n")
    }

    /// Both machines started Monday from the same template: each wrote its own occurrences.
    @Test func twoMachinesOccurrencesOfOneTemplateTaskMergeIntoOneWhateverTheOrder() {
        let first = DayFile("# 2026-12-07 Monday\n\n- [ ] Stand-up 🔁 ^stand ^aaaaa\n- [ ] Plan 🔁 ^plann ^ppppp\n- [ ] Mine ^mmmmm\n")
        let second = DayFile("# 2026-12-07 Monday\n\n- [x] Stand-up 🔁 ^stand ^zzzzz\n- [ ] Plan 🔁 ^plann ^bbbbb\n- [ ] Theirs ^ttttt\n")
        let oneWay = DayMerge.merge(base: nil, ours: first, theirs: second).file
        let otherWay = DayMerge.merge(base: nil, ours: second, theirs: first).file
        for merged in [oneWay, otherWay] {
            // The done one is kept; of two alike, the smaller id.
            #expect(merged.tasks.filter { $0.occurrenceOf != nil }.compactMap(\.id?.value).sorted() == ["bbbbb", "zzzzz"])
            #expect(Set(merged.tasks.compactMap(\.id?.value)) == ["bbbbb", "zzzzz", "mmmmm", "ttttt"])
        }
    }

    @Test func anOccurrenceDoneOutranksTheSameOneClosedAsMissedElsewhere() {
        let base = DayFile("- [ ] Stand-up 🔁 ^stand ^aaaaa\n")
        let missed = DayFile("- [-] Stand-up 🔁 ^stand ^aaaaa\n")
        let done = DayFile("- [x] Stand-up 🔁 ^stand ^aaaaa\n")
        #expect(DayMerge.merge(base: base, ours: missed, theirs: done).file.tasks.map(\.state) == [.done])
        #expect(DayMerge.merge(base: base, ours: done, theirs: missed).file.tasks.map(\.state) == [.done])
    }

    @Test func recurringSummariesCountDoneMissedAndTheStreak() {
        let days = ["2026-11-30": "x", "2026-12-01": "-", "2026-12-02": "x", "2026-12-03": "x", "2026-12-04": " "]
        let files = days.keys.sorted().enumerated().map { index, iso in
            (day: Day(iso: iso)!, file: DayFile("- [\(days[iso]!)] Stand-up 🔁 ^stand ^occ0\(index)\n- [x] Other ^other\n"))
        }
        let summaries = RecurringSummary.summaries(of: TaskTimeline(files).lives)
        #expect(summaries == [RecurringSummary(templateTask: "stand", text: "Stand-up", occurrences: 5, done: 3, missed: 1, streak: 2)])
        #expect(summaries[0].description == "Stand-up: 3 of 5 done, 1 missed")
    }
}

/// What review and fuzzing found in occurrences.
@Suite struct OccurrenceFindingsTests {
    let monday = Day(iso: "2026-12-07")!
    let tuesday = Day(iso: "2026-12-08")!

    /// Found by review: one machine ticked it, the other started the next day and closed its own
    /// copy as missed; the tick must win whatever the ids.
    @Test func aDoneOccurrenceOutranksTheOtherMachinesMissedCopyOfIt() {
        let done = DayFile("- [x] Stand-up 🔁 ^stand ^zzzzz\n")
        let missed = DayFile("- [-] Stand-up 🔁 ^stand ^aaaaa\n")
        for (ours, theirs) in [(done, missed), (missed, done)] {
            let merged = DayMerge.merge(base: nil, ours: ours, theirs: theirs)
            #expect(merged.file.tasks.map(\.id?.value) == ["zzzzz"])
            #expect(merged.sameOccurrences == [DayMerge.SameOccurrence(dropped: TaskID("aaaaa")!, kept: TaskID("zzzzz")!)])
        }
    }

    /// Found by fuzzing: a task pasted with the id of an occurrence left out stays.
    @Test func aPastedTaskSharingTheLeftOutOccurrencesIDStays() {
        let ours = DayFile("- [ ] Pasted ^aaaaa\n- [ ] Stand-up 🔁 ^stand ^aaaaa\n")
        let theirs = DayFile("- [x] Stand-up 🔁 ^stand ^zzzzz\n")
        #expect(DayMerge.merge(base: nil, ours: ours, theirs: theirs).file.tasks.map(\.text) == ["Pasted", "Stand-up"])
    }

    /// Found by review: a `when done` occurrence one machine carried to the next day, the other
    /// ticked: the carried copy goes with the occurrence left out.
    @Test func theCarriedCopyOfAnOccurrenceLeftOutIsWithdrawn() {
        let ours: TaskPlacement.Days = [
            monday: DayFile("# 2026-12-07 Monday\n\n- [x] Runbook 🔁 ^runbk ^aaaaa\n"),
        ]
        let theirs: TaskPlacement.Days = [
            monday: DayFile("# 2026-12-07 Monday\n\n- [>] Runbook 🔁 ^runbk → 2026-12-08 ^bbbbb\n"),
            tuesday: DayFile("# 2026-12-08 Tuesday\n\n- [ ] Runbook 🔁 ^runbk ^bbbbb\n- [ ] Other ^ccccc\n"),
        ]
        for (one, other) in [(ours, theirs), (theirs, ours)] {
            let merged = JournalMerge.merge(base: [:], ours: one, theirs: other)
            #expect(merged.days[monday]??.tasks.map(\.id?.value) == ["aaaaa"])
            #expect(merged.days[tuesday]??.tasks.map(\.id?.value) == ["ccccc"])
            #expect(merged.sameOccurrences == [JournalMerge.SameOccurrence(day: monday, dropped: TaskID("bbbbb")!, kept: TaskID("aaaaa")!)])
        }
    }

    /// Found by fuzzing: two spaces between the sign and the caret read as an id after a text
    /// ending in the sign, which is written back as an occurrence.
    @Test func twoSpacesAfterTheSignStillMarkAnOccurrence() throws {
        let task = try #require(TaskLine(line: "- [ ] Stand-up 🔁  ^stand ^aaaaa"))
        #expect(task.occurrenceOf?.value == "stand")
        #expect(task.id?.value == "aaaaa")
        #expect(TaskLine(line: task.rendered) == task)
        let withoutOwnID = try #require(TaskLine(line: "- [ ] Stand-up 🔁  ^stand"))
        #expect(withoutOwnID.occurrenceOf?.value == "stand" && withoutOwnID.id == nil)
        #expect(TaskLine(line: withoutOwnID.rendered) == withoutOwnID)
    }

    @Test func aTemplateWithCRLFEndingsStartsADayWithCRLFEndings() {
        let template = DayTemplate(DayFile("## Meetings\r\n\r\n- [ ] Stand-up ^stand\r\n"))
        let day = template.start(nil, on: monday, skipping: [])
        #expect(String(decoding: day.bytes, as: UTF8.self) == "# 2026-12-07 Monday\r\n\r\n## Meetings\r\n\r\n- [ ] Stand-up 🔁 ^stand\r\n")
    }

    @Test func aFieldWithoutAValueKeepsOneSpaceAndTwoRulesAreAProblem() {
        let template = DayTemplate(DayFile("- [ ] Report ⏫ 📅 2026-12-31 🔁 every day ^repor\n- [ ] Twice 🔁 every day 🔁 every weekday ^twice\n"))
        #expect(template.tasks[0].text == "Report ⏫ 📅 2026-12-31")
        #expect(template.problems.map(\.description) == ["templates/day.md:2: a task of the day template has one rule; this one has 2"])
    }

    @Test func aTemplateTaskSharingADayTasksIDGetsAFreshOne() throws {
        let template = DayTemplate(DayFile("- [ ] Pasted from a day 🔁 every day ^dayid\n- [ ] Own ^ownid\n"))
        let identified = try #require(template.identified(isTaken: { $0.value == "dayid" }) { _ in TaskID("fresh")! })
        #expect(identified.tasks.map(\.id?.value) == ["fresh", "ownid"])
    }

    @Test func nextFollowsTheRulesOfTheTasksAbove() {
        let template = DayTemplate(DayFile("- [ ] Weekly 🔁 every week on friday ^weekl\n  - [ ] Part ^partt\n- [ ] Broken 🔁 every fortnight ^broke\n"))
        #expect(template.next(template.tasks[1], onOrAfter: monday) == Day(iso: "2026-12-11"))
        #expect(!template.isReadable(template.tasks[2]))
        #expect(template.next(template.tasks[2], onOrAfter: monday) == nil)
    }
}
