import Foundation
@testable import JournalModel
import Testing
import TestSupport

/// Journal's tasks against GitHub's own renderer, `cmark-gfm --extension tasklist` (Debian's
/// package): for every input, the lines GitHub shows as checkboxes are the lines journal reads
/// as tasks, each under the same parent task; and carrying the day forward leaves every other
/// line byte for byte.
@Suite(.enabled(if: CommonMarkReference.isInstalled, "needs cmark-gfm (apt-get install cmark-gfm)"))
struct GitHubTaskListTests {
    @Test(arguments: GitHubTaskListCases.handWritten)
    func agreesOnAHandWrittenCase(_ input: String) throws {
        try expectAgreement(Array(input.utf8))
    }

    /// Documents put together from the constructs above with a fixed seed; `JOURNAL_MARKDOWN_CASES`
    /// asks for more than CI runs.
    @Test func agreesOnGeneratedDocuments() throws {
        let count = ProcessInfo.processInfo.environment["JOURNAL_MARKDOWN_CASES"].flatMap(Int.init) ?? 2_700
        var random = SeededGenerator(seed: 17)
        var disagreements = 0
        for _ in 0..<count {
            let input = GitHubTaskListCases.generated(using: &random)
            if try !agrees(input) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }

    private func expectAgreement(_ input: [UInt8]) throws {
        #expect(try agrees(input))
    }

    /// Records the first disagreements as test issues with the input that caused them.
    private func agrees(_ input: [UInt8]) throws -> Bool {
        let file = DayFile(bytes: input)
        let checkboxes = try CommonMarkReference.tasks(in: input)
        // cmark-gfm also ticks an item from a line further down: a lazy line indented four
        // columns into an item whose paragraph is in a quote, shaped as a task item itself, gives
        // that item a box, whatever its own line says. Journal leaves such an item a note.
        if checkboxes.contains(where: { TaskLine(line: file.lines[$0.line - 1].text) == nil }) { return true }
        let journal = Set(file.entries.map { TaskPlace(line: $0.lineIndex + 1, parent: $0.parentLineIndex.map { $0 + 1 }) })
        let github = checkboxes.withoutEmptyBoxes(in: file)
        let shown = String(decoding: input, as: UTF8.self).debugDescription
        guard journal == github else {
            Issue.record("GitHub shows \(github.sorted()), journal reads \(journal.sorted()) in \(shown)")
            return false
        }
        let day = Day(year: 2025, month: 1, day: 15)!
        let next = Day(year: 2025, month: 1, day: 16)!
        let carried = CarryForward.carry(from: [(day, file)], into: DayFile.new(for: next), on: next)
        let after = carried.changedSources[day] ?? file
        let taskLines = Set(github.map(\.line))
        for (index, line) in file.lines.enumerated() where !taskLines.contains(index + 1) && after.lines[index] != line {
            Issue.record("carrying changed line \(index + 1), which GitHub does not show as a task, in \(shown)")
            return false
        }
        return true
    }
}

/// A task as GitHub places it: its 1-based line and the line of the task it is nested in.
struct TaskPlace: Hashable, Comparable, CustomStringConvertible {
    let line: Int
    let parent: Int?

    static func < (lhs: TaskPlace, rhs: TaskPlace) -> Bool { lhs.line < rhs.line }

    var description: String { parent.map { "\(line)<\($0)" } ?? "\(line)" }
}

extension Set<TaskPlace> {
    /// GitHub's places without its empty checkboxes (a box with nothing after it), which journal
    /// leaves as notes on purpose; a task under one is under the task around it.
    func withoutEmptyBoxes(in file: DayFile) -> Set<TaskPlace> {
        let parentOf = Dictionary(uniqueKeysWithValues: map { (place: TaskPlace) in (place.line, place.parent) })
        let isEmpty = { (line: Int) in TaskLine(line: file.lines[line - 1].text)?.hasNothingAfterBox ?? false }
        return Set(filter { !isEmpty($0.line) }.map { place in
            var parent = place.parent
            while let line = parent, isEmpty(line) { parent = parentOf[line] ?? nil }
            return TaskPlace(line: place.line, parent: parent)
        })
    }
}

/// `cmark-gfm -t xml --sourcepos --extension tasklist`, read back into task places.
enum CommonMarkReference {
    static let path = "/usr/bin/cmark-gfm"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    static func tasks(in input: [UInt8]) throws -> Set<TaskPlace> {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("journal-gfm-\(UUID().uuidString).md")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ProcessResult.run(path, ["-t", "xml", "--sourcepos", "--extension", "table", "--extension", "tasklist", file.path],
                                           in: "/", environment: [:])
        guard result.status == 0 else { throw ProcessFailure(description: "cmark-gfm: \(result.stderr)") }
        return places(inXML: result.stdout)
    }

    /// Each `<tasklist>` element's start line, under the nearest enclosing `<tasklist>`. List
    /// items open and close on lines of their own; text is escaped, so no other line starts so.
    static func places(inXML xml: String) -> Set<TaskPlace> {
        var open: [Int?] = []
        var places: Set<TaskPlace> = []
        for line in xml.split(separator: "\n") {
            let tag = line.drop { $0 == " " }
            if tag.hasPrefix("</item>") || tag.hasPrefix("</tasklist>") {
                open.removeLast()
                continue
            }
            let isTask = tag.hasPrefix("<tasklist ")
            guard isTask || tag.hasPrefix("<item ") else { continue }
            var taskLine: Int?
            if isTask, let start = tag.range(of: "sourcepos=\"") {
                taskLine = Int(tag[start.upperBound...].prefix { $0 != ":" })
                places.insert(TaskPlace(line: taskLine!, parent: open.last { $0 != nil } ?? nil))
            }
            if !tag.hasSuffix("/>") { open.append(taskLine) }
        }
        return places
    }
}
