import JournalModel
import JournalStore

public struct ListAgenda {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// `journal agenda`: the days after `today` that already have a file (tasks scheduled with
    /// `journal add --date`), soonest first, at most `limit` of them.
    public func run(after today: Day, limit: Int?) throws -> [DayView] {
        let days = try store.workingTreeDays.files(from: today.adding(days: 1) ?? today).filter { $0.day > today }
        return days.prefix(limit ?? days.count).map { DayView(day: $0.day, file: $0.file) }
    }
}
