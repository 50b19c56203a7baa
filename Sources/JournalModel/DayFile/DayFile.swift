/// A day's Markdown file as a list of lines. Every line keeps the bytes it was read with,
/// line ending included; only the task lines a command changes are written anew, so reading
/// and writing an untouched file gives back the same bytes, whatever it contains.
public struct DayFile: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public fileprivate(set) var content: [UInt8]
        /// `\n`, `\r\n`, or nothing for a last line with no final newline.
        fileprivate(set) var ending: [UInt8]
        /// The task on this line; nil for a note (anything that is not a task line).
        public fileprivate(set) var task: TaskLine?

        package init(content: [UInt8], ending: [UInt8]) {
            self.content = content
            self.ending = ending
            task = Line.looksLikeTask(content) ? String(validating: content, as: UTF8.self).flatMap(TaskLine.init(line:)) : nil
        }

        package init(task: TaskLine, ending: [UInt8]) {
            content = Array(task.rendered.utf8)
            self.ending = ending
            self.task = task
        }

        public var text: String { String(decoding: content, as: UTF8.self) }

        /// Nothing but spaces, tabs or a stray carriage return.
        public var isBlank: Bool { content.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 } }

        /// A cheap look at the first bytes, so that long notes are never decoded as tasks.
        private static func looksLikeTask(_ content: [UInt8]) -> Bool {
            guard let start = content.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                  content.count - start >= 5 else { return false }
            let bullet = content[start]
            return (bullet == UInt8(ascii: "-") || bullet == UInt8(ascii: "*") || bullet == UInt8(ascii: "+"))
                && content[start + 1] == UInt8(ascii: " ") && content[start + 2] == UInt8(ascii: "[")
        }
    }

    /// A task with its place in the file.
    public struct Entry: Equatable, Sendable {
        /// 1-based position among the day's tasks: the number `journal show` prints.
        public let number: Int
        public let lineIndex: Int
        public let task: TaskLine
        /// The line of the task this one is nested under.
        public let parentLineIndex: Int?
        public let depth: Int
    }

    public private(set) var lines: [Line]

    public init(bytes: [UInt8]) {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                lines.append(Line(content: Array(bytes[start...]), ending: []))
                break
            }
            let hasCarriageReturn = newline > start && bytes[newline - 1] == UInt8(ascii: "\r")
            let contentEnd = hasCarriageReturn ? newline - 1 : newline
            lines.append(Line(content: Array(bytes[start..<contentEnd]), ending: Array(bytes[contentEnd...newline])))
            start = newline + 1
        }
        self.lines = lines
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    package init(lines: [Line]) { self.lines = lines }

    /// The file `journal` writes for a day it starts: a heading with the date and weekday.
    public static func new(for day: Day) -> DayFile {
        DayFile(heading(for: day) + "\n\n")
    }

    public static func heading(for day: Day) -> String { "# \(day.iso) \(day.weekday.name)" }

    public var bytes: [UInt8] { lines.flatMap { $0.content + $0.ending } }

    /// The date in the first heading, if the file has one.
    public var headingDay: Day? {
        guard let first = lines.first else { return nil }
        var text = Substring(first.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("# ") else { return nil }
        return Day(iso: text.dropFirst(2).prefix(10))
    }

    /// The tasks in file order, numbered, each with its parent: the nearest task above it
    /// that is indented less.
    public var entries: [Entry] {
        var result: [Entry] = []
        var ancestors: [(lineIndex: Int, width: Int)] = []
        for (lineIndex, line) in lines.enumerated() {
            guard let task = line.task else { continue }
            let width = task.indentWidth
            while let last = ancestors.last, last.width >= width { ancestors.removeLast() }
            result.append(Entry(number: result.count + 1, lineIndex: lineIndex, task: task,
                                parentLineIndex: ancestors.last?.lineIndex, depth: ancestors.count))
            ancestors.append((lineIndex, width))
        }
        return result
    }

    public var tasks: [TaskLine] { lines.compactMap(\.task) }

    /// The note lines right under the task on `lineIndex` that are indented deeper than it, up to
    /// a blank line: what was written about the task (a link, a sentence, a merge's note).
    public func contentLines(ofTaskAt lineIndex: Int) -> [Int] {
        guard let task = lines[lineIndex].task else { return [] }
        var result: [Int] = []
        for index in (lineIndex + 1)..<lines.count {
            let line = lines[index]
            guard line.task == nil, !line.isBlank else { break }
            let indent = line.content.prefix { $0 == 32 || $0 == 9 }.reduce(0) { $0 + ($1 == 9 ? 2 : 1) }
            guard indent > task.indentWidth else { break }
            result.append(index)
        }
        return result
    }

    /// Each task's tags with those of the tasks it is nested under (a subtask of a `#security`
    /// review is security work too), by line, in the order the file has them.
    public var tagsWithParents: [Int: [String]] {
        var result: [Int: [String]] = [:]
        for entry in entries {
            let inherited = entry.parentLineIndex.flatMap { result[$0] } ?? []
            result[entry.lineIndex] = entry.task.tags + inherited.filter { !entry.task.tags.contains($0) }
        }
        return result
    }

    public func entry(for id: TaskID) -> Entry? { entries.first { $0.task.id == id } }

    /// Changes the task on `lineIndex` and writes its line anew.
    public mutating func updateTask(atLine lineIndex: Int, _ change: (inout TaskLine) -> Void) {
        guard var task = lines[lineIndex].task else { return }
        change(&task)
        guard task != lines[lineIndex].task else { return }
        lines[lineIndex] = Line(task: task, ending: lines[lineIndex].ending)
    }

    /// Adds tasks after the last task of the day (at the end when it has none), with the
    /// file's own line ending.
    public mutating func appendTasks(_ tasks: [TaskLine]) {
        guard !tasks.isEmpty else { return }
        let ending = preferredEnding
        var position = (lines.lastIndex { $0.task != nil }).map { $0 + 1 } ?? lines.count
        if position == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty {
            lines[last].ending = ending
        }
        if position == lines.count, position > 0, lines.allSatisfy({ $0.task == nil }), !lines[position - 1].content.isEmpty {
            lines.append(Line(content: [], ending: ending))
            position += 1
        }
        lines.insert(contentsOf: tasks.map { Line(task: $0, ending: ending) }, at: position)
    }

    /// Inserts lines (notes, or tasks as rendered) at `index` with the file's own line ending;
    /// a last line without one gets one when lines go after it.
    package mutating func insertLines(_ texts: [String], at index: Int) {
        guard !texts.isEmpty else { return }
        let ending = preferredEnding
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = ending }
        lines.insert(contentsOf: texts.map { Line(content: Array($0.utf8), ending: ending) }, at: index)
    }

    package var preferredEnding: [UInt8] {
        lines.first(where: { !$0.ending.isEmpty })?.ending ?? [UInt8(ascii: "\n")]
    }
}
