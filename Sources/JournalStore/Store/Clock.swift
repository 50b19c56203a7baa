import Glibc
import JournalModel

/// The current time and day as the user's environment defines them.
public struct Clock {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    /// Today in the local time zone; `JOURNAL_TODAY=YYYY-MM-DD` fixes it, for scripts and tests.
    public func today() throws -> Day {
        // An empty variable is unset, as NO_COLOR and PAGER are read.
        if let fixed = environment["JOURNAL_TODAY"], !fixed.isEmpty {
            guard let day = Day(iso: fixed) else { throw InvalidDate(fixed, accepted: "YYYY-MM-DD in JOURNAL_TODAY") }
            return day
        }
        let (parts, _) = Clock.localTime(time(nil))
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? .earliest
    }

    /// Seconds since the epoch and the local UTC offset in minutes, now.
    package func now() -> (seconds: Int64, offsetMinutes: Int) {
        let seconds = time(nil)
        return (Int64(seconds), Clock.localTime(seconds).offsetMinutes)
    }

    package static func localTime(_ seconds: time_t) -> (tm, offsetMinutes: Int) {
        var clock = seconds
        var parts = tm()
        localtime_r(&clock, &parts)
        return (parts, Int(parts.tm_gmtoff) / 60)
    }

    /// The local UTC offset in effect at a local wall-clock time (daylight saving included).
    package static func localOffset(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        parts.tm_isdst = -1
        return localTime(mktime(&parts)).offsetMinutes
    }
}
