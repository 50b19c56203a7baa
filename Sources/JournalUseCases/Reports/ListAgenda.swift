import JournalModel
import JournalStore

/// `journal agenda`: what the coming days hold.
public struct Agenda: Equatable {
    public let from: String
    public let through: String
    /// Due before the first day and unfinished.
    public let overdue: [DatedTask]
    /// Due in the days shown, by due date (then time).
    public let due: [DatedTask]
    /// Scheduled (`⏳`) in the days shown, by date.
    public let scheduled: [DatedTask]
    /// The days after today that already have a file (tasks added with `--date`), soonest first.
    public let daysAhead: [DayView]
}

public struct ListAgenda {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// The `days` days from `today` on (today included).
    public func run(today: Day, days: Int) throws -> Agenda {
        let last = today.adding(days: days - 1) ?? today
        let waiting = try WaitingTasks(store, today: today)
        let inWindow = { (day: Day?) in day.map { today <= $0 && $0 <= last } ?? false }
        // The days ahead are among the waiting ones, read already.
        let ahead = waiting.files.filter { today < $0.day && $0.day <= last }
        for (day, file) in ahead { ShownListings.record(file, for: day, in: store.state) }
        return Agenda(
            from: today.iso, through: last.iso,
            overdue: waiting.overdue(on: today),
            due: waiting.tasks.filter { inWindow($0.task.fields.due) }.sorted(by: DatedTask.byDate(\.due)),
            scheduled: waiting.tasks.filter { inWindow($0.task.fields.scheduled) }.sorted(by: DatedTask.byDate(\.scheduled)),
            daysAhead: ahead.map { DayView(day: $0.day, file: $0.file, path: store.layout.path(for: $0.day)) })
    }
}
