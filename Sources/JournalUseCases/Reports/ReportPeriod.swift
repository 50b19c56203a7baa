import JournalModel
import JournalStore

/// `journal report`: a period for stakeholders. Tasks finished in it grouped by tag, still open
/// at its end, cancelled in it, and counts. (`diff`'s "dropped" is another thing: unfinished and
/// never seen again.)
public struct PeriodReport: Equatable {
    public struct Group: Equatable {
        /// The tag the tasks share (their first), or nil for untagged tasks.
        public let tag: String?
        public let tasks: [ReportedTask]
    }

    public struct Counts: Equatable {
        /// Tasks that first appeared in the period.
        public let added: Int
        public let finished: Int
        public let open: Int
        public let cancelled: Int
    }

    public let since: String
    public let until: String
    /// Only tasks with this tag, when given.
    public let tag: String?
    public let finished: [Group]
    public let open: [ReportedTask]
    public let cancelled: [ReportedTask]
    /// Recurring tasks, each counted over its occurrences in the period, apart from the lists
    /// and counts above (a missed occurrence is not a cancelled task).
    public let recurring: [RecurringSummary]
    public let counts: Counts

    static func bareTag(_ tag: String) -> String { tag.hasPrefix("#") ? String(tag.dropFirst()) : tag }
}

public struct ReportPeriod {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// `tag`: only tasks with it; `excluding`: none with any of these (a subtask has its parents');
    /// `excludingRecurring`: no occurrence of a recurring task.
    public func run(from start: Day, through end: Day, tag: String?, excluding: [String] = [], excludingRecurring: Bool = false) throws -> PeriodReport {
        guard start <= end else { throw JournalError.emptyPeriod(start, end) }
        let bare = tag.map(PeriodReport.bareTag)
        let excluded = Set(excluding.map(PeriodReport.bareTag))
        let all = try TimelineReader(store).timeline(from: start, through: end).lives
            .filter { $0.lastDay >= start && (bare.map($0.tags.contains) ?? true) && excluded.isDisjoint(with: $0.tags) }
        let lives = all.filter { $0.occurrenceOf == nil }
        let occurrences = excludingRecurring ? [] : all.filter { $0.occurrenceOf != nil && $0.firstDay >= start }
        let inPeriod = { (day: Day?) in day.map { start <= $0 && $0 <= end } ?? false }
        let finished = lives.filter { inPeriod($0.finishedOn) }
        let open = lives.filter(\.isOpenAtEnd).map { ReportedTask($0) }
        let cancelled = lives.filter { inPeriod($0.cancelledOn) }.map { ReportedTask($0, day: $0.cancelledOn) }
        var groups: [String?: [ReportedTask]] = [:]
        for life in finished { groups[life.tags.first, default: []].append(ReportedTask(life, day: life.finishedOn)) }
        let ordered = groups.keys.sorted { ($0 == nil ? 1 : 0, $0 ?? "") < ($1 == nil ? 1 : 0, $1 ?? "") }
        return PeriodReport(
            since: start.iso, until: end.iso, tag: bare,
            finished: ordered.map { PeriodReport.Group(tag: $0, tasks: groups[$0]!) }, open: open, cancelled: cancelled,
            recurring: RecurringSummary.summaries(of: occurrences),
            counts: PeriodReport.Counts(added: lives.filter { inPeriod($0.firstDay) }.count, finished: finished.count,
                                        open: open.count, cancelled: cancelled.count))
    }
}
