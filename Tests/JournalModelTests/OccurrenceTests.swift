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
        let result = CarryForward.carry(from: [(friday, source)], into: DayFile.new(for: monday), on: monday, carryingRules: [TaskID("runbk")!])
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
        #expect(summaries == [RecurringSummary(rule: "stand", text: "Stand-up", occurrences: 5, done: 3, missed: 1, streak: 2)])
        #expect(summaries[0].description == "Stand-up: 3 of 5 done, 1 missed")
    }
}
