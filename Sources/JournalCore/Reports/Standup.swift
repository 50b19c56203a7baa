/// `journal standup`: what to say at the morning meeting. Done on the previous working day (the
/// last day before with a file), in progress and planned today, blocked (`#blocked`), and the
/// unfinished tasks carried the longest.
public struct Standup: Encodable, Equatable {
    public let date: String
    /// The previous working day, if the journal has one.
    public let previousDay: String?
    public let done: [ReportedTask]
    public let inProgress: [ReportedTask]
    public let planned: [ReportedTask]
    public let blocked: [ReportedTask]
    /// Today's unfinished tasks that have waited longest, oldest first, at most three.
    public let carriedLongest: [ReportedTask]

    public static let blockedTag = "blocked"
    static let longestCount = 3
}

extension Journal {
    /// Today's list is the working tree's; before `journal new` it is what `new` would carry.
    public func standup(on today: Day) throws -> Standup {
        let previous = daysWithFiles(through: today).last { $0 < today }
        let history = try periodFiles(from: previous ?? today, through: today)
        let todayFile = history.last { $0.day == today }?.file
        let previousFile = history.last { $0.day == previous }?.file
        let current = (todayFile ?? previousFile)?.tasks.filter(\.state.isUnfinished) ?? []
        let lives = Dictionary(TaskTimeline(history).lives.map { ($0.key, $0) }) { first, _ in first }
        let report = { (tasks: [Task], day: Day) in tasks.compactMap { lives[TaskTimeline.key(of: $0)].map { ReportedTask($0, day: day) } } }
        let isBlocked = { (task: Task) in task.tags.contains(Standup.blockedTag) }
        return Standup(
            date: today.iso, previousDay: previous?.iso,
            done: previous.map { report(previousFile?.tasks.filter { $0.state == .done } ?? [], $0) } ?? [],
            inProgress: report(current.filter { $0.state == .inProgress && !isBlocked($0) }, today),
            planned: report(current.filter { $0.state == .open && !isBlocked($0) }, today),
            blocked: report(current.filter(isBlocked), today),
            carriedLongest: Array(report(current, today).filter { $0.timesCarried > 0 }
                .sorted { ($0.since, -$0.timesCarried) < ($1.since, -$1.timesCarried) }.prefix(Standup.longestCount)))
    }
}
