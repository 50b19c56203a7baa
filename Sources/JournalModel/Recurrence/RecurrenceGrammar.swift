/// The phrases of Obsidian Tasks' recurrence rules journal reads (rrule's English, as the plugin
/// accepts it), case aside:
///
///     every [N] day[s]                          every weekday
///     every [N] week[s] [on Monday[, Thursday]] every Monday[, Thursday]
///     every [N] month[s] [on the 1st | on the last | on the last Friday | on the 2nd Wednesday]
///     every [N] year[s] [on January 15]         every January on the 15th
///
/// each optionally followed by `when done`. Without `on`, and with N above 1, the periods are
/// counted from the rule's start date (`🛫 YYYY-MM-DD`).
extension Recurrence {
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String

        public var description: String { "cannot read the recurrence '\(text)': \(reason)" }
    }

    public init(parsing text: String, start: Day? = nil) throws {
        var words = Recurrence.words(of: text)[...]
        func fail(_ reason: String) -> Unreadable { Unreadable(text: text, reason: reason) }
        let whenDone = words.suffix(2).elementsEqual(["when", "done"])
        if whenDone { words = words.dropLast(2) }
        guard words.popFirst() == "every" else { throw fail("a rule starts with 'every'") }
        var interval = 1
        if let first = words.first, let number = Int(first) {
            guard (1...999).contains(number) else { throw fail("the count must be 1 to 999") }
            interval = number
            words = words.dropFirst()
        }
        guard let unit = words.popFirst() else { throw fail("every what? (day, weekday, week, month, year)") }
        let pattern: Pattern
        switch unit {
        case "day", "days":
            pattern = .days
        case "weekday", "weekdays":
            guard interval == 1 else { throw fail("'every N weekdays' is not a rule; write 'every weekday'") }
            pattern = .weekdays
        case "week", "weeks":
            guard !words.isEmpty else {
                guard let start else { throw fail("it names no weekday: write 'every week on Friday', or give a start date 🛫 YYYY-MM-DD") }
                pattern = .weeks(on: [start.weekday])
                break
            }
            guard words.popFirst() == "on" else { throw fail("expected 'on' and weekdays after '\(unit)'") }
            pattern = .weeks(on: try Recurrence.weekdays(words, fail))
            words = []
        case "month", "months":
            pattern = try Recurrence.monthPattern(&words, start: start, fail)
        case "year", "years":
            pattern = try Recurrence.yearPattern(&words, start: start, fail)
        default:
            if Weekday(rawValue: unit) != nil {
                pattern = .weeks(on: try Recurrence.weekdays([unit] + words, fail))
                words = []
            } else if let month = Recurrence.month(unit) {
                guard words.popFirst() == "on" else { throw fail("expected 'on the Nth' after '\(unit)'") }
                Recurrence.skip("the", in: &words)
                guard let number = words.popFirst().flatMap(Recurrence.ordinal) else { throw fail("expected a day of the month after 'on the'") }
                try Recurrence.check(month: month, day: number, fail)
                pattern = .yearDay(month: month, day: number)
            } else {
                throw fail("unknown word '\(unit)' (expected day, weekday, week, month, year, a weekday or a month)")
            }
        }
        guard words.isEmpty else { throw fail("unexpected '\(words.joined(separator: " "))'") }
        if interval > 1, start == nil {
            throw fail("every \(interval) \(unit) counts from a start date: give one, 🛫 YYYY-MM-DD")
        }
        self.init(pattern: pattern, interval: interval, start: start, whenDone: whenDone, text: text)
    }

    /// Whether the rule needs a start date to be read (`every week`, `every 2 days`).
    public static func needsStart(_ text: String) -> Bool {
        (try? Recurrence(parsing: text)) == nil && (try? Recurrence(parsing: text, start: Day.earliest)) != nil
    }

    private static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init).filter { $0 != "and" }
    }

    private static func weekdays(_ words: some Collection<String>, _ fail: (String) -> Unreadable) throws -> [Weekday] {
        guard !words.isEmpty else { throw fail("expected a weekday after 'on'") }
        return try words.map { word in
            guard let weekday = Weekday(rawValue: word) else { throw fail("'\(word)' is not a weekday") }
            return weekday
        }
    }

    private static func monthPattern(_ words: inout ArraySlice<String>, start: Day?, _ fail: (String) -> Unreadable) throws -> Pattern {
        guard !words.isEmpty else {
            guard let start else { throw fail("it names no day: write 'every month on the 1st', or give a start date 🛫 YYYY-MM-DD") }
            return .monthDay(start.day)
        }
        guard words.popFirst() == "on" else { throw fail("expected 'on the …' after 'month'") }
        skip("the", in: &words)
        guard let position = words.popFirst() else { throw fail("expected a day after 'on the'") }
        let weekday = words.first.flatMap { Weekday(rawValue: $0) }
        if weekday != nil { words = words.dropFirst() }
        if position == "last" {
            return weekday.map { .monthWeekday(ordinal: -1, $0) } ?? .lastDayOfMonth
        }
        guard let number = ordinal(position), (1...31).contains(number) else { throw fail("'\(position)' is not a day of the month (1st to 31st, or last)") }
        guard let weekday else { return .monthDay(number) }
        guard number <= 5 else { throw fail("a month has at most five of each weekday") }
        return .monthWeekday(ordinal: number, weekday)
    }

    private static func yearPattern(_ words: inout ArraySlice<String>, start: Day?, _ fail: (String) -> Unreadable) throws -> Pattern {
        guard !words.isEmpty else {
            guard let start else { throw fail("it names no day: write 'every year on January 15', or give a start date 🛫 YYYY-MM-DD") }
            return .yearDay(month: start.month, day: start.day)
        }
        guard words.popFirst() == "on", let month = words.popFirst().flatMap(Recurrence.month) else {
            throw fail("expected 'on' and a month after 'year' (every year on January 15)")
        }
        skip("the", in: &words)
        guard let number = words.popFirst().flatMap(Recurrence.ordinal) else { throw fail("expected a day after the month") }
        try check(month: month, day: number, fail)
        return .yearDay(month: month, day: number)
    }

    /// A word that may or may not be written (`on the 1st`, `on 1st`).
    private static func skip(_ word: String, in words: inout ArraySlice<String>) {
        if words.first == word { words = words.dropFirst() }
    }

    private static func check(month: Int, day: Int, _ fail: (String) -> Unreadable) throws {
        // A leap year's length: February 29 names the leap days.
        guard (1...Day.length(ofMonth: month, in: 2000)).contains(day) else { throw fail("\(monthNames[month - 1]) has no day \(day)") }
    }

    private static func month(_ word: String) -> Int? {
        monthNames.firstIndex { $0.lowercased() == word }.map { $0 + 1 }
    }

    /// `1st`, `22nd`, `15th` or `15`.
    private static func ordinal(_ word: String) -> Int? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        let suffix = word.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 2, ["", "st", "nd", "rd", "th"].contains(suffix) else { return nil }
        return Int(digits)
    }
}
