import Glibc
import JournalModel

/// The date formats Git accepts in GIT_AUTHOR_DATE and GIT_COMMITTER_DATE.
package enum GitDate {
    /// `@1736930000 +0100` or `1736930000 +0100`; `2025-01-15T09:30:00[Z|+01:00|+0100]` (also with a
    /// space for `T`; local time when no zone); `Wed, 15 Jan 2025 09:30:00 +0100`.
    package static func parse(_ text: String) -> (seconds: Int64, offsetMinutes: Int)? {
        let trimmed = text.trimmingCharacters(in: " ")
        return raw(trimmed) ?? iso8601(trimmed) ?? rfc2822(trimmed)
    }

    private static func raw(_ text: String) -> (Int64, Int)? {
        let parts = text.split(separator: " ")
        guard (1...2).contains(parts.count) else { return nil }
        let digits = parts[0].hasPrefix("@") ? parts[0].dropFirst() : parts[0]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Int64(digits) else { return nil }
        guard parts.count == 2 else { return (value, 0) }
        return zone(parts[1]).map { (value, $0) }
    }

    private static func iso8601(_ text: String) -> (Int64, Int)? {
        guard text.count >= 19, let day = Day(iso: text.prefix(10)) else { return nil }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " " else { return nil }
        let rest = text.dropFirst(11)
        guard let (hour, minute, second) = clock(rest.prefix(8)) else { return nil }
        let zoneText = rest.dropFirst(8).trimmingCharacters(in: " ")
        let offset: Int
        if zoneText.isEmpty {
            offset = Clock.localOffset(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
        } else if let parsed = zone(Substring(zoneText)) {
            offset = parsed
        } else {
            return nil
        }
        return (epoch(day, hour, minute, second, offset), offset)
    }

    private static func rfc2822(_ text: String) -> (Int64, Int)? {
        var parts = text.split(separator: " ")
        if let first = parts.first, first.hasSuffix(",") { parts.removeFirst() }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count == 5, let dayNumber = Int(parts[0]),
              let month = months.firstIndex(of: parts[1].lowercased().prefix(3).description),
              let year = Int(parts[2]), let day = Day(year: year, month: month + 1, day: dayNumber),
              let (hour, minute, second) = clock(parts[3]), let offset = zone(parts[4])
        else { return nil }
        return (epoch(day, hour, minute, second, offset), offset)
    }

    private static func clock(_ text: Substring) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2]),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        return (hour, minute, second)
    }

    /// `Z`, `+0100`, `-05:30`.
    private static func zone(_ text: Substring) -> Int? {
        if text == "Z" { return 0 }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4, digits.allSatisfy(\.isNumber),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    private static func epoch(_ day: Day, _ hour: Int, _ minute: Int, _ second: Int, _ offsetMinutes: Int) -> Int64 {
        Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
    }
}

extension StringProtocol {
    package func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
