import JournalModel
import Testing

/// Where days live: the standard layout, Obsidian's, Logseq's and a flat one.
@Suite struct DayLayoutTests {
    let day = Day(iso: "2025-01-05")!

    @Test func eachKnownLayoutNamesADayAndReadsItBack() throws {
        let expected = ["2025/01/2025-01-05.md", "Daily/2025-01-05.md", "journals/2025_01_05.md", "2025-01-05.md"]
        #expect(DayLayout.known.map { $0.path(for: day) } == expected)
        for (layout, path) in zip(DayLayout.known, expected) {
            #expect(layout.day(at: path) == day)
        }
    }

    @Test func aPathThatIsNotExactlyADayIsANote() throws {
        let standard = DayLayout.standard
        for path in ["2025/02/2025-01-05.md", "2025/01/2025-1-5.md", "2025/01/2025-02-30.md", "2025/01/2025-01-05.md.bak", "2025-01-05.md", "x/2025/01/2025-01-05.md"] {
            #expect(standard.day(at: path) == nil, "\(path)")
        }
        #expect(DayLayout.obsidian.day(at: "Daily/Weekly review.md") == nil)
        // Only a folder named by a date belongs to the days alone.
        #expect(standard.isInDayFolder("2025/01/notes.txt"))
        #expect(standard.isInDayFolder("2025/drafts/notes.md") && standard.isInDayFolder("2025/01/old/2025-01-05.md"))
        #expect(!standard.isInDayFolder("notes/2025/01/x.md") && !standard.isInDayFolder("202/x.md"))
        #expect(!standard.isInDayFolder("README.md"))
        #expect(!DayLayout.obsidian.isInDayFolder("Daily/Weekly review.md"))
        #expect(DayLayout.obsidian.glob == "Daily/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md")
        #expect(try DayLayout(pattern: "Daily Notes [1]/YYYYMMDD.md").glob == "Daily[[:space:]]Notes[[:space:]]\\[1]/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9].md")
    }

    @Test func aPatternTwoDatesWouldShareOrThatIsNoPathIsRefused() throws {
        let cases = [
            ("Daily/YYYY-MM.md", "it has no DD"),
            ("YYYY/DD.md", "it has no MM"),
            ("YYYY-MM-DD.txt", "a day file must end in .md"),
            ("/YYYY-MM-DD.md", "not an absolute one"),
            ("a//YYYY-MM-DD.md", "an empty folder name"),
            ("../YYYY-MM-DD.md", "'..' cannot be a folder"),
            ("YYYY-MM-DD/day.md", "the file name must hold part of the date"),
        ]
        for (pattern, reason) in cases {
            #expect(throws: DayLayoutError.self, "\(pattern)") { try DayLayout(pattern: pattern) }
            do { _ = try DayLayout(pattern: pattern) } catch { #expect("\(error)".contains(reason), "\(pattern): \(error)") }
        }
    }

    /// A tree of folders as a listing function: paths, folders derived from them.
    func names(_ paths: [String]) -> (String, Bool) -> [String] {
        { folder, folders in
            let prefix = folder.isEmpty ? "" : folder + "/"
            let below = paths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            return Array(Set(below.filter { $0.contains("/") == folders }.map { String($0.split(separator: "/")[0]) })).sorted()
        }
    }

    @Test func daysAreFoundOldestFirstWithinBoundsListingOnlyTheirFolders() throws {
        let paths = ["2024/12/2024-12-31.md", "2025/01/2025-01-02.md", "2025/01/2025-01-20.md", "2025/02/2025-02-01.md",
                     "2025/01/notes.txt", "templates/day.md", "README.md"]
        var listed: [String] = []
        let tree = names(paths)
        let listing = { (folder: String, folders: Bool) -> [String] in
            listed.append(folder)
            return tree(folder, folders)
        }
        let days = DayLayout.standard.days(from: Day(iso: "2025-01-10"), through: Day(iso: "2025-01-31"), names: listing)
        #expect(days.map(\.iso) == ["2025-01-20"])
        #expect(listed == ["", "2025", "2025/01"])
        #expect(DayLayout.standard.firstDay(newestFirst: false, names: tree)?.iso == "2024-12-31")
        #expect(DayLayout.standard.firstDay(through: Day(iso: "2025-01-19"), newestFirst: true, names: tree)?.iso == "2025-01-02")
        let flat = ["2025-01-03.md", "2025-01-01.md", "Ideas.md"]
        #expect(DayLayout.flat.days(names: names(flat)).map(\.iso) == ["2025-01-01", "2025-01-03"])
    }

    @Test func theLayoutMostFilesFollowIsProposed() throws {
        let vault = ["Daily/2025-01-14.md", "Daily/2025-01-15.md", "2025-01-16.md", "Ideas.md"]
        #expect(DayLayout.mostFollowed(by: vault)?.layout == .obsidian)
        #expect(DayLayout.mostFollowed(by: vault)?.days == 2)
        #expect(DayLayout.mostFollowed(by: ["notes.md"]) == nil)
    }
}

/// Logseq's task words, in a file that keeps them.
@Suite struct LogseqWordsTests {
    @Test func itsWordsAreReadAsStatesAndWrittenBackInTheSameWorkflow() throws {
        let text = "- TODO Call the vendor\n- LATER Read the RFC\n- DONE Stand-up\n- CANCELED Old idea\n- NOW Review\n- TODOS are not a word\n"
        var file = DayFile(text, words: .logseq)
        #expect(file.tasks.map(\.state) == [.open, .open, .done, .cancelled, .inProgress])
        #expect(file.bytes == Array(text.utf8))
        file.updateTask(atLine: 1) { $0.setState(.inProgress) }
        file.updateTask(atLine: 0) { $0.setState(.done) }
        file.updateTask(atLine: 2) { $0.setState(.open) }
        file.appendTasks([TaskLine(state: .open, text: "Write the summary")])
        #expect(file.lines.map(\.text) == ["- DONE Call the vendor", "- NOW Read the RFC", "- TODO Stand-up", "- CANCELED Old idea",
                                          "- NOW Review", "- TODO Write the summary", "- TODOS are not a word"])
        // The same text with GitHub's boxes only: the words are text.
        #expect(DayFile(text).tasks.isEmpty)
        // In code, a word is no task.
        #expect(DayFile("```\n- TODO not a task\n```\n", words: .logseq).tasks.isEmpty)
    }

    @Test func aCarriedTaskIsRecordedWithABoxLogseqDoesNotList() throws {
        var task = try #require(TaskLine(line: "- TODO Call the vendor", words: .logseq))
        task.setState(.carried)
        task.carriedTo = Day(iso: "2025-01-16")
        #expect(task.rendered == "- [>] Call the vendor → 2025-01-16")
    }
}
