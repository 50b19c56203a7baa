/// A Markdown file written elsewhere, read as a day's content. GitHub task items (`- [ ]`,
/// `* [x]`, `[X]`) keep their state; plain bullets (`-`, `*`, `+`) and numbered items (`1.`,
/// `2)`) become open tasks; indentation becomes nesting. Every other line (headings, text, blank
/// lines, fenced code) is a note, kept as it was written.
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

    public init(markdown text: String) {
        var lines: [Line] = []
        var ancestors: [(width: Int, line: Int)] = []
        var fence: Substring?
        // "\r\n" is one Character.
        for content in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = content.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                lines.append(.note(String(content)))
                continue
            }
            if let marker = ["```", "~~~"].first(where: trimmed.hasPrefix) {
                fence = Substring(marker)
                lines.append(.note(String(content)))
                continue
            }
            let width = content.prefix(content.count - trimmed.count).reduce(0) { $0 + ($1 == "\t" ? 2 : 1) }
            guard let task = ImportedList.task(in: trimmed) else {
                // An unindented paragraph ends the list above it, as in Markdown.
                if width == 0 && !trimmed.isEmpty { ancestors.removeAll() }
                lines.append(.note(String(content)))
                continue
            }
            while let last = ancestors.last, last.width >= width { ancestors.removeLast() }
            lines.append(.task(ImportedTask(task: task, depth: ancestors.count, parent: ancestors.last?.line)))
            ancestors.append((width, lines.count - 1))
        }
        if lines.last == .note("") { lines.removeLast() }
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
