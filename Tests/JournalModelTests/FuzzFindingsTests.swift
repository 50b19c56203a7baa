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
}
