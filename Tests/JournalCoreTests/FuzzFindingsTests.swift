import Testing
@testable import JournalCore

/// Inputs the fuzzer (Fuzz/run.sh) found that broke a property, kept as regression tests.
@Suite struct FuzzFindingsTests {
    @Test(arguments: ["- [ ]  ", "- [x] \t", "- [ ] "])
    func anEmptyTaskKeepsItsTrailingWhiteSpaceWhenRenderedAnew(_ line: String) throws {
        let task = try #require(Task(line: line))
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

    @Test func aLastLineEndingInACarriageReturnKeepsItsIdWhenATaskIsAddedAfterIt() throws {
        var file = DayFile("- [>] ^kkkkk\r")
        #expect(file.tasks.map(\.id) == [TaskID("kkkkk")])
        file.appendTasks([Task(state: .open, text: "Next")])
        #expect(file.bytes == Array("- [>] ^kkkkk\r\n- [ ] Next\n".utf8))
        #expect(DayFile(bytes: file.bytes).tasks.map(\.id) == [TaskID("kkkkk"), nil])
    }
}
