@testable import JournalModel
import Testing

@Suite struct CarryForwardTests {
    let monday = Day(iso: "2025-01-13")!
    let tuesday = Day(iso: "2025-01-14")!
    let friday = Day(iso: "2025-01-10")!

    func carry(_ sources: [(Day, String)], into target: String? = nil) -> CarryForward.Result {
        CarryForward.carry(from: sources.map { ($0.0, DayFile($0.1)) }, into: target.map(DayFile.init) ?? DayFile.new(for: tuesday), on: tuesday)
    }

    @Test func copiesUnfinishedTasksAndMarksThemCarriedWhereTheyWere() {
        let result = carry([(monday, "# 2025-01-13 Monday\n\n- [ ] open ^aaaaa\n- [/] started ^bbbbb\n- [x] done ^ccccc\n- [-] dropped ^ddddd\nA note\n")])
        #expect(String(decoding: result.target.bytes, as: UTF8.self) == "# 2025-01-14 Tuesday\n\n- [ ] open ^aaaaa\n- [/] started ^bbbbb\n")
        #expect(String(decoding: result.changedSources[monday]!.bytes, as: UTF8.self) ==
            "# 2025-01-13 Monday\n\n- [>] open → 2025-01-14 ^aaaaa\n- [>] started → 2025-01-14 ^bbbbb\n- [x] done ^ccccc\n- [-] dropped ^ddddd\nA note\n")
        #expect(result.carried == [monday: [TaskID("aaaaa")!, TaskID("bbbbb")!]])
    }

    @Test func aFinishedChildStaysBehindAndItsUnfinishedParentCarries() {
        let result = carry([(monday, "- [ ] parent ^aaaaa\n  - [x] finished child ^bbbbb\n  - [ ] open child ^ccccc\n    - [ ] grandchild ^ddddd\n")])
        #expect(String(decoding: result.target.bytes, as: UTF8.self).hasSuffix("- [ ] parent ^aaaaa\n  - [ ] open child ^ccccc\n    - [ ] grandchild ^ddddd\n"))
        #expect(result.changedSources[monday]!.tasks.map(\.state) == [.carried, .done, .carried, .carried])
    }

    @Test func anUnfinishedChildOfAFinishedParentMovesToTheTopLevel() {
        let result = carry([(monday, "- [x] parent ^aaaaa\n  - [ ] child ^bbbbb\n")])
        #expect(result.target.entries.map(\.depth) == [0])
        #expect(result.target.tasks.map(\.id) == [TaskID("bbbbb")])
    }

    @Test func carriesOlderDaysTooOldestFirst() {
        let result = carry([(monday, "- [ ] from monday ^bbbbb\n"), (friday, "- [ ] from friday ^aaaaa\n")])
        #expect(result.target.tasks.map(\.text) == ["from friday", "from monday"])
        #expect(result.carriedCount == 2)
    }

    @Test func isIdempotentAndMergesIntoADayThatAlreadyHasTheTasks() {
        let first = carry([(monday, "- [ ] open ^aaaaa\n")], into: "# 2025-01-14 Tuesday\n\n- [ ] added ahead ^zzzzz\n")
        #expect(first.target.tasks.map(\.text) == ["added ahead", "open"])
        let again = CarryForward.carry(from: [(monday, first.changedSources[monday]!)], into: first.target, on: tuesday)
        #expect(again.target == first.target)
        #expect(again.changedSources.isEmpty)
        // The same task still open on the source (both machines ran `new`): marked carried, not copied.
        let rerun = CarryForward.carry(from: [(monday, DayFile("- [ ] open ^aaaaa\n"))], into: first.target, on: tuesday)
        #expect(rerun.target == first.target)
        #expect(rerun.alreadyPresent == 1)
        #expect(rerun.changedSources[monday]!.tasks[0].state == .carried)
    }

    @Test func carriesNoNotesAndLeavesNotesOfTheSourceAlone() {
        let source = "Meeting notes\n- plain bullet\n- [ ] task ^aaaaa\n  indented note\n"
        let result = carry([(monday, source)])
        #expect(result.target.tasks.count == 1)
        #expect(DayView(day: tuesday, file: result.target, path: DayLayout.standard.path(for: tuesday)).notes.isEmpty)
        #expect(String(decoding: result.changedSources[monday]!.bytes, as: UTF8.self) ==
            "Meeting notes\n- plain bullet\n- [>] task → 2025-01-14 ^aaaaa\n  indented note\n")
    }
}
