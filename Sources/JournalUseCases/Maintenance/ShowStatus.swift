import JournalModel
import JournalStore

/// What `journal status` reports. Read-only: it commits nothing.
public struct JournalStatus: Equatable {
    public let directory: String
    public let today: String
    public let todayStarted: Bool
    /// Today's unfinished tasks.
    public let openTasks: [DayView.TaskItem]
    /// Unfinished tasks due before today, and due today, from any day that holds waiting tasks.
    public let overdue: [DatedTask]
    public let dueToday: [DatedTask]
    /// The latest day with a file, today or before.
    public let lastDay: String?
    public let daysSinceLastDay: Int?
    /// Paths edited outside journal and not committed yet (the next journal command commits them).
    public let uncommitted: [String]
    /// Commits not yet pushed to, and not yet merged from, each remote as of the last sync.
    public let remotes: [RemoteState]

    public struct RemoteState: Equatable {
        public let name: String
        public let url: String
        public let ahead: Int
        public let behind: Int
        /// When the last successful sync ended (`YYYY-MM-DD HH:MM`, local time), if ever.
        public let lastSync: String?
    }
}

public struct ShowStatus {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public func run(today: Day) throws -> JournalStatus {
        let todayFile = try store.currentFile(for: today)
        if let todayFile { ShownListings.record(todayFile, for: today, in: store.state) }
        let todayView = todayFile.map { DayView(day: today, file: $0, path: store.layout.path(for: today)) }
        let waiting = try WaitingTasks(store, today: today)
        let lastDay = try todayView != nil ? today : store.headTree().latestDay(before: today)
        return JournalStatus(
            directory: store.directory,
            today: today.iso,
            todayStarted: todayView != nil,
            openTasks: todayView?.tasks.filter { $0.state.isUnfinished } ?? [],
            overdue: waiting.overdue(on: today),
            dueToday: waiting.due(on: today),
            lastDay: lastDay?.iso,
            daysSinceLastDay: lastDay.map { $0.days(until: today) },
            uncommitted: try store.pendingHandEdits(),
            remotes: try remoteStates())
    }

    private func remoteStates() throws -> [JournalStatus.RemoteState] {
        let head = try store.repository.referenceTarget("HEAD")
        return try store.repository.remotes().map { remote in
            let tracking = try store.repository.referenceTarget("refs/remotes/\(remote.name)/\(try store.branch())")
            let counts = try head.flatMap { head in try tracking.map { try store.repository.aheadBehind(head, $0) } } ?? (0, 0)
            return JournalStatus.RemoteState(name: remote.name, url: remote.url, ahead: counts.0, behind: counts.1, lastSync: store.lastSync(remote.name))
        }
    }
}
