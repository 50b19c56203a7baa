import JournalModel
import JournalStore

/// The lives of tasks across days, for `standup`, `report` and `stats`.
struct TimelineReader {
    let store: Journal

    init(_ store: Journal) {
        self.store = store
    }

    /// The tasks of the days from `start` through `end` as their files stand in the working tree,
    /// with each task's first day and times carried from the history index: a carry can skip days
    /// (`journal new --no-carry`, `journal.carry=off`), so the days before a period cannot tell
    /// where its tasks began, and a long journal is not read whole.
    func timeline(from start: Day, through end: Day) throws -> TaskTimeline {
        try timeline(of: try store.workingTreeDays.files(from: start, through: end))
    }

    /// The same for day files already read, oldest first.
    func timeline(of days: [(day: Day, file: DayFile)]) throws -> TaskTimeline {
        var timeline = TaskTimeline(days)
        let ids = timeline.lives.compactMap(\.id)
        if !ids.isEmpty { timeline.amend(with: try store.historyIndex(progress: nil).lifetimes(of: ids)) }
        return timeline
    }
}
