@testable import JournalModel
import Testing

@Suite struct DayComparisonTests {
    let monday = Day(iso: "2025-01-13")!
    let tuesday = Day(iso: "2025-01-14")!

    func compare(_ before: String, _ after: String, whereabouts: [String: (String, TaskState)] = [:]) -> DayComparison {
        DayComparison(from: "FROM", to: "TO", before: DayFile(before), after: DayFile(after), toDay: tuesday) { id in
            whereabouts[id.value].map { DayComparison.Whereabouts(day: Day(iso: $0.0)!, state: $0.1) }
        }
    }

    func ids(_ items: [DayComparison.Item]) -> [String] { items.compactMap(\.id) }

    @Test func sortsTasksIntoSectionsByTheirEndStates() {
        let result = compare("""
            - [>] carried → 2025-01-14 ^aaaaa
            - [>] finished the next day → 2025-01-14 ^bbbbb
            - [ ] left standing ^ccccc
            - [>] given up next day → 2025-01-14 ^ddddd
            - [x] already done ^eeeee
            """, """
            - [/] carried ^aaaaa
            - [x] finished the next day ^bbbbb
            - [ ] left standing ^ccccc
            - [-] given up next day ^ddddd
            - [x] already done ^eeeee
            - [ ] brand new ^fffff
            - [x] new and done at once ^ggggg
            """)
        #expect(ids(result.carried) == ["aaaaa"])
        #expect(ids(result.done) == ["bbbbb", "ggggg"])
        #expect(ids(result.stillOpen) == ["ccccc"])
        #expect(ids(result.cancelled) == ["ddddd"])
        #expect(ids(result.new) == ["fffff"])
        #expect(result.dropped.isEmpty && result.moved.isEmpty && result.reworded.isEmpty)
        #expect(result.items(in: .done).count == 2 && result.items(in: .renested).isEmpty)
    }

    @Test func aTaskThatLeftIsDroppedMovedOrFinishedElsewhere() {
        let result = compare("""
            - [ ] forgotten ^aaaaa
            - [ ] postponed ^bbbbb
            - [ ] finished on another day ^ccccc
            - [>] carried but lost on the way → 2025-01-14 ^ddddd
            - [x] finished here ^eeeee
            """, "", whereabouts: [
                "aaaaa": ("2025-01-13", .open),
                "bbbbb": ("2025-02-01", .open),
                "ccccc": ("2025-01-20", .done),
            ])
        #expect(ids(result.dropped) == ["aaaaa", "ddddd"])
        #expect(ids(result.moved) == ["bbbbb"])
        #expect(result.moved.first?.day == "2025-02-01")
    }

    @Test func reportsRewordingWordByWordAndReNesting() {
        let result = compare("- [ ] parent ^aaaaa\n- [ ] Review the old module ^bbbbb\n", "- [ ] parent ^aaaaa\n  - [ ] Review the new auth module ^bbbbb\n")
        #expect(result.reworded.first?.words == "Review the [-old-] {+new auth+} module")
        #expect(result.reworded.first?.before == "Review the old module")
        #expect(result.renested.first?.parentBefore == nil)
        #expect(result.renested.first?.parentAfter == "aaaaa")
    }

    @Test func withinOneDayATaskCarriedAwayIsCarried() {
        let result = compare("- [ ] going ^aaaaa\n", "- [>] going → 2025-01-15 ^aaaaa\n")
        #expect(ids(result.carried) == ["aaaaa"])
        #expect(result.carried.first?.day == "2025-01-15")
    }

    @Test func theSameDayTwiceChangesNothing() {
        let text = "- [ ] a ^aaaaa\n- [x] b ^bbbbb\n"
        let result = compare(text, text)
        #expect(ids(result.stillOpen) == ["aaaaa"])
        #expect(result.done.isEmpty && result.new.isEmpty && result.dropped.isEmpty)
    }
}

@Suite struct WordDiffTests {
    @Test(arguments: [
        ("a b c", "a b c", "a b c"),
        ("a b c", "a x c", "a [-b-] {+x+} c"),
        ("", "new words", "{+new words+}"),
        ("old words", "", "[-old words-]"),
        ("Fix the bug", "Fix the nasty bug today", "Fix the {+nasty+} bug {+today+}"),
    ])
    func marksWhatChanged(_ old: String, _ new: String, _ expected: String) {
        #expect(WordDiff.marked(from: old, to: new) == expected)
    }
}

@Suite struct DayChangeSummaryTests {
    func day(_ lines: String) -> DayFile { DayFile(bytes: Array(("# 2025-01-15 Wednesday\n\n" + lines).utf8)) }

    @Test func countsWhatAnEditDidByKind() {
        let before = day("- [ ] Plan ^aaaaa\n- [ ] Call ^bbbbb\n- [ ] Gone ^ccccc\n")
        let after = day("- [/] Plan the quarter ^aaaaa\n- [x] Call ^bbbbb\n- [ ] New\n")
        #expect(DayChangeSummary(before: before, after: after).description == "1 added, 1 reworded, 1 started, 1 done, 1 removed")
        #expect(DayChangeSummary(before: before, after: day("- [ ] Plan ^aaaaa\n- [ ] Call ^bbbbb\n- [ ] Gone ^ccccc\nA note\n")).description == "notes changed")
        #expect(DayChangeSummary(before: nil, after: after).description == "3 added")
        #expect(DayChangeSummary(before: before, after: before).description == "")
    }
}
