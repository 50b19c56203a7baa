/// Something in a day file that journal reads in a way the user may not mean. Reported as
/// `FILE:LINE: message`; never fixed by dropping a line.
public struct DayProblem: Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String
    /// Something GitHub reads differently from what the line looks like, which may be meant
    /// (a task-shaped line in a code sample): reported, but not a failure of `journal check`.
    public let isWarning: Bool

    package init(path: String, line: Int, message: String, isWarning: Bool = false) {
        self.path = path
        self.line = line
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String { "\(path):\(line): \(isWarning ? "warning: " : "")\(message)" }

    /// The problems of `file`, the day `day` kept at `path`. A heading with another date is one;
    /// a missing heading only where `headingRequired` (the standard layout, whose days journal
    /// always wrote with one): Obsidian's and Logseq's daily notes take their date from the name.
    public static func find(in file: DayFile, day: Day, path: String, headingRequired: Bool = true) -> [DayProblem] {
        var problems: [DayProblem] = []
        if file.headingDay != day && (headingRequired || file.headingDay != nil) {
            let found = file.headingDay.map { "says \($0.iso)" } ?? "is missing"
            problems.append(DayProblem(path: path, line: file.frontMatterLines.count + 1, message: "the heading date \(found); expected '# \(day.iso) …'"))
        }
        var seen: [TaskID: Int] = [:]
        var warnings = MarkdownWarnings.find(in: file)[...]
        for (index, line) in file.lines.enumerated() {
            defer {
                while let warning = warnings.first, warning.line == index {
                    problems.append(DayProblem(path: path, line: index + 1, message: warning.message, isWarning: true))
                    warnings = warnings.dropFirst()
                }
            }
            func report(_ message: String) { problems.append(DayProblem(path: path, line: index + 1, message: message)) }
            let isUTF8 = String(validating: line.content, as: UTF8.self) != nil
            if !isUTF8 {
                report("not valid UTF-8; kept byte for byte")
            }
            if let control = line.content.first(where: DayProblem.isControl) {
                report("contains the control character \(Unicode.Scalar(control).codePoint); kept byte for byte, but Git and editors may take the file for binary")
            }
            if let task = line.task, task.id == nil, let word = task.text.split(separator: " ").last, word.hasPrefix("^"), word.count > 1 {
                report("'\(word)' is not a task id (^ and 5 lowercase letters or digits); journal will add an id after it")
            }
            if let id = line.task?.id {
                if let first = seen[id] { report("task id ^\(id.value) is also on line \(first)") } else { seen[id] = index + 1 }
            } else if line.task == nil, isUTF8, file.outline.kinds[index] == .paragraph, let marker = DayProblem.unknownMarker(line.text) {
                report("unknown task state '[\(marker)]' (known: [ ] [/] [x] [-] [>]); kept as a note")
            }
        }
        return problems
    }

    /// C0 controls other than tab, and DEL; line endings are not part of a line's content.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    /// The box of a list item shaped like a task whose state journal does not know.
    private static func unknownMarker(_ text: String) -> Character? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first, "-*+".contains(first) || first.isASCIIDigit else { return nil }
        let afterBullet = first.isASCIIDigit ? trimmed.drop(while: \.isASCIIDigit).dropFirst() : trimmed.dropFirst()
        let rest = Array(afterBullet.prefix(4))
        guard rest.count >= 4, rest[0] == " ", rest[1] == "[", rest[3] == "]" else { return nil }
        return rest[2]
    }
}

extension Unicode.Scalar {
    /// `U+0000`, as the Unicode standard names a code point.
    package var codePoint: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
