import JournalModel
import JournalStore

/// A task and the day it stands on, for the views that gather tasks from several days.
public struct DatedTask: Equatable {
    public let day: String
    public let task: DayView.TaskItem
}

/// The unfinished tasks that wait to be done: those of the latest day up to today (a carry
/// brings every unfinished task there, so no earlier day holds one that still waits) and those
/// of the days created ahead. Reading those few days keeps `status` as quick as a journal grows.
struct WaitingTasks {
    let store: Journal

    func run(today: Day) throws -> [DatedTask] {
        let ahead = try store.workingTreeDays.files(from: today)
        let current = try ahead.first?.day == today ? nil : store.headTree().latestDay(before: today).flatMap { day in
            try store.currentFile(for: day).map { (day: day, file: $0) }
        }
        return ([current].compactMap { $0 } + ahead).flatMap { day, file in
            DayView(day: day, file: file).tasks.filter { $0.state.isUnfinished }.map { DatedTask(day: day.iso, task: $0) }
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
