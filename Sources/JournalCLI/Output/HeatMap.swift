import JournalModel
import JournalUseCases

/// A calendar of finished tasks, drawn like a contribution graph: a row per weekday, a column
/// per week, darker for more. Without colour the cells are the characters `. - + * #`.
enum HeatMap {
    static let characters: [Character] = [".", "-", "+", "*", "#"]

    static func lines(_ days: [JournalStats.DayCount], weekStart: Weekday) -> [String] {
        guard let first = days.first?.date, let last = days.last?.date else { return [] }
        let start = first.startOfWeek(weekStart)
        let most = days.map(\.finished).max() ?? 0
        let weeks = (start.days(until: last) / 7) + 1
        var cells = Array(repeating: Array(repeating: "  ", count: weeks), count: 7)
        var monthRow = Array(repeating: Character(" "), count: weeks * 2 + 2)
        for count in days {
            let day = count.date
            let offset = start.days(until: day)
            cells[offset % 7][offset / 7] = cell(level(count.finished, most: most))
            if day.day == 1 || day == first {
                let column = offset / 7 * 2
                if monthRow[max(0, column - 1)] == " " { monthRow.replaceSubrange(column..<column + 3, with: monthNames[day.month - 1].prefix(3)) }
            }
        }
        let firstRow = Weekday.allCases.firstIndex(of: weekStart)!
        let rows: [String] = (0..<7).map { row in
            String(Weekday.allCases[(firstRow + row) % 7].name.prefix(3)) + " " + cells[row].joined()
        }
        let legend = "    less " + (0..<characters.count).map(cell).joined() + "more"
        return ["    " + String(monthRow)] + rows + [legend]
    }

    /// 0 for none, else 1 to 4 by quarter of the busiest day.
    static func level(_ count: Int, most: Int) -> Int {
        count == 0 || most == 0 ? 0 : min(4, max(1, (count * 4 + most - 1) / most))
    }

    private static func cell(_ level: Int) -> String {
        Style.isOn ? Style.shade(level, "  ") : "\(characters[level]) "
    }

}
