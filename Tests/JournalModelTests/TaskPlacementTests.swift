@testable import JournalModel
import Testing

/// The cross-day rules of a merge, on the situations two machines produce when one starts a day
/// before it has synced.
@Suite struct TaskPlacementTests {
    let tuesday = Day(iso: "2025-01-21")!
    let wednesday = Day(iso: "2025-01-22")!
    let thursday = Day(iso: "2025-01-23")!

    func file(_ day: Day, _ tasks: String...) -> DayFile {
        DayFile(DayFile.heading(for: day) + "\n\n" + tasks.map { $0 + "\n" }.joined())
    }

    /// The whole merge, as sync makes it: by task within days, then across days.
    func sync(base: TaskPlacement.Days, ours: TaskPlacement.Days, theirs: TaskPlacement.Days) -> [Day: String] {
        JournalMerge.merge(base: base, ours: ours, theirs: theirs).days.compactMapValues { $0.map { String(decoding: $0.bytes, as: UTF8.self) } }
    }

    @Test func aFinishStaysOnItsDayAndTheCopyACarryMadeIsWithdrawn() {
        let base = [tuesday: file(tuesday, "- [ ] Write the ADR ^aaaaa", "- [ ] Other ^bbbbb")]
        let finished = [tuesday: file(tuesday, "- [x] Write the ADR ^aaaaa", "- [ ] Other ^bbbbb")]
        let carried = [tuesday: file(tuesday, "- [>] Write the ADR → 2025-01-22 ^aaaaa", "- [>] Other → 2025-01-22 ^bbbbb"),
                       wednesday: file(wednesday, "- [ ] Write the ADR ^aaaaa", "- [ ] Other ^bbbbb")]
        for (ours, theirs) in [(finished, carried), (carried, finished)] {
            let days = sync(base: base, ours: ours, theirs: theirs)
            #expect(days[tuesday] == "# 2025-01-21 Tuesday\n\n- [x] Write the ADR ^aaaaa\n- [>] Other → 2025-01-22 ^bbbbb\n")
            #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [ ] Other ^bbbbb\n")
        }
    }

    @Test func aFinishTwoCarriesBehindIsNotLost() {
        let base = [tuesday: file(tuesday, "- [ ] Send the signed contract ^aaaaa")]
        let finished = [tuesday: file(tuesday, "- [x] Send the signed contract ^aaaaa")]
        let carriedTwice = [tuesday: file(tuesday, "- [>] Send the signed contract → 2025-01-22 ^aaaaa"),
                            wednesday: file(wednesday, "- [>] Send the signed contract → 2025-01-23 ^aaaaa"),
                            thursday: file(thursday, "- [ ] Send the signed contract ^aaaaa")]
        let days = sync(base: base, ours: carriedTwice, theirs: finished)
        #expect(days[tuesday] == "# 2025-01-21 Tuesday\n\n- [x] Send the signed contract ^aaaaa\n")
        #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n")
        #expect(days[thursday] == "# 2025-01-23 Thursday\n\n")
    }

    @Test func twoCarriesToDifferentDaysStandOnTheLaterOne() {
        let base = [tuesday: file(tuesday, "- [ ] Update the docs ^aaaaa")]
        let toWednesday = [tuesday: file(tuesday, "- [>] Update the docs → 2025-01-22 ^aaaaa"),
                           wednesday: file(wednesday, "- [/] Update the docs ^aaaaa")]
        let toThursday = [tuesday: file(tuesday, "- [>] Update the docs → 2025-01-23 ^aaaaa"),
                          thursday: file(thursday, "- [ ] Update the docs ^aaaaa")]
        for (ours, theirs) in [(toWednesday, toThursday), (toThursday, toWednesday)] {
            let days = sync(base: base, ours: ours, theirs: theirs)
            #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [>] Update the docs → 2025-01-23 ^aaaaa\n")
            #expect(days[thursday] == "# 2025-01-23 Thursday\n\n- [/] Update the docs ^aaaaa\n", "the start made on Wednesday")
            #expect(days[tuesday]!.contains("- [>] Update the docs → 2025-01-2"))
        }
    }

    @Test func aRewordingOnTheOldDayReachesTheCarriedCopy() {
        let base = [tuesday: file(tuesday, "- [ ] Write the report ^aaaaa")]
        let reworded = [tuesday: file(tuesday, "- [/] Write the quarterly report for finance ^aaaaa")]
        let carried = [tuesday: file(tuesday, "- [>] Write the report → 2025-01-22 ^aaaaa"),
                       wednesday: file(wednesday, "- [ ] Write the report ^aaaaa")]
        let days = sync(base: base, ours: carried, theirs: reworded)
        #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [/] Write the quarterly report for finance ^aaaaa\n")
        #expect(days[tuesday] == "# 2025-01-21 Tuesday\n\n- [>] Write the quarterly report for finance → 2025-01-22 ^aaaaa\n")
    }

    @Test func twoRewordingsOnDifferentDaysKeepOursAndNoteTheirs() {
        let base = [tuesday: file(tuesday, "- [ ] Write the report ^aaaaa")]
        let reworded = [tuesday: file(tuesday, "- [ ] Write the finance report ^aaaaa")]
        let carried = [tuesday: file(tuesday, "- [>] Write the report → 2025-01-22 ^aaaaa"),
                       wednesday: file(wednesday, "- [ ] Write the Q3 report ^aaaaa")]
        let days = sync(base: base, ours: carried, theirs: reworded)
        #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [ ] Write the Q3 report ^aaaaa\n  > reworded on another machine as: Write the finance report\n")
    }

    @Test func aTaskDeletedOnOneSideAndOnlyCarriedOnTheOtherStaysDeleted() {
        let base = [tuesday: file(tuesday, "- [ ] Duplicate ^aaaaa", "- [ ] Keep ^bbbbb")]
        let deleted = [tuesday: file(tuesday, "- [ ] Keep ^bbbbb")]
        let carried = [tuesday: file(tuesday, "- [>] Duplicate → 2025-01-22 ^aaaaa", "- [>] Keep → 2025-01-22 ^bbbbb"),
                       wednesday: file(wednesday, "- [ ] Duplicate ^aaaaa", "- [ ] Keep ^bbbbb")]
        let days = sync(base: base, ours: deleted, theirs: carried)
        #expect(days[tuesday] == "# 2025-01-21 Tuesday\n\n- [>] Keep → 2025-01-22 ^bbbbb\n")
        #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [ ] Keep ^bbbbb\n")
    }

    @Test func repairMakesAnEarlierUnfinishedCopyAnArrowToTheFinish() {
        let days = [wednesday: file(wednesday, "- [ ] Update the docs ^aaaaa"), thursday: file(thursday, "- [x] Update the docs ^aaaaa")]
        let repaired = TaskPlacement.repair(days)
        #expect(repaired.changed == [wednesday: file(wednesday, "- [>] Update the docs → 2025-01-23 ^aaaaa")])
        #expect(repaired.redirected == [TaskPlacement.Move(id: TaskID("aaaaa")!, day: wednesday, standsOn: thursday)])
    }

    @Test func aConsistentJournalIsLeftByteForByte() {
        let days = [tuesday: file(tuesday, "- [X] Done ^ccccc", "- [>] Carried → 2025-01-22 ^aaaaa"),
                    wednesday: file(wednesday, "- [>] Carried → 2025-01-23 ^aaaaa", "-  [ ] odd ^bbbbb"),
                    thursday: file(thursday, "- [ ] Carried ^aaaaa")]
        #expect(TaskPlacement.repair(days) == TaskPlacement.Result())
    }

    @Test func anArrowPastTheDaysInViewIsLeftAlone() {
        let days = [tuesday: file(tuesday, "- [>] Carried → 2025-01-23 ^aaaaa"), wednesday: file(wednesday, "- [ ] Carried ^aaaaa")]
        #expect(TaskPlacement.repair(days).changed.isEmpty)
    }

    @Test func aTaskInTwoPlacesIsAProblemAtTheCopyThatShouldNotStand() {
        let split = [wednesday: file(wednesday, "- [ ] Update the docs ^aaaaa"), thursday: file(thursday, "- [ ] Update the docs ^aaaaa")]
        #expect(TaskPlacement.problems(in: split, layout: .standard).map(\.description) == [
            "2025/01/2025-01-22.md:3: task ^aaaaa also stands unfinished on 2025-01-23: the next 'journal new' makes this copy an arrow to it",
        ])
        let finished = [wednesday: file(wednesday, "- [x] Update the docs ^aaaaa"), thursday: file(thursday, "- [ ] Update the docs ^aaaaa")]
        #expect(TaskPlacement.problems(in: finished, layout: .standard).map(\.line) == [3])
        #expect(TaskPlacement.problems(in: finished, layout: .standard).first?.path == "2025/01/2025-01-23.md")
    }

    @Test func anArrowToADayWithoutTheTaskIsAProblem() {
        let days = [tuesday: file(tuesday, "- [>] Deleted later → 2025-01-22 ^aaaaa"), wednesday: file(wednesday, "- [ ] Other ^bbbbb")]
        #expect(TaskPlacement.problems(in: days, layout: .standard).map(\.description) == [
            "2025/01/2025-01-21.md:3: task ^aaaaa is carried to 2025-01-22, which does not have it (deleted there by hand?)",
        ])
    }

    /// Found in review: a cancel on the later copy must not turn the earlier `[x]` into an arrow.
    @Test func aDoneAndACancelOnDifferentDaysKeepTheEarlierFinish() {
        let base = [tuesday: file(tuesday, "- [ ] Write the ADR ^aaaaa")]
        let done = [tuesday: file(tuesday, "- [x] Write the ADR ^aaaaa")]
        let cancelledLater = [tuesday: file(tuesday, "- [>] Write the ADR → 2025-01-22 ^aaaaa"),
                              wednesday: file(wednesday, "- [-] Write the ADR ^aaaaa")]
        for (ours, theirs) in [(done, cancelledLater), (cancelledLater, done)] {
            let days = sync(base: base, ours: ours, theirs: theirs)
            #expect(days[tuesday]!.contains("- [") && !days[tuesday]!.contains("[>]"), "\(days)")
            #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n")
        }
    }

    @Test func aWithdrawnCopyWithSubtasksStaysAsAnArrowSoTheyKeepTheirPlace() {
        let base = [tuesday: file(tuesday, "- [ ] Deploy #ops ^ddddd", "- [ ] Review ^aaaaa")]
        let finished = [tuesday: file(tuesday, "- [ ] Deploy #ops ^ddddd", "- [x] Review ^aaaaa")]
        let carried = [tuesday: file(tuesday, "- [>] Deploy #ops → 2025-01-22 ^ddddd", "- [>] Review → 2025-01-22 ^aaaaa"),
                       wednesday: file(wednesday, "- [ ] Deploy #ops ^ddddd", "- [ ] Review ^aaaaa", "  - [ ] Fix the tests ^ccccc")]
        let days = sync(base: base, ours: carried, theirs: finished)
        #expect(days[tuesday]!.contains("- [x] Review ^aaaaa\n"))
        #expect(days[wednesday] == "# 2025-01-22 Wednesday\n\n- [ ] Deploy #ops ^ddddd\n- [>] Review → 2025-01-21 ^aaaaa\n  - [ ] Fix the tests ^ccccc\n")
    }

    @Test func anOldArrowThroughADayNeitherSideChangedIsLeftAsItIs() {
        let monday = Day(iso: "2025-01-20")!
        let base = [monday: file(monday, "- [>] Task → 2025-01-21 ^aaaaa", "Notes")]
        let ours = [monday: file(monday, "- [>] Task → 2025-01-21 ^aaaaa", "Notes, more")]
        let theirs = [monday: file(monday, "- [>] Task → 2025-01-21 ^aaaaa", "Notes"), wednesday: file(wednesday, "- [x] Task ^aaaaa")]
        #expect(sync(base: base, ours: ours, theirs: theirs)[monday]!.contains("- [>] Task → 2025-01-21 ^aaaaa\n"))
    }

    /// Found trying two machines: one rewords on Monday and carries to Tuesday; the other carries
    /// Monday to Tuesday unchanged. Tuesday alone looks like two rewordings; the task does not.
    @Test func aRewordingNoteIsNotLeftWhereOnlyOneSideReworded() {
        let monday = Day(iso: "2025-01-20")!
        let base = [monday: file(monday, "- [ ] Review the module ^aaaaa")]
        let reworded = [monday: file(monday, "- [>] Review the module with Bob → 2025-01-21 ^aaaaa"),
                        tuesday: file(tuesday, "- [ ] Review the module with Bob ^aaaaa")]
        let carried = [monday: file(monday, "- [>] Review the module → 2025-01-21 ^aaaaa"),
                       tuesday: file(tuesday, "- [ ] Review the module ^aaaaa")]
        let days = sync(base: base, ours: carried, theirs: reworded)
        #expect(days[tuesday] == "# 2025-01-21 Tuesday\n\n- [ ] Review the module with Bob ^aaaaa\n")
    }
}
