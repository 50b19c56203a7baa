@testable import JournalModel
import Testing

@Suite struct ImportDateTests {
    @Test(arguments: [
        ("**Date:** January 15, 2025\n- [ ] a\n", "x.md"),
        ("Date: 2025-01-15\n", "x.md"),
        ("---\ndate: 15 January 2025\n---\n", "x.md"),
        ("- *Date*: Jan. 15th, 2025\n", "x.md"),
        ("# Standup, Wednesday 15th of Jan 2025\n", "x.md"),
        ("# Standup 2025/01/15\n", "x.md"),
        ("Some text\n", "2025-01-15-standup.md"),
        ("# Planning Sept 3, 2024\nDate: 2025-01-15\n", "2024-03-03.md"),
    ])
    func findsTheDateWrittenInTheFileOrItsName(_ text: String, _ name: String) {
        #expect(ImportDate.find(in: text, fileName: name) == Day(iso: "2025-01-15"))
    }

    @Test func theFirstHeadingComesBeforeTheFileName() {
        #expect(ImportDate.find(in: "# Notes of 2 March 2024\n", fileName: "2025-01-15.md") == Day(iso: "2024-03-02"))
    }

    @Test(arguments: ["Nothing here\n- [ ] 2025-01-15 is in a task, not a heading\n", "# Sprint 12\n", "Date: 2025-02-30\n", "Date: May 2025\n"])
    func findsNoDateWhereNoneIsGiven(_ text: String) {
        #expect(ImportDate.find(in: text, fileName: "notes.md") == nil)
    }
}

@Suite struct ImportedListTests {
    @Test func listItemsBecomeTasksWithTheirStatesAndNesting() {
        let list = ImportedList(markdown: """
            # Sprint
            - [ ] open one
            * [X] done with uppercase
                + plain child
                    1. numbered grandchild
            2) numbered
            -   [x]   spaced ^abcde

            """)
        let tasks = list.tasks
        #expect(tasks.map(\.task.text) == ["open one", "done with uppercase", "plain child", "numbered grandchild", "numbered", "spaced"])
        #expect(tasks.map(\.task.state) == [.open, .done, .open, .open, .open, .done])
        #expect(tasks.map(\.depth) == [0, 0, 1, 2, 0, 0])
        #expect(tasks.allSatisfy { $0.task.id == nil })
        #expect(list.lines.first == .note("# Sprint"))
        #expect(list.lines.count == 7)
    }

    @Test func rulesCodeEmptyItemsAndTextStayNotes() {
        let list = ImportedList(markdown: "- - -\n* * *\n```\n- [ ] in code\n```\n- \n1.5 is a number\nText\r\n")
        #expect(list.tasks.isEmpty)
        #expect(list.lines == ["- - -", "* * *", "```", "- [ ] in code", "```", "- ", "1.5 is a number", "Text"].map(ImportedList.Line.note))
    }

    /// As GitHub nests them: an unindented line continues the item's paragraph (lazily), and a
    /// bullet indented to the item's text after it is the item's own; after a blank line, an
    /// unindented paragraph ends the list.
    @Test func nestsAsMarkdownDoes() {
        let lazy = ImportedList(markdown: "- parent\nA paragraph\n  - indented after it\n")
        #expect(lazy.tasks.map(\.depth) == [0, 1])
        let ended = ImportedList(markdown: "- parent\n\nA paragraph\n  - indented after it\n")
        #expect(ended.tasks.map(\.depth) == [0, 0])
    }
}

@Suite struct DayImportTests {
    static let markdown = "# Notes\n\n- [ ] Review the PR\n  - [ ] Check the tests\n- [x] Ship it\n\nSee you.\n"

    @Test func aNewDayGetsTheListAfterItsHeading() {
        let imported = DayFile.new(for: Day(iso: "2025-01-15")!).importing(ImportedList(markdown: Self.markdown))
        #expect(imported.added == 3)
        #expect(String(decoding: imported.file.bytes, as: UTF8.self) ==
            "# 2025-01-15 Wednesday\n\n# Notes\n\n- [ ] Review the PR\n  - [ ] Check the tests\n- [x] Ship it\n\nSee you.\n")
    }

    @Test func importingTwiceChangesNothing() {
        let list = ImportedList(markdown: Self.markdown)
        let once = DayFile.new(for: Day(iso: "2025-01-15")!).importing(list).file
        let twice = once.importing(list)
        #expect(twice.file == once)
        #expect(twice.added == 0 && twice.alreadyThere == 3)
    }

    @Test func newSubtasksOfATaskAlreadyThereGoUnderIt() {
        let day = DayFile("# 2025-01-15 Wednesday\n\n- [/] Review the PR ^aaaaa\n    - [ ] Old child ^bbbbb\n- [ ] Other ^ccccc\nA note")
        let imported = day.importing(ImportedList(markdown: "- [ ] Review the PR\n  - [ ] New child\n- [ ] Other\n- [ ] Brand new\n"))
        #expect(imported.added == 2)
        #expect(String(decoding: imported.file.bytes, as: UTF8.self) == """
            # 2025-01-15 Wednesday

            - [/] Review the PR ^aaaaa
                - [ ] Old child ^bbbbb
              - [ ] New child
            - [ ] Other ^ccccc
            A note

            - [ ] Brand new

            """)
        let entries = imported.file.entries
        #expect(entries[2].task.text == "New child" && entries[2].parentLineIndex == 2)
    }
}

@Suite struct ExportFormatTests {
    @Test func csvQuotesCommasAndQuotesAsRFC4180Says() {
        let file = DayFile("# 2025-01-15 Wednesday\n\n- [ ] Plain #ops @ann ^aaaaa\n  - [x] Say \"hi\", then go ^bbbbb\n")
        let day = ExportedDay(view: DayView(day: Day(iso: "2025-01-15")!, file: file, path: "2025/01/2025-01-15.md"), bytes: file.bytes)
        #expect(ExportFormat.csv([day]) == """
            date,id,state,text,tags,people,depth,parent\r
            2025-01-15,aaaaa,open,Plain #ops @ann,ops,ann,0,\r
            2025-01-15,bbbbb,done,"Say ""hi"", then go",,,1,aaaaa\r

            """)
        #expect(ExportFormat.csvField("two\nlines") == "\"two\nlines\"")
    }

    @Test func markdownSeparatesDaysWithABlankLine() {
        let days = ["# 2025-01-14 Tuesday\n\n- [ ] a ^aaaaa", "# 2025-01-15 Wednesday\n"].map { text in
            ExportedDay(view: DayView(day: Day(iso: "2025-01-15")!, file: DayFile(text), path: "2025/01/2025-01-15.md"), bytes: Array(text.utf8))
        }
        #expect(String(decoding: ExportFormat.markdown(days), as: UTF8.self) == "# 2025-01-14 Tuesday\n\n- [ ] a ^aaaaa\n\n# 2025-01-15 Wednesday\n")
    }
}
