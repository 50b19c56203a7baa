import JournalModel
import JournalStore

/// `journal stats`: how work flows through the journal over a period. Tasks created, finished
/// and cancelled per week; the completion rate; the median days from a task's first day to its
/// finish; the unfinished tasks carried more than a threshold (bullet-journal style: they
/// deserve a decision); and finished tasks per day, for a calendar heat map.
public struct JournalStats: Equatable {
    public struct Week: Equatable {
        /// The week's first day (`journal.weekStart`).
        public let start: String
        public let created: Int
        public let finished: Int
        public let cancelled: Int
    }

    public struct DayCount: Equatable {
        public let date: Day
        public let finished: Int
    }

    public let since: String
    public let until: String
    public let weeks: [Week]
    /// Of the tasks created in the period, the share finished by now (0 to 1); nil when none were.
    public let completionRate: Double?
    public let medianDaysToFinish: Double?
    /// Unfinished tasks carried more than `carriedThreshold` times, most carried first.
    public let carriedOften: [ReportedTask]
    public let carriedThreshold: Int
    /// Every day of the period, finished tasks counted.
    public let days: [DayCount]
    /// Recurring tasks over the period with their streaks, counted apart from everything above.
    public let recurring: [RecurringSummary]
}

public struct CountStats {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public func run(from start: Day, through end: Day, weekStart: Weekday, carriedThreshold: Int) throws -> JournalStats {
        guard start <= end else { throw JournalError.emptyPeriod(start, end) }
        let all = try TimelineReader(store).timeline(from: start, through: end).lives
        let inPeriod = { (day: Day?) in day.map { start <= $0 && $0 <= end } ?? false }
        let lives = all.filter { $0.occurrenceOf == nil }
        let created = lives.filter { inPeriod($0.firstDay) }
        let finished = lives.filter { inPeriod($0.finishedOn) }
        let firstWeek = start.startOfWeek(weekStart)
        let weekOf = { (day: Day) in firstWeek.days(until: day) / 7 }
        let weekCount = weekOf(end) + 1
        var perWeek = Array(repeating: (created: 0, finished: 0, cancelled: 0), count: weekCount)
        for life in created { perWeek[weekOf(life.firstDay)].created += 1 }
        for life in finished { perWeek[weekOf(life.finishedOn!)].finished += 1 }
        for life in lives where inPeriod(life.cancelledOn) { perWeek[weekOf(life.cancelledOn!)].cancelled += 1 }
        var perDay: [Day: Int] = [:]
        for life in finished { perDay[life.finishedOn!, default: 0] += 1 }
        return JournalStats(
            since: start.iso, until: end.iso,
            weeks: perWeek.enumerated().map { index, counts in
                JournalStats.Week(start: firstWeek.adding(days: index * 7)!.iso, created: counts.created,
                                  finished: counts.finished, cancelled: counts.cancelled)
            },
            completionRate: created.isEmpty ? nil : Double(created.filter { $0.state == .done }.count) / Double(created.count),
            medianDaysToFinish: median(finished.map { Double($0.firstDay.days(until: $0.finishedOn!)) }),
            carriedOften: lives.filter { $0.isOpenAtEnd && $0.timesCarried > carriedThreshold && $0.lastDay >= start }
                .sorted { ($1.timesCarried, $0.firstDay) < ($0.timesCarried, $1.firstDay) }.map { ReportedTask($0) },
            carriedThreshold: carriedThreshold,
            days: (0...start.days(until: end)).map { offset in
                let day = start.adding(days: offset)!
                return JournalStats.DayCount(date: day, finished: perDay[day] ?? 0)
            },
            recurring: RecurringSummary.summaries(of: all.filter { $0.occurrenceOf != nil && inPeriod($0.firstDay) }))
    }
}

func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
