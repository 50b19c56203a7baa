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

        /// The same line, task and all, with another line ending.
        package func ending(with ending: [UInt8]) -> Line {
            var line = self
            line.ending = ending
            return line
        }

        /// Nothing but spaces or tabs.
        public var isBlank: Bool { content.allSatisfy { $0 == 32 || $0 == 9 } }

        /// The columns of leading white space, a tab advancing to the next multiple of four.
        var leadingColumns: Int {
            content.prefix { $0 == 32 || $0 == 9 }.reduce(0, MarkdownLine.column(after:_:))
        }

        /// The line moved `columns` to the right (left when negative), its leading white space
        /// written as spaces; a blank line stays as it is.
        package func shifted(by columns: Int) -> Line {
            guard columns != 0, !isBlank else { return self }
            let text = content.drop { $0 == 32 || $0 == 9 }
            return Line(content: Array(repeating: 32, count: max(0, leadingColumns + columns)) + text, ending: ending)
        }

        /// The task on a line that opens a task-list item. Bytes that are not UTF-8 read as
        /// U+FFFD, as GitHub shows them. A box with nothing after it is an empty checkbox to
        /// GitHub but no task to journal: there is nothing to track, and writing an id or a
        /// carry date after it would give GitHub's item a paragraph, which changes how the
        /// lines after it read.
        fileprivate func readTask(opensTaskItem: Bool, words: TaskWords) -> TaskLine? {
            guard opensTaskItem else { return nil }
            var task: TaskLine?
            if let text = String(validating: content, as: UTF8.self) {
                task = TaskLine(line: text, words: words)
            } else {
                task = TaskLine(line: String(decoding: content, as: UTF8.self), words: words)
                task?.keepTextBytes(of: content)
            }
            return task?.hasNothingAfterBox == true ? nil : task
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
    /// How the file writes a task's state: boxes, or Logseq's words (read, and written for the
    /// tasks journal adds).
    public let words: TaskWords
    /// The block structure the tasks were read from.
    public private(set) var outline: BlockOutline

    /// Splits at `\n`, `\r\n` and a lone `\r`, the line endings CommonMark knows.
    public init(bytes: [UInt8], words: TaskWords = .checkboxes) {
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
        self.init(readLines: lines, words: words)
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public init(_ text: String, words: TaskWords) { self.init(bytes: Array(text.utf8), words: words) }

    /// Lines put together elsewhere (a merge's), which may sit side by side as no file read could.
    package init(lines: [Line], words: TaskWords) {
        self.init(readLines: lines, words: words)
        if keepLinesApart() { readStructure() }
    }

    /// Lines put together elsewhere, each task among them kept a task (see `keepTasks`).
    package init(keepingTasksOf lines: [Line], words: TaskWords) {
        self.init(lines: lines, words: words)
        keepTasks(lines.indices.compactMap { index in lines[index].task.map { (index, $0) } })
    }

    private init(readLines lines: [Line], words: TaskWords) {
        self.lines = lines
        self.words = words
        outline = BlockOutline(count: 0) { _ in ([], 0) }
        readStructure()
    }

    public static func == (lhs: DayFile, rhs: DayFile) -> Bool { lhs.lines == rhs.lines }

    /// The first line (1-based) whose bytes are not UTF-8, for an error that names it.
    package var firstLineNotUTF8: Int? {
        lines.firstIndex { String(validating: $0.content, as: UTF8.self) == nil }.map { $0 + 1 }
    }

    /// Reads the blocks again and, from them, which lines are tasks.
    private mutating func readStructure() {
        let frontMatter = frontMatterLines
        outline = BlockOutline(count: lines.count, words: words) { [lines] index in
            (frontMatter.contains(index) ? [] : lines[index].content[...], lines[index].ending.first ?? UInt8(ascii: "\n"))
        }
        for index in lines.indices {
            let opensTaskItem = outline.taskItem(onLine: index) != nil
            if opensTaskItem || lines[index].task != nil {
                lines[index].task = lines[index].readTask(opensTaskItem: opensTaskItem, words: words)
            }
        }
    }

    /// The file `journal` writes for a day it starts: a heading with the date and weekday.
    public static func new(for day: Day, words: TaskWords = .checkboxes) -> DayFile {
        DayFile(heading(for: day) + "\n\n", words: words)
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
            let item = outline.taskItem(onLine: lineIndex)!
            let parent = outline.nearestAncestor(of: item) { entryOfItem[$0] != nil }.flatMap { entryOfItem[$0] }
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
    /// note). Blank lines between them are included, none after the last.
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

    /// Removes the list item of the task on `lineIndex`: its line, the lines written under it and
    /// the tasks nested in it.
    package mutating func removeItem(atLine lineIndex: Int) {
        lines.removeSubrange(lineIndex...lastLine(ofItemAt: lineIndex))
        readStructure()
    }

    /// The last line with text of the list item that opens on `lineIndex`, which must be a task's line.
    func lastLine(ofItemAt lineIndex: Int) -> Int {
        outline.items[outline.taskItem(onLine: lineIndex)!].lastLine
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
        // What comes before the box shapes the list; after it, only whether anything follows the
        // box (a box alone has no paragraph to continue) and a `|` (a table's header row) can.
        if task.indent != old.indent || task.bullet != old.bullet || task.gap != old.gap
            || old.hasNothingAfterBox != task.hasNothingAfterBox || (old.text + task.text).contains("|") {
            readStructure()
        }
    }

    /// Adds tasks as a list after the day's last task (at the end when it has none), with the
    /// file's own line ending.
    public mutating func appendTasks(_ tasks: [TaskLine]) {
        append(tasks.map { Line(task: inFileWords($0), ending: []) })
    }

    /// A task journal adds, written with the file's words: Logseq's where the file keeps them.
    private func inFileWords(_ task: TaskLine) -> TaskLine {
        guard words == .logseq, task.keyword == nil else { return task }
        var written = task
        written.keyword = TaskWords.logseqWord(for: task.state, after: nil)
        return written
    }

    /// Adds lines (tasks, and notes about them) where GitHub shows them as the day's list: after
    /// the list item that holds the day's last task (a line at the left margin there always
    /// starts an item), else at the end: as they are, or after the line that closes a code or
    /// HTML block the file ends in, with a blank line (a numbered item cannot interrupt a
    /// paragraph). The first place that reads every line as before and the new tasks as tasks
    /// of their own is kept. Where none does (the new lines' own notes take a task in), the
    /// tasks alone go at the top level. Under `heading` (a line such as `## Carried`, added at
    /// the end when the file lacks it), the same within its section: up to the next heading of
    /// its level or above.
    package mutating func append(_ newLines: [Line], underHeading heading: String? = nil) {
        guard !newLines.isEmpty else { return }
        if let heading, section(under: heading) == nil {
            insertLines((lines.last?.isBlank ?? true ? [] : [""]) + [heading, ""], at: lines.count)
        }
        let original = self
        guard !place(newLines, underHeading: heading) else { return }
        self = original
        let tasks = newLines.compactMap(\.task).map { task in
            var topLevel = task
            topLevel.indent = ""
            return Line(task: topLevel, ending: [])
        }
        place(tasks, underHeading: heading)
    }

    /// Puts the lines at the first place that reads them as asked; false, and the last place
    /// tried, when none does.
    @discardableResult
    private mutating func place(_ newLines: [Line], underHeading heading: String?) -> Bool {
        let ending = preferredEnding
        let blank = Line(content: [], ending: ending)
        let block = newLines.map { Line(content: $0.content, ending: ending) }
        let section = heading.flatMap(section(under:)) ?? 0..<lines.count
        var attempts: [(position: Int, before: [Line], after: [Line])] = []
        if let lastTask = lines.indices[section].last(where: { lines[$0].task != nil }) {
            let position = outermostItemEnd(from: lastTask) + 1
            // A line of text right after may join the last new task's item: a blank line then.
            attempts += [(position, [], []), (position, [], [blank])]
        }
        if section.upperBound < lines.count {
            let separated = lines[section.upperBound - 1].isBlank ? [] : [blank]
            attempts.append((section.upperBound, separated, [blank]))
        } else {
            let separated = lines.last.map(\.isBlank) == false ? [blank] : []
            attempts.append((lines.count, separated, []))
            if let unclosed = outline.unclosed {
                let closing = Line(content: unclosed.closing, ending: ending)
                attempts += [(lines.count, [closing], []), (lines.count, [closing, blank], [])]
            }
        }
        let original = self
        for attempt in attempts {
            self = original
            if attempt.position == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = ending }
            insert(attempt.before + block + attempt.after, at: attempt.position)
            let placed = Insertion(position: attempt.position, count: attempt.before.count + block.count + attempt.after.count,
                                   blockStart: attempt.position + attempt.before.count, tasks: newLines.map { $0.task != nil })
            if reads(original, with: placed) { return true }
        }
        return false
    }

    /// Lines put into a file, the part of them that was asked for, and which of those are tasks.
    private struct Insertion {
        let position: Int
        let count: Int
        let blockStart: Int
        let tasks: [Bool]

        func moved(_ index: Int) -> Int { index < position ? index : index + count }
    }

    /// Whether every line of `original` reads as it did (a task, with the same lines in its
    /// item; or a note), and the inserted lines as asked, each new task's item ending before
    /// the lines that follow.
    private func reads(_ original: DayFile, with insertion: Insertion) -> Bool {
        for index in original.lines.indices {
            let moved = insertion.moved(index)
            guard (lines[moved].task != nil) == (original.lines[index].task != nil) else { return false }
            if original.lines[index].task != nil,
               insertion.moved(original.lastLine(ofItemAt: index)) != lastLine(ofItemAt: moved) { return false }
        }
        for (offset, isTask) in insertion.tasks.enumerated() {
            let index = insertion.blockStart + offset
            guard (lines[index].task != nil) == isTask else { return false }
            if isTask, lastLine(ofItemAt: index) >= insertion.position + insertion.count { return false }
        }
        return true
    }

    /// Puts lines into the file and reads it again.
    private mutating func insert(_ newLines: [Line], at index: Int) {
        lines.insert(contentsOf: newLines, at: index)
        keepLinesApart()
        readStructure()
    }

    /// A line ending in a lone `\r` before an empty line ending in `\n` would read back as one
    /// line ending in `\r\n`; only lines put side by side (an insertion, a merge) can be so, and
    /// the empty line then ends in `\r\n`. Whether any did.
    @discardableResult
    private mutating func keepLinesApart() -> Bool {
        var changed = false
        for index in lines.indices.dropFirst() where lines[index].content.isEmpty && lines[index].ending == [10]
            && lines[index - 1].ending == [13] {
            lines[index].ending = [13, 10]
            changed = true
        }
        return changed
    }

    /// Makes tasks again the lines that were tasks where they came from (a merge's lines, from
    /// either side) but are not where they now stand: a subtask whose parent the other side
    /// deleted is indented as code; a task after the other side's paragraph continues it. Each
    /// is moved to the top level, with a blank line before it if that is not enough. A line the
    /// other side's lines put inside code or HTML stays as it is.
    package mutating func keepTasks(_ tasks: [(lineIndex: Int, task: TaskLine)]) {
        var inserted = 0
        for (lineIndex, task) in tasks {
            let index = lineIndex + inserted
            guard lines[index].task == nil else { continue }
            let original = self
            var topLevel = task
            topLevel.indent = ""
            lines[index] = Line(task: topLevel, ending: lines[index].ending)
            readStructure()
            if lines[index].task != nil { continue }
            insert([Line(content: [], ending: preferredEnding)], at: index)
            if lines[index + 1].task != nil {
                inserted += 1
                continue
            }
            self = original
        }
    }

    /// The lines of the section `heading` opens (the first line that reads as that heading),
    /// up to the next heading of its level or above; nil when no line is that heading.
    func section(under heading: String) -> Range<Int>? {
        let wanted = Array(heading.utf8).trimmingTrailingBlanks
        guard let level = DayFile.headingLevel(wanted),
              let start = lines.indices.first(where: { isHeading($0) && lines[$0].content.trimmingTrailingBlanks == wanted })
        else { return nil }
        let end = lines.indices.dropFirst(start + 1).first { index in
            isHeading(index) && DayFile.headingLevel(lines[index].content[...]).map { $0 <= level } == true
        }
        return start..<(end ?? lines.count)
    }

    private func isHeading(_ index: Int) -> Bool {
        outline.kinds[index] == .other && DayFile.headingLevel(lines[index].content[...]) != nil
    }

    /// The level of an ATX heading at the left margin (`## Carried` is 2).
    static func headingLevel(_ content: ArraySlice<UInt8>) -> Int? {
        let hashes = content.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return nil }
        let after = content.dropFirst(hashes).first
        return after == nil || after == 32 || after == 9 ? hashes : nil
    }

    /// The last line of the outermost list item around the line.
    private func outermostItemEnd(from lineIndex: Int) -> Int {
        let item = outline.taskItem(onLine: lineIndex)!
        let outermost = outline.nearestAncestor(of: item) { outline.items[$0].parent == nil } ?? item
        return outline.items[outermost].lastLine
    }

    /// Adds a task as the last one nested under the task on `parentLine` (indented to its text).
    /// Returns the new task's line.
    @discardableResult
    public mutating func addSubtask(_ task: TaskLine, under parentLine: Int) -> Int {
        guard let parent = lines[parentLine].task else { return parentLine }
        var child = inFileWords(task)
        child.indent = parent.childIndent
        let index = lastLine(ofItemAt: parentLine) + 1
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = preferredEnding }
        insert([Line(task: child, ending: index == lines.count ? [] : preferredEnding)], at: index)
        return index
    }

    /// The lines of the list item of the task on `lineIndex`: its line, what is written under it
    /// and the tasks nested in it.
    public func itemLines(atLine lineIndex: Int) -> ClosedRange<Int> { lineIndex...lastLine(ofItemAt: lineIndex) }

    /// Inserts lines (notes, or tasks as rendered) at `index` with the file's own line ending;
    /// a last line without one gets one when lines go after it.
    package mutating func insertLines(_ texts: [String], at index: Int) {
        guard !texts.isEmpty else { return }
        let ending = preferredEnding
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty { lines[last].ending = ending }
        insert(texts.map { Line(content: Array($0.utf8), ending: ending) }, at: index)
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
