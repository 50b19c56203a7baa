/// `journal report`: a period for stakeholders. Tasks finished in it grouped by tag, still open
/// at its end, dropped (cancelled) in it, and counts.
public struct PeriodReport: Encodable, Equatable {
    public struct Group: Encodable, Equatable {
        /// The tag the tasks share (their first), or nil for untagged tasks.
        public let tag: String?
        public let tasks: [ReportedTask]
    }

    public struct Counts: Encodable, Equatable {
        /// Tasks that first appeared in the period.
        public let added: Int
        public let finished: Int
        public let open: Int
        public let dropped: Int
    }

    public let since: String
    public let until: String
    /// Only tasks with this tag, when given.
    public let tag: String?
    public let finished: [Group]
    public let open: [ReportedTask]
    public let dropped: [ReportedTask]
    public let counts: Counts
}

extension Journal {
    public func report(from start: Day, through end: Day, tag: String?) throws -> PeriodReport {
        guard start <= end else { throw JournalError.emptyPeriod(start, end) }
        let bare = tag.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        let lives = try timeline(from: start, through: end).lives
            .filter { $0.lastDay >= start && (bare.map($0.tags.contains) ?? true) }
        let inPeriod = { (day: Day?) in day.map { start <= $0 && $0 <= end } ?? false }
        let finished = lives.filter { inPeriod($0.finishedOn) }
        let open = lives.filter(\.isOpenAtEnd).map { ReportedTask($0) }
        let dropped = lives.filter { inPeriod($0.cancelledOn) }.map { ReportedTask($0, day: $0.cancelledOn) }
        var groups: [String?: [ReportedTask]] = [:]
        for life in finished { groups[life.tags.first, default: []].append(ReportedTask(life, day: life.finishedOn)) }
        let ordered = groups.keys.sorted { ($0 == nil ? 1 : 0, $0 ?? "") < ($1 == nil ? 1 : 0, $1 ?? "") }
        return PeriodReport(
            since: start.iso, until: end.iso, tag: bare,
            finished: ordered.map { PeriodReport.Group(tag: $0, tasks: groups[$0]!) }, open: open, dropped: dropped,
            counts: PeriodReport.Counts(added: lives.filter { inPeriod($0.firstDay) }.count, finished: finished.count,
                                        open: open.count, dropped: dropped.count))
    }
}
