import JournalModel

/// The committed `.journal` file that makes a repository a journal, so that every clone is one
/// too, and says how its days are kept. A journal in the standard layout says
/// `day-file format 1`, as it always did; another layout is format 2 and names its pattern on a
/// line of its own, so that a journal that knows no layouts refuses it rather than writing days
/// where the journal does not keep them.
public struct JournalMarker: Equatable {
    package static let path = ".journal"
    package static let formats = ["day-file format 1", "day-file format 2"]

    public var layout: DayLayout
    public var taskWords: TaskWords

    public init(layout: DayLayout = .standard, taskWords: TaskWords = .checkboxes) {
        self.layout = layout
        self.taskWords = taskWords
    }

    /// Reads the marker; nil when it names no format this version reads.
    package init?(bytes: [UInt8]) throws {
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map { line in
            Substring(String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self))
        }
        guard let format = JournalMarker.formats.last(where: { format in lines.contains { $0.contains("(\(format))") } }) else { return nil }
        layout = .standard
        taskWords = .checkboxes
        guard format != JournalMarker.formats[0] else { return }
        guard lines.contains(where: { JournalMarker.value(of: "Day files", in: $0) != nil }) else {
            throw JournalError.storage("\(JournalMarker.path) says \(format) but names no layout (a 'Day files:' line)")
        }
        for line in lines {
            if let pattern = JournalMarker.value(of: "Day files", in: line) {
                do { layout = try DayLayout(pattern: pattern) } catch {
                    throw JournalError.storage("\(JournalMarker.path): \(error)")
                }
            }
            if let words = JournalMarker.value(of: "Task words", in: line) {
                guard let known = TaskWords(rawValue: words) else {
                    throw JournalError.storage("\(JournalMarker.path): unknown task words '\(words)' (expected \(TaskWords.allCases.map(\.rawValue).joined(separator: " or ")))")
                }
                taskWords = known
            }
        }
    }

    /// The marker of the journal whose top folder is `top`; nil when it has none this version reads.
    package static func read(atTop top: String) throws -> JournalMarker? {
        try WorkingTree(root: top + "/").read(path).flatMap { try JournalMarker(bytes: $0) }
    }

    package var bytes: [UInt8] {
        let isStandard = layout == .standard && taskWords == .checkboxes
        var text = "This Git repository is a work journal kept by `journal` (\(JournalMarker.formats[isStandard ? 0 : 1])).\n"
        if !isStandard {
            text += "Day files: \(layout.pattern)\n"
            text += "Task words: \(taskWords.rawValue)\n"
        }
        return Array(text.utf8)
    }

    private static func value(of key: String, in line: Substring) -> String? {
        guard line.hasPrefix(key + ":") else { return nil }
        return String(line.dropFirst(key.count + 1).drop(while: { $0 == " " }))
    }
}
