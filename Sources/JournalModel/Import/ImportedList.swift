/// A Markdown file written elsewhere, read as a day's content. GitHub task items (`- [ ]`,
/// `* [x]`, `[X]`) keep their state; plain bullets (`-`, `*`, `+`) and numbered items (`1.`,
/// `2)`) become open tasks, nested as Markdown nests them. Every other line (headings, text,
/// blank lines, code, HTML, quotes) is a note, kept as it was written.
public struct ImportedList: Equatable {
    public enum Line: Equatable {
        case note(String)
        case task(ImportedTask)
    }

    public struct ImportedTask: Equatable {
        /// The task without id and at the top level: the day it joins decides both.
        public let task: TaskLine
        public let depth: Int
        /// The position in `lines` of the task this one is nested under.
        public let parent: Int?
    }

    public let lines: [Line]

    /// List items are found as GitHub finds them (none in code, HTML or quotes); an item's
    /// parent is the item it is nested in, as Markdown nests lists.
    public init(markdown text: String) {
        let file = DayFile(text)
        let items = file.outline.items
        var outermostItemOnLine: [Int: Int] = [:]
        for (index, item) in items.enumerated().reversed() { outermostItemOnLine[item.line] = index }
        var lines: [Line] = []
        var positionOfItem: [Int: (position: Int, depth: Int)] = [:]
        for (index, line) in file.lines.enumerated() {
            guard let item = outermostItemOnLine[index], let task = ImportedList.task(in: line.text.trimmingLeadingSpaces()) else {
                lines.append(.note(line.text))
                continue
            }
            let parent = file.outline.nearestAncestor(of: item) { positionOfItem[$0] != nil }.flatMap { positionOfItem[$0] }
            let depth = parent.map { $0.depth + 1 } ?? 0
            lines.append(.task(ImportedTask(task: task, depth: depth, parent: parent?.position)))
            positionOfItem[item] = (lines.count - 1, depth)
        }
        self.lines = lines
    }

    public var tasks: [ImportedTask] {
        lines.compactMap { if case .task(let task) = $0 { return task } else { return nil } }
    }

    /// The task a list item stands for, with the item's checkbox state (open without one); nil
    /// for a line that is not a list item, or one with no text.
    private static func task(in line: Substring) -> TaskLine? {
        guard let text = itemText(line) else { return nil }
        var box = " "
        var words = text.trimmingLeadingSpaces()
        if words.count >= 3, words.hasPrefix("["), words.dropFirst(2).hasPrefix("]"),
           words.count == 3 || words.dropFirst(3).first == " ",
           let marker = words.dropFirst().first?.asciiValue, TaskState(marker: marker) != nil {
            box = String(words.dropFirst().prefix(1))
            words = words.dropFirst(3)
        }
        let body = words.trimmingLeadingSpaces().trimmingTrailingWhitespace()
        guard !body.isEmpty, var task = TaskLine(line: "- [\(box)] \(body)") else { return nil }
        task.id = nil
        return task
    }

    /// What follows a bullet (`-`, `*`, `+`) or a number (`1.`, `2)`) and a space.
    private static func itemText(_ line: Substring) -> Substring? {
        if let bullet = line.first, "-*+".contains(bullet), line.dropFirst().first == " " {
            // `- - -` and `* * *` are rules, not items.
            guard !line.allSatisfy({ $0 == bullet || $0 == " " }) else { return nil }
            return line.dropFirst(2)
        }
        let digits = line.prefix { $0.isASCIIDigit }
        let rest = line.dropFirst(digits.count)
        guard (1...9).contains(digits.count), let mark = rest.first, mark == "." || mark == ")",
              rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2)
    }
}

extension StringProtocol {
    package func trimmingLeadingSpaces() -> SubSequence { drop { $0 == " " || $0 == "\t" } }
}

extension StringProtocol {
    /// Without the spaces and tabs at the end, which Markdown ignores.
    package func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
