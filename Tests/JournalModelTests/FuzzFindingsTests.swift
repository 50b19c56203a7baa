@testable import JournalModel
import Testing

/// Inputs the fuzzer (Fuzz/run.sh) found that broke a property, kept as regression tests.
@Suite struct FuzzFindingsTests {
    @Test(arguments: ["- [ ]  ", "- [x] \t", "- [ ] "])
    func anEmptyTaskKeepsItsTrailingWhiteSpaceWhenRenderedAnew(_ line: String) throws {
        let task = try #require(TaskLine(line: line))
        #expect(task.rendered == line)
        var done = task
        done.setState(.done)
        #expect(done.rendered == "- [x]" + line.dropFirst(5))
    }

    @Test func mergingAFileWithItselfKeepsPastedCopiesOfATaskAsTheyAre() {
        let file = DayFile("- [ ] Dup ^ccccc\n- [x] Dup again ^ccccc\n")
        #expect(DayMerge.merge(base: nil, ours: file, theirs: file).file == file)
        let base = DayFile("- [ ] A ^ccccc\n- [ ] B ^ccccc\n")
        #expect(DayMerge.merge(base: base, ours: DayFile("note\n"), theirs: base).file == DayFile("note\n"))
    }

    /// A lone `\r` ends a line, as in CommonMark, and is the file's line ending then.
    @Test func aLastLineEndingInACarriageReturnKeepsItsIdWhenATaskIsAddedAfterIt() throws {
        var file = DayFile("- [>] ^kkkkk\r")
        #expect(file.tasks.map(\.id) == [TaskID("kkkkk")])
        file.appendTasks([TaskLine(state: .open, text: "Next")])
        #expect(file.bytes == Array("- [>] ^kkkkk\r- [ ] Next\r".utf8))
        #expect(DayFile(bytes: file.bytes).tasks.map(\.id) == [TaskID("kkkkk"), nil])
    }

    /// `- [ ]` and a line ending is text to GitHub, whichever the ending, before and after a task is added.
    @Test func anEmptyBoxBeforeALastCarriageReturnIsTextBeforeAndAfterATaskIsAdded() throws {
        var file = DayFile("- [ ]\r")
        #expect(file.tasks.isEmpty)
        file.appendTasks([TaskLine(state: .open, text: "Next")])
        #expect(file.bytes == Array("- [ ]\r\r- [ ] Next\r".utf8))
        #expect(DayFile(bytes: file.bytes).tasks.map(\.text) == ["Next"])
    }

    @Test func anIdWrittenBeforeACarryDateIsTheIdSoAStateChangeKeepsTheText() throws {
        let task = try #require(TaskLine(line: "- [>] →2025-01-03 ^car01→2025-01-03"))
        #expect(task.id == TaskID("car01") && task.carriedTo == Day(iso: "2025-01-03") && task.text == "→2025-01-03")
        var reopened = task
        reopened.setState(.open)
        #expect(TaskLine(line: reopened.rendered) == reopened)
    }

    /// U+0600 (ARABIC NUMBER SIGN) joins the space after it into one Character.
    @Test func aTaskWhoseTextEndsInAPrependCharacterKeepsItsIdAndCarryDate() throws {
        var task = TaskLine(state: .open, text: "Pay \u{600}", id: TaskID("abcde"))
        #expect(TaskLine(line: task.rendered) == task)
        task.setState(.carried)
        task.carriedTo = Day(iso: "2025-01-16")
        let reread = try #require(TaskLine(line: task.rendered))
        #expect(reread == task)
        #expect(reread.text == "Pay \u{600}")
    }

    @Test func aCarryDateOursRemovedStaysRemovedWhenTheirsLeftItAlone() {
        let base = DayFile("- [>] →2025-01-02 ^car01\n")
        let ours = DayFile("- [>] ^car01")
        #expect(DayMerge.merge(base: base, ours: ours, theirs: base).file == ours)
    }

    /// One side deleted a parent, the other changed its subtask: indented by a tab with no parent
    /// above, the subtask would be code to GitHub, so the merge moves it to the top level.
    @Test func aSubtaskWhoseParentTheOtherSideDeletedStaysATask() {
        let base = DayFile("# 2025-01-15 Wednesday\n\n- [ ] Parent ^par01\n\t- [ ] Child ^chi01\n")
        let ours = DayFile("# 2025-01-15 Wednesday\n\n- [ ] Parent ^par01\n\t- [/] Child ^chi01\n")
        let theirs = DayFile("# 2025-01-15 Wednesday\n\nA note instead\n")
        let merged = DayMerge.merge(base: base, ours: ours, theirs: theirs).file
        #expect(String(decoding: merged.bytes, as: UTF8.self) == "# 2025-01-15 Wednesday\n\nA note instead\n- [/] Child ^chi01\n")
        #expect(merged.tasks.map(\.id) == [TaskID("chi01")])
    }

    /// A line ending in a lone CR, put before an empty line ending in LF, would read back as one
    /// line ending in CR LF: the empty line then ends in CR LF.
    @Test func aLineEndingInACarriageReturnStaysApartFromAnEmptyLineAfterIt() {
        var file = DayFile("# 2025-01-15 Wednesday\r- [ ] a\r\ntext\n")
        file.appendTasks([TaskLine(state: .open, text: "b")])
        let reread = DayFile(bytes: file.bytes)
        #expect(reread.lines.count == file.lines.count)
        #expect(reread.tasks.map(\.text) == ["a", "b"])
    }

    /// A subtask whose parent the new day already has (a pasted copy of the parent's id) goes to
    /// the top level, not under a line that is not there.
    @Test func aSubtaskOfAParentAlreadyCarriedGoesToTheTopLevel() {
        let source = DayFile("- [ ] Parent ^par01\n- [ ] Parent ^par01\n  - [ ] Child\n")
        let next = Day(year: 2025, month: 1, day: 16)!
        let result = CarryForward.carry(from: [(Day(year: 2025, month: 1, day: 15)!, source)], into: DayFile.new(for: next), on: next)
        #expect(DayFile(bytes: result.target.bytes).tasks.map(\.text) == ["Parent", "Child"])
    }

    /// A subtask on a side's last line, with no line ending, that the merge puts before the other
    /// side's lines (its parent deleted there) stays a task: it gets an ending and keeps its task.
    @Test func aLastLineTaskPutBeforeOtherLinesStaysATask() {
        let base = DayFile("# Day\n\n- [ ] Parent ^par01\n")
        let ours = DayFile("# Day\n\n- [ ] Parent ^par01\n\t- [/] Child ^chi01")
        let theirs = DayFile("# Day\n\nA paragraph\nand its second line")
        let merged = DayMerge.merge(base: base, ours: ours, theirs: theirs).file
        #expect(DayFile(bytes: merged.bytes).tasks.map(\.id?.value) == ["chi01"])
    }
}
