@testable import JournalModel
import Testing

@Suite struct DayFileReadingTests {
    static let sample = """
        # 2025-01-15 Wednesday

        - [ ] Join the daily engineering stand-up with the DevOps and Backend teams ^k7f3q
        - [/] Review the implementation of the updated authentication module #security ^m2d8a
          - [ ] Suggest improvements for the OAuth token validation process ^p4x9c
        - [x] Present the proposed design for the customer data enrichment pipeline ^b3n6t
        - [-] Meet the observability vendor with @maria ^c8r2w
        - [>] Update the data ingestion docs → 2025-01-16 ^d5h7e

        Free text, headings and plain bullets are notes: kept exactly as written.

        """

    @Test func readsStatesIdsAndCarryTargets() {
        let tasks = DayFile(Self.sample).tasks
        #expect(tasks.map(\.state) == [.open, .inProgress, .open, .done, .cancelled, .carried])
        #expect(tasks.map { $0.id?.value } == ["k7f3q", "m2d8a", "p4x9c", "b3n6t", "c8r2w", "d5h7e"])
        #expect(tasks[5].text == "Update the data ingestion docs")
        #expect(tasks[5].carriedTo == Day(iso: "2025-01-16"))
        #expect(tasks[1].tags == ["security"])
        #expect(tasks[4].people == ["maria"])
    }

    @Test func nestsATaskUnderTheTaskAboveThatIsIndentedLess() {
        let entries = DayFile(Self.sample).entries
        #expect(entries[2].depth == 1)
        #expect(entries[2].parentLineIndex == entries[1].lineIndex)
        #expect(entries[3].parentLineIndex == nil)
        let tabbed = DayFile("- [ ] a ^aaaaa\n\t- [ ] b ^bbbbb\n\t\t- [ ] c ^ccccc\n").entries
        #expect(tabbed.map(\.depth) == [0, 1, 2])
    }

    @Test func readsTheHeadingDate() {
        #expect(DayFile(Self.sample).headingDay == Day(iso: "2025-01-15"))
        #expect(DayFile("\u{FEFF}# 2025-01-15 Wednesday\n").headingDay == Day(iso: "2025-01-15"))
        #expect(DayFile("no heading\n").headingDay == nil)
    }

    @Test(arguments: [
        "- [?] unknown state",
        "-[ ] no space after the bullet",
        "- [ ]no space after the box",
        "- [] empty box",
        "- [ ]",
        "> - [ ] quoted",
        "* plain bullet",
    ])
    func treatsLinesThatAreNotTasksAsNotes(_ line: String) {
        #expect(DayFile(line + "\n").tasks.isEmpty)
    }

    @Test func keepsAnIdOfTheWrongShapeInTheText() {
        let task = DayFile("- [ ] Ship it ^ABCDE\n- [ ] Ship ^abcdef\n").tasks
        #expect(task.map(\.id) == [nil, nil])
        #expect(task[0].text == "Ship it ^ABCDE")
    }

    @Test func readsNumberedItemsAndTheSpacingGitHubAccepts() {
        let file = DayFile("1. [ ] numbered\n2) [x] paren\n-  [ ] two spaces\n-\t[ ] tab\n- [ ]\ttab after\n")
        #expect(file.tasks.map(\.text) == ["numbered", "paren", "two spaces", "tab", "tab after"])
        #expect(file.tasks.map(\.bullet) == ["1.", "2)", "-", "-", "-"])
        var changed = file
        for entry in file.entries { changed.updateTask(atLine: entry.lineIndex) { $0.setState(.done) } }
        #expect(String(decoding: changed.bytes, as: UTF8.self) == "1. [x] numbered\n2) [x] paren\n-  [x] two spaces\n-\t[x] tab\n- [x]\ttab after\n")
    }

    @Test func readsAnEmptyTaskAndAnUppercaseDoneMarker() {
        // GitHub needs white space after the box (`- [ ]` alone is text); a box with nothing
        // after it is an empty checkbox to GitHub, and a note to journal; an id is enough.
        let tasks = DayFile("- [ ] \n* [X] Done the GitHub way ^aaaaa\n- [ ]\n- [ ] ^bbbbb\n").tasks
        #expect(tasks.map(\.id) == [TaskID("aaaaa"), TaskID("bbbbb")])
        #expect(tasks[0].state == .done)
        #expect(tasks[1].text == "")
    }
}

@Suite struct DayFileRoundTripTests {
    static let awkwardFiles: [String] = [
        "",
        "\n",
        "only notes\nand more notes",
        DayFileReadingTests.sample,
        "# 2025-01-15 Wednesday\r\n\r\n- [ ] crlf task ^aaaaa\r\n- [x] done ^bbbbb\r\nnote\r\n",
        "- [ ] no final newline ^aaaaa",
        "- [ ] trailing spaces ^aaaaa   \n-  [ ] two spaces after the bullet\n",
        "\u{FEFF}# 2025-01-15 Wednesday\n- [ ] after a BOM\n",
        "\t- [ ] tab indented ^aaaaa\n\t\t- [/] deeper ^bbbbb\n",
        "- [ ] odd spacing  ^aaaaa\n- [>] arrow without space →2025-01-16 ^bbbbb\n",
        "- [ ] lone carriage return\rinside\n",
    ]

    @Test(arguments: awkwardFiles)
    func givesBackTheSameBytes(_ text: String) {
        #expect(DayFile(text).bytes == Array(text.utf8))
    }

    @Test func givesBackInvalidUTF8AndNULBytesUntouched() {
        let bytes: [UInt8] = Array("- [ ] ok ^aaaaa\n".utf8) + [0xFF, 0xFE, 0x00, 0x0A] + Array("- [ ] caf".utf8) + [0xC3] + [0x0A]
        let file = DayFile(bytes: bytes)
        #expect(file.bytes == bytes)
        // GitHub shows the last line as a task, its bad byte as U+FFFD.
        #expect(file.tasks.map(\.text) == ["ok", "caf\u{FFFD}"])
    }

    @Test func roundTripsTenThousandTasksAndDeepNesting() {
        let many = (0..<10_000).map { "- [ ] task \($0)\n" }.joined()
        #expect(DayFile(many).bytes == Array(many.utf8))
        #expect(DayFile(many).tasks.count == 10_000)
        let deep = (0..<300).map { String(repeating: "  ", count: $0) + "- [ ] level \($0)\n" }.joined()
        let file = DayFile(deep)
        #expect(file.bytes == Array(deep.utf8))
        #expect(file.entries.last?.depth == 299)
    }

    @Test func changingOneTaskRewritesOnlyItsLine() {
        let text = "# 2025-01-15 Wednesday\r\n\r\nnote   \r\n- [ ] first  ^aaaaa \r\n- [ ] second ^bbbbb\r\nlast note"
        var file = DayFile(text)
        file.updateTask(atLine: 4) { $0.setState(.done) }
        #expect(String(decoding: file.bytes, as: UTF8.self) == text.replacingOccurrences("- [ ] second", "- [x] second"))
    }

    @Test func appendsTasksAfterTheLastTaskWithTheFileLineEnding() {
        var file = DayFile("# h\r\n\r\n- [ ] one ^aaaaa\r\n\r\nclosing note\r\n")
        file.appendTasks([TaskLine(state: .open, text: "two", id: TaskID("bbbbb"))])
        #expect(String(decoding: file.bytes, as: UTF8.self) == "# h\r\n\r\n- [ ] one ^aaaaa\r\n- [ ] two ^bbbbb\r\n\r\nclosing note\r\n")
    }

    @Test func appendsToAFileWithoutFinalNewlineOrTasks() {
        var file = DayFile("# 2025-01-15 Wednesday")
        file.appendTasks([TaskLine(state: .open, text: "first", id: TaskID("aaaaa"))])
        #expect(String(decoding: file.bytes, as: UTF8.self) == "# 2025-01-15 Wednesday\n\n- [ ] first ^aaaaa\n")
    }
}

@Suite struct DayProblemTests {
    @Test func reportsAWrongHeadingDuplicateIdsAndUnknownStatesWithLines() {
        let file = DayFile("# 2025-01-14 Tuesday\n- [ ] a ^aaaaa\n- [?] odd\n- [ ] b ^aaaaa\n")
        let problems = DayProblem.find(in: file, day: Day(iso: "2025-01-15")!, path: "2025/01/2025-01-15.md").map(\.description)
        #expect(problems == [
            "2025/01/2025-01-15.md:1: the heading date says 2025-01-14; expected '# 2025-01-15 …'",
            "2025/01/2025-01-15.md:3: unknown task state '[?]' (known: [ ] [/] [x] [-] [>]); kept as a note",
            "2025/01/2025-01-15.md:4: task id ^aaaaa is also on line 2",
        ])
    }

    @Test func reportsMisshapenIdsAndInvalidUTF8() {
        var bytes = Array("# 2025-01-15 Wednesday\n- [ ] parent ^bbbbb\n  - [ ] child ^ccccc\n- [ ] shout ^ABCDE\n".utf8)
        bytes += [0x2D, 0x20, 0xFF, 0x0A]
        let problems = DayProblem.find(in: DayFile(bytes: bytes), day: Day(iso: "2025-01-15")!, path: "2025/01/2025-01-15.md").map(\.description)
        #expect(problems == [
            "2025/01/2025-01-15.md:4: '^ABCDE' is not a task id (^ and 5 lowercase letters or digits); journal will add an id after it",
            "2025/01/2025-01-15.md:5: not valid UTF-8; kept byte for byte",
        ])
    }

    /// What GitHub reads differently from how the lines look: warnings, which `check` does not fail on.
    @Test func warnsWhereGitHubShowsNoCheckboxOrAnotherNesting() {
        let text = """
            ---
            tags: [daily]
            ---
            # 2025-01-15 Wednesday

            - [ ] parent ^bbbbb
             - [ ] a sibling to GitHub ^ccccc

            text
            2. [ ] continues the paragraph

            ```
            - [ ] sample ^ddddd
            ```
            <!--
            - [ ] hidden

            """
        let problems = DayProblem.find(in: DayFile(text), day: Day(iso: "2025-01-15")!, path: "2025/01/2025-01-15.md")
        #expect(problems.allSatisfy { $0.isWarning })
        #expect(problems.map { "\($0.line): \($0.message.prefix(40))" } == [
            "7: indented under line 6, but GitHub does n",
            "10: shaped like a task, but it continues the",
            "13: shaped like a task, but it is inside a c",
            "15: an HTML block opens here and is never cl",
            "16: shaped like a task, but it is inside an ",
        ])
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite struct TagTests {
    @Test func aTagStartsWithALetterAndANameKeepsItsInnerDots() {
        let task = TaskLine(state: .open, text: "Review PR #4821 with @sara.k. and @bob, #security #v2 (#ops)")
        #expect(task.tags == ["security", "v2", "ops"])
        #expect(task.people == ["sara.k", "bob"])
    }

    @Test func aSubtaskHasItsParentsTags() {
        let file = DayFile(bytes: Array("""
            # 2025-01-15 Wednesday

            - [ ] Review the auth module #security
              - [ ] Check token expiry #oauth
                - [ ] Read the RFC
            - [ ] Lunch

            """.utf8))
        #expect(file.tagsWithParents == [2: ["security"], 3: ["oauth", "security"], 4: ["oauth", "security"], 5: []])
    }
}
