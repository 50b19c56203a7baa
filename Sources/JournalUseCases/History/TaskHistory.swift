import JournalModel
import JournalStore

/// `journal log TASK`: a task's whole life, read from the history index.
public struct TaskLog: Equatable {
    public struct Summary: Equatable {
        /// The day the task first appeared on.
        public let created: String
        public let ageDays: Int
        /// From its first day to the day it was finished or cancelled, or to today.
        public let daysOpen: Int
        public let timesCarried: Int
        public let state: String
        public let day: String
    }

    public let task: String
    public let text: String
    public let events: [TaskEvent]
    public let summary: Summary
    /// For an occurrence of a recurring task: the template task's id, and its rule as the
    /// template says it now (nil when it has none or is gone).
    public var occurrenceOf: String?
    public var rule: String?
}

public struct TaskHistory {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// A task named by id (with or without `^`), by its number in today's list, or by words of its
    /// text that match it alone.
    public func log(_ query: String, today: Day, progress: ((Int, Int) -> Void)? = nil) throws -> TaskLog {
        let index = try store.historyIndex(progress: progress)
        let id = try resolveTask(query, today: today, index: index)
        let events = try index.events(of: id)
        guard let first = events.first, let current = try index.task(id), let createdDay = Day(iso: first.day) else {
            throw JournalError.noSuchTask("^" + id.value, nil)
        }
        let finished = events.last { $0.kind == .state && ($0.to == TaskState.done.rawValue || $0.to == TaskState.cancelled.rawValue) }
        let openUntil = [TaskState.done.rawValue, TaskState.cancelled.rawValue].contains(current.state) ? finished.flatMap { Day(iso: $0.day) } ?? today : today
        let summary = TaskLog.Summary(
            created: first.day, ageDays: createdDay.days(until: today), daysOpen: createdDay.days(until: openUntil),
            timesCarried: TaskEvent.timesCarried(in: events), state: current.state, day: current.day)
        var log = TaskLog(task: id.value, text: current.text, events: events, summary: summary)
        if let day = Day(iso: current.day), let template = try store.currentFile(for: day)?.entry(for: id)?.task.occurrenceOf {
            log.occurrenceOf = template.value
            log.rule = try store.files.read(DayTemplate.path).flatMap { DayTemplate(DayFile(bytes: $0, words: store.marker.taskWords)).task(withID: template)?.recurrence?.text }
        }
        return log
    }

    private func resolveTask(_ query: String, today: Day, index: HistoryIndex) throws -> TaskID {
        switch TaskReference(query) {
        case .numberOrID(let number, let id):
            return try TaskReference.choose(
                query, number: { try numberedTask(number, today: today, query: query) },
                id: { try index.task(id) != nil ? id : nil },
                describe: { id in TaskHistory.describe(id, in: index) })
        case .number(let number):
            return try numberedTask(number, today: today, query: query)
        case .id(let id) where try index.task(id) != nil:
            return id
        default:
            let matches = try index.tasks(matching: query.hasPrefix("^") ? String(query.dropFirst()) : query)
            guard let only = matches.first else { throw JournalError.noSuchTask(query, nil) }
            guard matches.count == 1 else {
                let candidates = matches.prefix(10).map { TaskCandidate(id: $0.id, text: $0.text, day: $0.day, state: $0.state) }
                throw JournalError.ambiguousTask(query, candidates, total: matches.count)
            }
            return TaskID(only.id)!
        }
    }

    private static func describe(_ id: TaskID, in index: HistoryIndex) -> String {
        guard let task = try? index.task(id) else { return "^" + id.value }
        return "^\(id.value) \(task.text) (\(task.day))"
    }

    private func numberedTask(_ number: Int, today: Day, query: String) throws -> TaskID {
        guard let file = try store.currentFile(for: today) else { throw JournalError.noSuchDay(today) }
        let entries = file.entries
        guard number <= entries.count else { throw JournalError.taskNumberOutOfRange(number, today, count: entries.count) }
        guard let id = entries[number - 1].task.id else { throw JournalError.noSuchTask(query, today) }
        return id
    }
}

/// One line of `journal log` without a task: a commit and the days it changed.
public struct LogEntry: Equatable {
    public let commit: CommitInfo
    public let days: [String]
}

extension TaskHistory {
    /// The journal's change history, newest first, optionally only the commits that changed `day`,
    /// made from `since` (inclusive) to `until` (exclusive) days, at most `limit` of them.
    public func history(day: Day?, since: Day?, until: Day?, limit: Int?, progress: ((Int, Int) -> Void)? = nil) throws -> [LogEntry] {
        let index = try store.historyIndex(progress: progress)
        let start = try since.map { try TaskHistory.startOfDay($0) }
        let end = try until.map { try TaskHistory.startOfDay($0.adding(days: 1) ?? $0) }
        return try index.commits(touching: day, since: start, until: end, limit: limit).map { LogEntry(commit: $0.0, days: $0.1) }
    }

    /// Local midnight at the start of a day, in seconds since the epoch.
    private static func startOfDay(_ day: Day) throws -> Int64 {
        guard let (seconds, _) = GitDate.parse("\(day.iso)T00:00:00") else { throw InvalidDate(day.iso, accepted: DayExpression.accepted) }
        return seconds
    }
}
