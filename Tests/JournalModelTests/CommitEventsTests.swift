@testable import JournalModel
import Testing

@Suite struct CommitEventsTests {
    let monday = Day(iso: "2025-01-13")!
    let tuesday = Day(iso: "2025-01-14")!

    func events(_ changes: [(Day, String?, String?)], known: Set<String> = [], commitDay: String = "2025-01-14") -> [String] {
        CommitEvents.events(in: changes.map { CommitEvents.Change(day: $0.0, before: $0.1.map(DayFile.init), after: $0.2.map(DayFile.init)) },
                            commitDay: Day(iso: commitDay)) { known.contains($0.value) }
            .map { "\($0.kind.rawValue) \($0.task) \($0.day) \($0.from ?? "-") \($0.to ?? "-")" }
    }

    @Test func aNewTaskIsCreatedOrScheduledAhead() {
        #expect(events([(tuesday, "", "- [ ] new ^aaaaa\n")]) == ["created aaaaa 2025-01-14 - open"])
        #expect(events([(tuesday, nil, "- [ ] later ^aaaaa\n")], commitDay: "2025-01-13") == ["scheduled aaaaa 2025-01-14 - open"])
        #expect(events([(tuesday, "", "- [ ] back ^aaaaa\n")], known: ["aaaaa"]) == ["restored aaaaa 2025-01-14 - open"])
    }

    @Test func statesRewordingsAndNesting() {
        let result = events([(tuesday, "- [ ] p ^ppppp\n- [ ] old words ^aaaaa\n", "- [ ] p ^ppppp\n  - [/] new words ^aaaaa\n")])
        #expect(result == ["state aaaaa 2025-01-14 open in-progress", "reworded aaaaa 2025-01-14 old words new words",
                           "renested aaaaa 2025-01-14 - ppppp"])
    }

    @Test func aCarryIsOneEventFromDayToDay() {
        let result = events([(monday, "- [ ] t ^aaaaa\n", "- [>] t → 2025-01-14 ^aaaaa\n"), (tuesday, nil, "- [ ] t ^aaaaa\n")])
        #expect(result == ["carried aaaaa 2025-01-14 2025-01-13 2025-01-14"])
    }

    @Test func aTaskCutFromOneDayAndPastedIntoAnotherMoves() {
        let result = events([(monday, "- [ ] t ^aaaaa\n", ""), (tuesday, "", "- [ ] t ^aaaaa\n")])
        #expect(result == ["moved aaaaa 2025-01-14 2025-01-13 2025-01-14"])
    }

    @Test func aRemovedTaskIsDeletedAndReorderingIsNoEvent() {
        #expect(events([(tuesday, "- [x] gone ^aaaaa\n", "")]) == ["deleted aaaaa 2025-01-14 done -"])
        #expect(events([(tuesday, "- [ ] a ^aaaaa\n- [ ] b ^bbbbb\n", "- [ ] b ^bbbbb\n- [ ] a ^aaaaa\n")]).isEmpty)
    }
}

/// Tasks written without an id (by plain Git, before the journal was adopted) have a history too.
@Suite struct UnnamedTaskEventsTests {
    @Test func aTaskWithoutAnIdIsFollowedAcrossDaysAndNamedWhenItGetsOne() throws {
        let tuesday = Day(iso: "2025-01-14")!, wednesday = Day(iso: "2025-01-15")!
        let created = CommitEvents.events(in: [.init(day: tuesday, before: nil, after: DayFile("- [ ] Write the postmortem\n"))],
                                          commitDay: tuesday) { _ in false }
        #expect(created.map(\.kind) == [.created])
        let unnamed = created[0].task
        #expect(unnamed.hasPrefix("~"))
        let carried = CommitEvents.events(in: [
            .init(day: tuesday, before: DayFile("- [ ] Write the postmortem\n"), after: DayFile("- [>] Write the postmortem → 2025-01-15 ^k7f3q\n")),
            .init(day: wednesday, before: nil, after: DayFile("- [ ] Write the postmortem ^k7f3q\n")),
        ], commitDay: wednesday) { _ in false }
        #expect(carried.map(\.kind) == [.named, .carried])
        #expect(carried[0].task == "k7f3q" && carried[0].from == unnamed)
    }
}
