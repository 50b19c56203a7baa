import JournalModel
@testable import JournalStore
@testable import JournalUseCases
import TestSupport
import Testing

@Suite struct TaskTextTests {
    @Test func appendsTagsOnceAndKeepsTheTextOnOneLine() throws {
        #expect(try AddTask.taskText("  Review the auth module ", tags: ["security", "#review"]) == "Review the auth module #security #review")
        #expect(try AddTask.taskText("Fix #security hole", tags: ["security"]) == "Fix #security hole")
    }

    @Test(arguments: ["two\nlines", "carriage\rreturn", "bell\u{07}", "", "   "])
    func refusesTextThatIsEmptyOrWouldBreakTheLine(_ text: String) {
        #expect(throws: JournalError.self) { try AddTask.taskText(text, tags: []) }
    }

    @Test(arguments: ["two words", "", "semi;colon"])
    func refusesTagsThatAreNotOneWord(_ tag: String) {
        #expect(throws: JournalError.invalidTag(tag)) { try AddTask.taskText("task", tags: [tag]) }
    }
}

@Suite struct GitDateTests {
    @Test(arguments: [
        ("@1736930000 +0100", 1_736_930_000, 60),
        ("1736930000 -0530", 1_736_930_000, -330),
        ("2025-01-15T09:30:00Z", 1_736_933_400, 0),
        ("2025-01-15T09:30:00+01:00", 1_736_929_800, 60),
        ("2025-01-15 09:30:00 +0100", 1_736_929_800, 60),
        ("Wed, 15 Jan 2025 09:30:00 +0100", 1_736_929_800, 60),
    ])
    func readsTheFormatsGitAccepts(_ text: String, _ seconds: Int64, _ offset: Int) {
        #expect(GitDate.parse(text)! == (seconds, offset))
    }

    @Test(arguments: ["yesterday", "2025-02-30T00:00:00Z", "@12ab", "2025-01-15T25:00:00Z"])
    func refusesOthers(_ text: String) {
        #expect(GitDate.parse(text) == nil)
    }
}

@Suite struct TaskReferenceTests {
    @Test func readsNumbersAndIdsWithOrWithoutCaret() {
        #expect(TaskReference("2") == .number(2))
        #expect(TaskReference("^k7f3q") == .id(TaskID("k7f3q")!))
        #expect(TaskReference("k7f3q") == .id(TaskID("k7f3q")!))
        #expect(TaskReference("0") == nil)
        #expect(TaskReference("K7F3Q") == nil)
        #expect(TaskReference("../x") == nil)
    }

    @Test func fiveDigitsAreANumberOrAnOldIdButAZeroOrCaretMakesThemAnId() {
        #expect(TaskReference("92324") == .numberOrID(92324, TaskID("92324")!))
        #expect(TaskReference("00012") == .id(TaskID("00012")!))
        #expect(TaskReference("^92324") == .id(TaskID("92324")!))
        #expect(TaskReference("1234") == .number(1234))
        #expect(TaskReference("123456") == .number(123456))
    }

    @Test func aFiveDigitReferenceTakesTheReadingThatExistsAndRefusesBoth() throws {
        let number = { "task 12345" }
        let missing: () throws -> String = { throw JournalError.storage("no such number") }
        #expect(try TaskReference.choose("12345", number: number, id: { nil }, describe: { $0 }) == "task 12345")
        #expect(try TaskReference.choose("12345", number: missing, id: { "id 12345" }, describe: { $0 }) == "id 12345")
        #expect(throws: JournalError.storage("no such number")) {
            try TaskReference.choose("12345", number: missing, id: { nil }, describe: { $0 })
        }
        #expect(throws: JournalError.ambiguousReference("12345", asNumber: "task 12345", asID: "id 12345")) {
            try TaskReference.choose("12345", number: number, id: { "id 12345" }, describe: { $0 })
        }
    }
}

@Suite struct TaskIDTests {
    @Test func freshIdsAlwaysHoldALetter() {
        // One id in 605 would be all digits without the rule: 100,000 draws would see about 165.
        let allDigits = (0..<100_000).filter { _ in TaskID.fresh(avoiding: { _ in false }).isAllDigits }
        #expect(allDigits.isEmpty)
    }
}

@Suite struct SearchScanTests {
    func scan(_ text: String, _ needle: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { SearchQuery.contains($0, foldedNeedle: Array(needle.utf8)) }
    }

    @Test func findsALowercaseNeedleInAnyCaseAnywhere() {
        #expect(scan("Review the OAuth Token", "oauth token"))
        #expect(scan("ends with TOKEN", "token"))
        #expect(scan("#Security", "#security"))
        #expect(!scan("toke", "token"))
        #expect(!scan("", "a"))
        #expect(scan("anything", ""))
        #expect(!scan("[@]^_`{", "@`"))
        #expect(scan("Ünïcode then ASCII", "ascii"))
    }

    /// The scan jumps between candidates for the needle's first byte, in both cases: it must
    /// find what a search of the lowered text finds, wherever the candidates fall.
    @Test func agreesWithASearchOfTheLoweredText() {
        var random = SeededGenerator(seed: 21)
        let alphabet = Array("aAbB #@-x".utf8)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let needle = (0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let folded = String(decoding: needle, as: UTF8.self).lowercased()
            let lowered = String(decoding: text, as: UTF8.self).lowercased()
            #expect(scan(String(decoding: text, as: UTF8.self), folded) == lowered.contains(folded), "\(text) \(needle)")
        }
    }
}

/// What `.journal` says, as any editor may have saved it.
@Suite struct JournalMarkerTests {
    @Test func aMarkerSavedWithCRLFStillNamesItsLayoutAndOneWithoutALayoutIsRefused() throws {
        let crlf = "This Git repository is a work journal kept by `journal` (day-file format 2).\r\nDay files: Daily/YYYY-MM-DD.md\r\nTask words: logseq\r\n"
        let marker = try #require(try JournalMarker(bytes: Array(crlf.utf8)))
        #expect(marker.layout == .obsidian && marker.taskWords == .logseq)
        let bare = "This Git repository is a work journal kept by `journal` (day-file format 2).\n"
        #expect(throws: JournalError.self) { try JournalMarker(bytes: Array(bare.utf8)) }
        #expect(try JournalMarker(bytes: Array("nothing".utf8)) == nil)
        #expect(try JournalMarker(bytes: JournalMarker().bytes) == JournalMarker())
    }
}
