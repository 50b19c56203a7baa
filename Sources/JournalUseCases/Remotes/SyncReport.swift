import JournalModel

/// What `journal sync` did, or with `--dry-run` would do.
public struct SyncReport: Equatable {
    public enum Outcome: String { case upToDate = "up to date", fastForward = "fast-forward", merged, pushed }

    public let remote: String

    /// Subjects of the commits that came in, newest first.
    public var incoming: [String] = []
    /// Subjects of the commits that went out (or would), newest first.
    public var outgoing: [String] = []
    /// With `--dry-run`: what the incoming and outgoing commits change in each day, task by task.
    public var incomingDays: [DayComparison] = []
    public var outgoingDays: [DayComparison] = []
    public var outcomes: [Outcome] = []
    /// The remote had no main although an earlier sync saw one (deleted there): ours was pushed.
    public var remoteMainWasGone = false
    /// Days merged task by task.
    public var mergedDays: [String] = []
    /// Files Git could not merge, kept in both versions: ours at its path, theirs beside it.
    public var keptBoth: [String] = []
    /// Copies of tasks withdrawn from later days, because the task was finished on an earlier one.
    public var withdrawn: [TaskPlacement.Move] = []
    /// Copies made arrows to the day their task stands on, because the two machines carried it apart.
    public var redirected: [TaskPlacement.Move] = []
    /// Occurrences of a recurring task both machines added to a day: one kept for each.
    public var sameOccurrences: [JournalMerge.SameOccurrence] = []

    init(remote: String, outcomes: [Outcome] = []) {
        self.remote = remote
        self.outcomes = outcomes
    }
}
