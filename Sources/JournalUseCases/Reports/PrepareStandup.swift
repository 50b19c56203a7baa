import JournalModel
import JournalStore

/// `journal standup`: what to say at the morning meeting. Done on the previous working day (the
/// last day before with a file), in progress and planned today, blocked (`#blocked`), and the
/// unfinished tasks carried the longest.
public struct Standup: Equatable {
    public let date: String
    /// The previous working day, if the journal has one.
    public let previousDay: String?
    public let done: [ReportedTask]
    public let inProgress: [ReportedTask]
    public let planned: [ReportedTask]
    public let blocked: [ReportedTask]
    /// Today's unfinished tasks that have waited longest, oldest first, at most three.
    public let carriedLongest: [ReportedTask]
    /// Recurring tasks over the previous working day and today, counted apart from the lists above.
    public let recurring: [RecurringSummary]
    /// Unfinished tasks due before the stand-up's day, and due on it, from the days that hold waiting tasks.
    public var overdue: [DatedTask] = []
    public var dueToday: [DatedTask] = []

    public static let blockedTag = "blocked"
    static let longestCount = 3
}

public struct PrepareStandup {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// Today's list is the working tree's, with what `journal new` would still carry into it
    /// from the previous working day (all of that before `new` has run).
    public func run(on today: Day) throws -> Standup {
        let previous = store.workingTreeDays.days(through: today).last { $0 < today }
        let read = { (day: Day) in try store.files.read(store.layout.path(for: day)).map { (day: day, file: DayFile(bytes: $0, words: store.marker.taskWords)) } }
        let previousFile = try previous.flatMap(read)
        let todayFile = try read(today)
        let timeline = try TimelineReader(store).timeline(of: [previousFile, todayFile].compactMap { $0 })
        let todayTasks = todayFile?.file.tasks.filter { $0.occurrenceOf == nil } ?? []
        let previousTasks = previousFile?.file.tasks.filter { $0.occurrenceOf == nil } ?? []
        let planned = Set(todayTasks.map(TaskTimeline.key(of:)))
        let current = todayTasks.filter(\.state.isUnfinished)
            + previousTasks.filter { $0.state.isUnfinished && !planned.contains(TaskTimeline.key(of: $0)) }
        let lives = Dictionary(uniqueKeysWithValues: timeline.lives.map { ($0.key, $0) })
        let report = { (tasks: [TaskLine], day: Day) in tasks.compactMap { lives[TaskTimeline.key(of: $0)].map { ReportedTask($0, day: day) } } }
        let isBlocked = { (task: TaskLine) in task.tags.contains(Standup.blockedTag) }
        var standup = Standup(
            date: today.iso, previousDay: previous?.iso,
            done: previous.map { report(previousTasks.filter { $0.state == .done }, $0) } ?? [],
            inProgress: report(current.filter { $0.state == .inProgress && !isBlocked($0) }, today),
            planned: report(current.filter { $0.state == .open && !isBlocked($0) }, today),
            blocked: report(current.filter(isBlocked), today),
            carriedLongest: Array(report(current, today).filter { $0.timesCarried > 0 }
                .sorted { ($0.since, -$0.timesCarried) < ($1.since, -$1.timesCarried) }.prefix(Standup.longestCount)),
            recurring: RecurringSummary.summaries(of: timeline.lives))
        let waiting = try WaitingTasks(store, today: today)
        standup.overdue = waiting.overdue(on: today)
        standup.dueToday = waiting.due(on: today)
        return standup
    }
}
