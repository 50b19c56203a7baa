import JournalModel
import JournalStore

/// A task and the day it stands on, for the views that gather tasks from several days.
public struct DatedTask: Equatable {
    public let day: String
    public let task: DayView.TaskItem
}

/// The unfinished tasks that wait to be done: those of the days from the last `journal new`
/// (which carried every unfinished task of the days before it) through the days created ahead;
/// the latest day up to today alone when no recent commit is a `new`'s (a journal adopted from
/// elsewhere). Reading those few days keeps `status` quick as a journal grows.
struct WaitingTasks {
    let store: Journal
    /// How far back `status` looks for the last `new`: a day's commits are a few dozen.
    private static let commitsSearched = 100

    func run(today: Day) throws -> [DatedTask] {
        let days = store.workingTreeDays
        let tomorrow = today.adding(days: 1) ?? today
        guard let latest = try store.headTree().latestDay(before: tomorrow) else { return try read(days.files(from: today)) }
        let started = try StartDay(store).lastCarry(from: try store.repository.headCommit(), searching: WaitingTasks.commitsSearched)?.1
        return try read(days.files(from: min(started ?? latest, latest)))
    }

    private func read(_ files: [(day: Day, file: DayFile)]) -> [DatedTask] {
        files.flatMap { day, file in
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
