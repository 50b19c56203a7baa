/// A recurrence rule as Obsidian Tasks writes it after `🔁` (`every weekday`, `every 2 weeks on
/// Friday`, `every month on the last Friday`), read into the days it names.
public struct Recurrence: Equatable, Sendable {
    /// Which days of a period the rule names.
    public enum Pattern: Equatable, Sendable {
        /// Every day (every N days from the start).
        case days
        /// Monday to Friday.
        case weekdays
        case weeks(on: [Weekday])
        /// The Kth of the month; months without that day have none, as in Obsidian.
        case monthDay(Int)
        case lastDayOfMonth
        /// The Nth weekday of the month (1–5), or the last one (-1).
        case monthWeekday(ordinal: Int, Weekday)
        case yearDay(month: Int, day: Int)
    }

    public let pattern: Pattern
    /// Every how many days, weeks, months or years.
    public let interval: Int
    /// No day before it has an occurrence; periods are counted from it.
    public let start: Day?
    /// Obsidian's `when done`: the next occurrence waits until this one is done, so an unfinished
    /// occurrence is carried forward like any task instead of being closed as missed.
    public let whenDone: Bool
    /// The rule as written after `🔁`.
    public let text: String

    package init(pattern: Pattern, interval: Int, start: Day?, whenDone: Bool, text: String) {
        self.pattern = pattern
        self.interval = interval
        self.start = start
        self.whenDone = whenDone
        self.text = text
    }

    /// Whether the rule names `day`.
    public func occurs(on day: Day) -> Bool {
        if let start, day < start { return false }
        switch pattern {
        case .days:
            return isCounted(start.map { $0.days(until: day) } ?? 0)
        case .weekdays:
            return day.weekday.index < 5
        case .weeks(let weekdays):
            let weeks = start.map { $0.startOfWeek(.monday).days(until: day.startOfWeek(.monday)) / 7 } ?? 0
            return weekdays.contains(day.weekday) && isCounted(weeks)
        case .monthDay(let number):
            return day.day == number && isCounted(months(until: day))
        case .lastDayOfMonth:
            return day.day == Day.length(ofMonth: day.month, in: day.year) && isCounted(months(until: day))
        case .monthWeekday(let ordinal, let weekday):
            guard day.weekday == weekday, isCounted(months(until: day)) else { return false }
            if ordinal > 0 { return (day.day - 1) / 7 + 1 == ordinal }
            return day.day + 7 > Day.length(ofMonth: day.month, in: day.year)
        case .yearDay(let month, let number):
            return day.month == month && day.day == number && isCounted(day.year - (start?.year ?? day.year))
        }
    }

    private func isCounted(_ periodsSinceStart: Int) -> Bool { periodsSinceStart % interval == 0 }

    private func months(until day: Day) -> Int {
        guard let start else { return 0 }
        return (day.year - start.year) * 12 + day.month - start.month
    }
}
