/// A day's Markdown file as a list of lines. Every line keeps the bytes it was read with,
/// line ending included; only the task lines a command changes are written anew, so reading
/// and writing an untouched file gives back the same bytes, whatever it contains.
///
/// A task is what GitHub shows as a checkbox: a list item whose text starts with a box
/// (`BlockOutline` says where items are; `TaskLine` reads the box), plus journal's own boxes
/// `[/]`, `[-]` and `[>]` in the same place. Everything else is a note.
public struct DayFile: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public fileprivate(set) var content: [UInt8]
        /// `\n`, `\r\n`, `\r`, or nothing for a last line with no final newline.
        fileprivate(set) var ending: [UInt8]
        /// The task on this line; nil for a note. Set by the file, which knows the line's place.
        public fileprivate(set) var task: TaskLine?

        package init(content: [UInt8], ending: [UInt8]) {
            self.content = content
            self.ending = ending
        }

        package init(task: TaskLine, ending: [UInt8]) {
            content = task.renderedBytes
            self.ending = ending
            self.task = task
        }

        public var text: String { String(decoding: content, as: UTF8.self) }

        /// Nothing but spaces or tabs.
        public var isBlank: Bool { content.allSatisfy { $0 == 32 || $0 == 9 } }

        /// The columns of leading white space, a tab advancing to the next multiple of four.
        var leadingColumns: Int {
            content.prefix { $0 == 32 || $0 == 9 }.reduce(0) { $1 == 9 ? $0 + 4 - $0 % 4 : $0 + 1 }
        }

        /// The line moved `columns` to the right (left when negative), its leading white space
        /// written as spaces; a blank line stays as it is.
        package func shifted(by columns: Int) -> Line {
            guard columns != 0, !isBlank else { return self }
            let text = content.drop { $0 == 32 || $0 == 9 }
            return Line(content: Array(repeating: 32, count: max(0, leadingColumns + columns)) + text, ending: ending)
        }

        /// The task on a line that opens a task-list item. Bytes that are not UTF-8 read as
        /// U+FFFD, as GitHub shows them.
        fileprivate func task(opensTaskItem: Bool) -> TaskLine? {
            guard opensTaskItem else { return nil }
            if let text = String(validating: content, as: UTF8.self) { return TaskLine(line: text) }
            var task = TaskLine(line: String(decoding: content, as: UTF8.self))
            task?.keepTextBytes(of: content)
            return task
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
    /// The block structure the tasks were read from.
    public private(set) var outline: BlockOutline

    /// Splits at `\n`, `\r\n` and a lone `\r`, the line endings CommonMark knows.
    public init(bytes: [UInt8]) {
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            let isCRLF = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
            let end = index + (isCRLF ? 2 : 1)
            lines.append(Line(content: Array(bytes[start..<index]), ending: Array(bytes[index..<end])))
            start = end
            index = end
        }
        if start < bytes.count { lines.append(Line(content: Array(bytes[start...]), ending: [])) }
        self.init(lines: lines)
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    package init(lines: [Line]) {
        self.lines = lines
        outline = BlockOutline(count: 0) { _ in ([], 0) }
        readStructure()
    }

    public static func == (lhs: DayFile, rhs: DayFile) -> Bool { lhs.lines == rhs.lines }

    /// Reads the blocks again and, from them, which lines are tasks.
    private mutating func readStructure() {
        let frontMatter = frontMatterLines
        outline = BlockOutline(count: lines.count) { [lines] index in
            (frontMatter.contains(index) ? [] : lines[index].content[...], lines[index].ending.first ?? UInt8(ascii: "\n"))
        }
        for index in lines.indices {
            let opensTaskItem = outline.taskItemOnLine[index] >= 0
            if opensTaskItem || lines[index].task != nil { lines[index].task = lines[index].task(opensTaskItem: opensTaskItem) }
        }
    }

    /// The file `journal` writes for a day it starts: a heading with the date and weekday.
    public static func new(for day: Day) -> DayFile {
        DayFile(heading(for: day) + "\n\n")
    }

    public static func heading(for day: Day) -> String { "# \(day.iso) \(day.weekday.name)" }

    public var bytes: [UInt8] { lines.flatMap { $0.content + $0.ending } }

    /// The date in the day's heading, if the file has one.
    public var headingDay: Day? {
        guard let index = headingLine else { return nil }
        var text = Substring(lines[index].text)
        if index == 0, text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        return Day(iso: text.dropFirst(2).prefix(10))
    }

    /// The line of the day's heading: the first line, or the first after YAML front matter (as
    /// Obsidian writes it), when it starts with `# `.
    public var headingLine: Int? {
        let index = frontMatterLines.count
        guard index < lines.count else { return nil }
        var text = Substring(lines[index].text)
        if index == 0, text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        return text.hasPrefix("# ") ? index : nil
    }

    /// YAML front matter: `---` on the first line up to a line `---` or `...`. GitHub and
    /// Obsidian show it as metadata, never as Markdown, so nothing in it is a task.
    public var frontMatterLines: Range<Int> {
        let opening = Array("---".utf8)[...]
        let closings = [opening, Array("...".utf8)[...]]
        guard let first = lines.first, first.content.trimmingTrailingBlanks == opening,
              let end = lines.indices.dropFirst().first(where: { closings.contains(lines[$0].content.trimmingTrailingBlanks) })
        else { return 0..<0 }
        return 0..<(end + 1)
    }

    /// The tasks in file order, numbered, each with its parent: the task whose list item it is
    /// nested in, as GitHub nests lists (through plain bullets between them if need be).
    public var entries: [Entry] {
        var result: [Entry] = []
        var entryOfItem: [Int: (lineIndex: Int, depth: Int)] = [:]
        for (lineIndex, line) in lines.enumerated() {
            guard let task = line.task else { continue }
            let item = Int(outline.taskItemOnLine[lineIndex])
            var ancestor = outline.items[item].parent
            while let index = ancestor, entryOfItem[index] == nil { ancestor = outline.items[index].parent }
            let parent = ancestor.flatMap { entryOfItem[$0] }
            let depth = parent.map { $0.depth + 1 } ?? 0
            result.append(Entry(number: result.count + 1, lineIndex: lineIndex, task: task,
                                parentLineIndex: parent?.lineIndex, depth: depth))
            entryOfItem[item] = (lineIndex, depth)
        }
        return result
    }

    public var tasks: [TaskLine] { lines.compactMap(\.task) }

    /// The lines of the task's list item after its first, other than nested tasks and theirs:
    /// what was written about the task (a link, a paragraph, a plain sub-bullet, code, a merge's
    /// note). Blank lines between them are included; none come after the last.
    public func contentLines(ofTaskAt lineIndex: Int) -> [Int] {
        guard lines[lineIndex].task != nil else { return [] }
        var result: [Int] = []
        var index = lineIndex + 1
        while index <= lastLine(ofItemAt: lineIndex) {
            if lines[index].task != nil {
                index = lastLine(ofItemAt: index) + 1
                continue
            }
            result.append(index)
            index += 1
        }
        return result
    }

    /// The last line with text of the list item that opens on `lineIndex` (a task's line).
    func lastLine(ofItemAt lineIndex: Int) -> Int {
        outline.items[Int(outline.taskItemOnLine[lineIndex])].lastLine
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
        guard let old = lines[lineIndex].task else { return }
        var task = old
        change(&task)
        guard task != old else { return }
        lines[lineIndex] = Line(task: task, ending: lines[lineIndex].ending)
        // The marker and what is before the box decide the list's shape; the rest never does.
        if task.indent != old.indent || task.bullet != old.bullet || task.gap != old.gap { readStructure() }
    }

    /// Adds tasks as a list after the day's last task (at the end when it has none), with the
    /// file's own line ending.
    public mutating func appendTasks(_ tasks: [TaskLine]) {
        append(tasks.map { Line(task: $0, ending: []) })
    }

    /// Adds lines (tasks, and notes about them) where GitHub shows them as the day's list: after
    /// the list item that holds the day's last task, or at the end. A task that would not read as
    /// one there gets a blank line before it (a numbered item cannot interrupt a paragraph), or,
    /// where the file ends inside a code block or an HTML block, the line that closes the block.
    package mutating func append(_ newLines: [Line]) {
        guard !newLines.isEmpty else { return }
        let ending = preferredEnding
        let block = newLines.map { Line(content: $0.content, ending: ending) }
        let lastTask = lines.indices.last { lines[$0].task != nil }
        var position = lastTask.map { outermostItemEnd(from: $0) + 1 } ?? lines.count
        if position == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = ending }
        let unclosed = position == lines.count ? outline.unclosed : nil
        if lastTask == nil, unclosed == nil, let last = lines.last, !last.content.isEmpty {
            lines.append(Line(content: [], ending: ending))
            position += 1
        }
        let original = self
        let wanted = newLines.indices.filter { newLines[$0].task != nil }
        var attempts = [[Line](), [Line(content: [], ending: ending)]]
        if let unclosed { attempts = [[Line(content: unclosed.closing, ending: ending)]] }
        for before in attempts {
            self = original
            lines.insert(contentsOf: before + block, at: position)
            readStructure()
            if wanted.allSatisfy({ lines[position + before.count + $0].task != nil }) { return }
        }
    }

    /// The last line of the outermost list item around the line.
    private func outermostItemEnd(from lineIndex: Int) -> Int {
        var item = Int(outline.taskItemOnLine[lineIndex])
        while let parent = outline.items[item].parent { item = parent }
        return outline.items[item].lastLine
    }

    /// Inserts lines (notes, or tasks as rendered) at `index` with the file's own line ending;
    /// a last line without one gets one when lines go after it.
    package mutating func insertLines(_ texts: [String], at index: Int) {
        guard !texts.isEmpty else { return }
        let ending = preferredEnding
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = ending }
        lines.insert(contentsOf: texts.map { Line(content: Array($0.utf8), ending: ending) }, at: index)
        readStructure()
    }

    package var preferredEnding: [UInt8] {
        lines.first(where: { !$0.ending.isEmpty })?.ending ?? [UInt8(ascii: "\n")]
    }
}

extension [UInt8] {
    var trimmingTrailingBlanks: ArraySlice<UInt8> {
        var end = endIndex
        while end > startIndex, self[end - 1] == 32 || self[end - 1] == 9 { end -= 1 }
        return self[..<end]
    }
}
