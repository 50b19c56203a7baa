import JournalModel
import JournalStore

/// A task and the day it stands on, for the views that gather tasks from several days.
public struct DatedTask: Equatable {
    public let day: String
    public let task: DayView.TaskItem
}

/// The unfinished tasks that wait to be done: those of the days the next `journal new` would
/// carry from (the days since the last carry that hold unfinished tasks, today included) and
/// those of the days created ahead. Reading those few days keeps `status` quick as a journal grows.
struct WaitingTasks {
    let store: Journal

    func run(today: Day) throws -> [DatedTask] {
        let tomorrow = today.adding(days: 1) ?? today
        let draft = try Draft(repository: store.repository, state: store.state)
        let current = try StartDay(store).carrySources(before: tomorrow, in: draft).map(\.day)
        let ahead = try store.workingTreeDays.days(from: tomorrow)
        return try (current + ahead).flatMap { day in
            guard let file = try store.currentFile(for: day) else { return [DatedTask]() }
            return DayView(day: day, file: file).tasks.filter { $0.state.isUnfinished }.map { DatedTask(day: day.iso, task: $0) }
        }
    }

    /// Due before `today`, soonest due first.
    func overdue(today: Day) throws -> [DatedTask] {
        try run(today: today).filter { $0.task.isOverdue(on: today) }.sorted { $0.task.fields.due! < $1.task.fields.due! }
    }

    func dueToday(_ today: Day) throws -> [DatedTask] {
        try run(today: today).filter { $0.task.isDue(on: today) }
    }
}
