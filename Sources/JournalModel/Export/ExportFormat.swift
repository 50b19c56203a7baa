/// A day as `journal export` gives it: the file's bytes for Markdown, its reading for JSON and CSV.
public struct ExportedDay {
    public let view: DayView
    public let bytes: [UInt8]

    public init(view: DayView, bytes: [UInt8]) {
        self.view = view
        self.bytes = bytes
    }
}

public enum ExportFormat {
    /// The day files one after another, a blank line between two.
    public static func markdown(_ days: [ExportedDay]) -> [UInt8] {
        var output: [UInt8] = []
        for day in days {
            if !output.isEmpty { output += Array("\n".utf8) }
            output += day.bytes
            if day.bytes.last != UInt8(ascii: "\n") { output += Array("\n".utf8) }
        }
        return output
    }

    public static let csvHeader = ["date", "id", "state", "text", "tags", "people", "depth", "parent"]

    /// One row per task under a header (RFC 4180: CRLF line ends, a field holding a comma, a quote
    /// or a line break quoted, quotes doubled). Tags and people are space-separated, without
    /// `#`/`@`; `parent` is the id of the task it is nested under.
    public static func csv(_ days: [ExportedDay]) -> String {
        var rows = [csvHeader]
        for day in days {
            for task in day.view.tasks {
                rows.append([day.view.date, task.id ?? "", task.state.rawValue, task.text, task.tags.joined(separator: " "),
                             task.people.joined(separator: " "), String(task.depth), task.parentId ?? ""])
            }
        }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    package static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences("\"", "\"\"") + "\""
    }
}
