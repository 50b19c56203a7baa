@testable import JournalModel
import Testing

@Suite struct DayMergeTests {
    func merge(_ base: String?, _ ours: String, _ theirs: String) -> String {
        String(decoding: DayMerge.merge(base: base.map(DayFile.init), ours: DayFile(ours), theirs: DayFile(theirs)).file.bytes, as: UTF8.self)
    }

    let base = "# 2025-01-15 Wednesday\n\n- [ ] Stand-up ^aaaaa\n- [ ] Review the module ^bbbbb\n- [ ] Write docs ^ccccc\n\nNotes\n"

    @Test func anUnchangedSideGivesTheOtherSideByteForByte() {
        let changed = base.replacingOccurrences("- [ ] Stand-up", "- [x] Stand-up") + "more notes   \r\n"
        #expect(merge(base, base, changed) == changed)
        #expect(merge(base, changed, base) == changed)
        #expect(merge(base, changed, changed) == changed)
    }

    @Test func bothMachinesStartingTheSameDayGiveOneCopyOfEachTask() {
        let day = "# 2025-01-15 Wednesday\n\n- [ ] Carried ^aaaaa\n- [/] Also carried ^bbbbb\n"
        #expect(merge(nil, day, day) == day)
        #expect(merge(nil, day, day + "- [ ] Added there ^ddddd\n") == day + "- [ ] Added there ^ddddd\n")
    }

    @Test func doneOnOneSideAndRewordedOnTheOtherKeepsBoth() {
        let ours = base.replacingOccurrences("- [ ] Review the module", "- [x] Review the module")
        let theirs = base.replacingOccurrences("Review the module", "Review the auth module")
        #expect(merge(base, ours, theirs).contains("- [x] Review the auth module ^bbbbb\n"))
    }

    @Test func twoStateChangesGoToTheFurthestAlong() {
        let ours = base.replacingOccurrences("- [ ] Stand-up", "- [/] Stand-up")
        let theirs = base.replacingOccurrences("- [ ] Stand-up", "- [x] Stand-up")
        #expect(merge(base, ours, theirs).contains("- [x] Stand-up ^aaaaa\n"))
        #expect(merge(base, theirs, ours).contains("- [x] Stand-up ^aaaaa\n"))
        let carried = base.replacingOccurrences("- [ ] Stand-up", "- [>] Stand-up → 2025-01-16")
        #expect(merge(base, ours, carried).contains("- [>] Stand-up → 2025-01-16 ^aaaaa\n"))
    }

    @Test func aFinishAgainstACarryStaysOnTheDayItWasMade() {
        let done = base.replacingOccurrences("- [ ] Stand-up", "- [x] Stand-up")
        let carried = base.replacingOccurrences("- [ ] Stand-up", "- [>] Stand-up → 2025-01-16")
        for (ours, theirs) in [(done, carried), (carried, done)] {
            #expect(merge(base, ours, theirs).contains("- [x] Stand-up ^aaaaa\n"))
        }
    }

    @Test func twoRewordingsKeepOursAndRecordTheirsBeneath() {
        let ours = base.replacingOccurrences("Write docs", "Write the ingestion docs")
        let theirs = base.replacingOccurrences("Write docs", "Write docs for the API")
        let result = merge(base, ours, theirs)
        #expect(result.contains("- [ ] Write the ingestion docs ^ccccc\n  > reworded on another machine as: Write docs for the API\n"))
        #expect(!result.contains("<<<<<<<") && !result.contains(">>>>>>>"))
    }

    @Test func aDeletedTaskStaysDeletedUnlessTheOtherSideChangedIt() {
        let withoutDocs = base.replacingOccurrences("- [ ] Write docs ^ccccc\n", "")
        #expect(merge(base, base, withoutDocs) == withoutDocs)
        let docsDone = base.replacingOccurrences("- [ ] Write docs", "- [x] Write docs")
        #expect(merge(base, docsDone, withoutDocs).contains("- [x] Write docs ^ccccc\n"))
        #expect(merge(base, withoutDocs, docsDone).contains("- [x] Write docs ^ccccc\n"))
    }

    @Test func tasksAndNotesAddedOnBothSidesAreAllKeptInPlace() {
        let ours = base.replacingOccurrences("- [ ] Write docs ^ccccc\n", "- [ ] Write docs ^ccccc\n- [ ] Ours new ^ooooo\n") + "Our note\n"
        let theirs = base.replacingOccurrences("- [ ] Write docs ^ccccc\n", "- [ ] Write docs ^ccccc\n- [ ] Theirs new ^ttttt\n") + "Their note\n"
        let result = merge(base, ours, theirs)
        #expect(result == "# 2025-01-15 Wednesday\n\n- [ ] Stand-up ^aaaaa\n- [ ] Review the module ^bbbbb\n- [ ] Write docs ^ccccc\n"
            + "- [ ] Ours new ^ooooo\n- [ ] Theirs new ^ttttt\n\nNotes\nOur note\nTheir note\n")
    }

    @Test func everyTaskOfEitherSideSurvivesUnlessDeletedOnTheOtherUnchanged() {
        let ours = "- [x] a ^aaaaa\n- [ ] b ^bbbbb\n- [ ] o ^ooooo\n"
        let theirs = "- [ ] a2 ^aaaaa\n- [ ] t ^ttttt\n- [/] b ^bbbbb\n"
        let result = DayMerge.merge(base: DayFile("- [ ] a ^aaaaa\n- [ ] b ^bbbbb\n"), ours: DayFile(ours), theirs: DayFile(theirs)).file
        #expect(Set(result.tasks.compactMap { $0.id?.value }) == ["aaaaa", "bbbbb", "ooooo", "ttttt"])
    }
}
