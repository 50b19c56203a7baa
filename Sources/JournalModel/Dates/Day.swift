/// A calendar day in the proleptic Gregorian calendar, with no time and no time zone:
/// a day file is about a day, wherever its author happens to be.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The days a journal may hold. Outside this range a date is almost surely a typo.
    public static let earliest = Day(unchecked: 1900, 1, 1)
    public static let latest = Day(unchecked: 2999, 12, 31)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil unless the three numbers name a real day between `earliest` and `latest`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, in: year) else { return nil }
        self.init(unchecked: year, month, day)
        guard (Day.earliest.year...Day.latest.year).contains(year) else { return nil }
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        self.init(isoBytes: Array(text.utf8)[...])
    }

    /// Parses exactly `YYYY-MM-DD` from bytes, without making a string.
    package init?(isoBytes bytes: ArraySlice<UInt8>) {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = Day.number(bytes[start..<start + 4]), let month = Day.number(bytes[start + 5..<start + 7]),
              let day = Day.number(bytes[start + 8..<start + 10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    public var iso: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before it).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day with the given ordinal, or nil outside the journal's range.
    public init?(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `count` days later (earlier when negative), or nil outside the journal's range.
    public func adding(days count: Int) -> Day? {
        let (sum, overflow) = ordinal.addingReportingOverflow(count)
        return overflow ? nil : Day(ordinal: sum)
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public var weekday: Weekday { Weekday.allCases[((ordinal % 7) + 7 + 3) % 7] }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    package static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The months' English names, January first.
public let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

public enum Weekday: String, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension Day {
    /// The first day of the week this day is in, weeks starting on `weekStart`.
    public func startOfWeek(_ weekStart: Weekday) -> Day {
        adding(days: -((weekday.index - weekStart.index + 7) % 7)) ?? Day.earliest
    }
}
