import JournalModel

/// One self-contained HTML page, for a report sent to people: CSS inline, no script, nothing
/// fetched from anywhere, so it can be pasted into an email or attached. Light and dark mail
/// clients both get readable colours (`prefers-color-scheme`).
enum HTMLPage {
    /// Tasks finished on each day of a period, every day present.
    typealias DayCounts = [(date: Day, finished: Int)]

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="color-scheme" content="light dark">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private static let style = """
        body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2em auto; \
        max-width: 46em; padding: 0 1em; color: #1f2328; background: #ffffff; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1em; }
        .counts { color: #59636e; } .day { color: #59636e; font-size: 0.9em; } .note { color: #59636e; margin-left: 1em; }
        ul { padding-left: 1.2em; } table { border-collapse: collapse; } td, th { padding: 0.2em 0.8em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .charts { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-end; }
        svg text { font-size: 10px; fill: #59636e; } .bar { fill: #2da44e; }
        .l0 { fill: #ebedf0; } .l1 { fill: #9be9a8; } .l2 { fill: #40c463; } .l3 { fill: #30a14e; } .l4 { fill: #216e39; }
        @media (prefers-color-scheme: dark) {
          body { color: #e6edf3; background: #0d1117; } .counts, .day, .note { color: #9198a1; } svg text { fill: #9198a1; }
          .l0 { fill: #161b22; } .l1 { fill: #0e4429; } .l2 { fill: #006d32; } .l3 { fill: #26a641; } .l4 { fill: #39d353; }
        }
        """

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A list of already escaped items; "nothing" when empty.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "<ul><li>nothing</li></ul>" : "<ul>\n" + items.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>"
    }

    /// Finished tasks per day as bars, labelled at the first day, each month's first day and the
    /// last day, where a label has room.
    static func barChart(_ days: DayCounts) -> String {
        let most = max(1, days.map(\.finished).max() ?? 0)
        let (width, height, bar) = (max(120, days.count * 12), 100, 10)
        var shapes: [String] = []
        var lastLabel = -100
        for (index, day) in days.enumerated() {
            let tall = day.finished * (height - 20) / most
            shapes.append("<rect class=\"bar\" x=\"\(index * 12)\" y=\"\(height - 15 - tall)\" width=\"\(bar)\" height=\"\(tall)\">"
                + "<title>\(day.date.iso): \(day.finished) finished</title></rect>")
            let wanted = index == 0 || index == days.count - 1 || day.date.day == 1
            if wanted && index * 12 - lastLabel >= 36 {
                shapes.append("<text x=\"\(index * 12)\" y=\"\(height - 2)\">\(day.date.iso.dropFirst(5))</text>")
                lastLabel = index * 12
            }
        }
        return "<svg role=\"img\" aria-label=\"finished tasks per day\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\">\n" + shapes.joined(separator: "\n") + "\n</svg>"
    }

    /// The heat map: a column per week, a row per weekday, darker for more finished.
    static func heatMap(_ days: DayCounts, weekStart: Weekday) -> String {
        guard let first = days.first?.date else { return "" }
        let start = first.startOfWeek(weekStart)
        let most = days.map(\.finished).max() ?? 0
        var cells: [String] = []
        var weeks = 0
        for day in days {
            let offset = start.days(until: day.date)
            weeks = max(weeks, offset / 7 + 1)
            let level = HeatMap.level(day.finished, most: most)
            cells.append("<rect class=\"l\(level)\" x=\"\(30 + offset / 7 * 13)\" y=\"\(offset % 7 * 13)\" width=\"11\" height=\"11\">"
                + "<title>\(day.date.iso): \(day.finished) finished</title></rect>")
        }
        let firstRow = Weekday.allCases.firstIndex(of: weekStart)!
        let labels = (0..<7).map { row in
            "<text x=\"0\" y=\"\(row * 13 + 9)\">\(Weekday.allCases[(firstRow + row) % 7].name.prefix(3))</text>"
        }
        let width = 30 + weeks * 13
        return "<svg role=\"img\" aria-label=\"heat map of finished tasks\" width=\"\(width)\" height=\"91\" "
            + "viewBox=\"0 0 \(width) 91\">\n" + (labels + cells).joined(separator: "\n") + "\n</svg>"
    }
}
