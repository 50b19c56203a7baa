import JournalModel
import JournalStore

/// A task and the day it stands on, for the views that gather tasks from several days.
public struct DatedTask: Equatable {
    public let day: String
    public let task: DayView.TaskItem

    /// Soonest `date` first, then the earlier time.
    static func byDate(_ date: KeyPath<TaskFields, Day?>) -> (DatedTask, DatedTask) -> Bool {
        { ($0.task.fields[keyPath: date]!, $0.task.fields.time?.description ?? "") < ($1.task.fields[keyPath: date]!, $1.task.fields.time?.description ?? "") }
    }
}

/// The unfinished tasks that wait to be done: those of the days from the last `journal new`
/// (which carried every unfinished task of the days before it) through the days created ahead;
/// the latest day up to today alone when no recent commit is a `new`'s (a journal adopted from
/// elsewhere). Those few days are read once, and keep `status` quick as a journal grows.
struct WaitingTasks {
    /// How far back `status` looks for the last `new`: a day's commits are a few dozen.
    private static let commitsSearched = 100

    /// The days read, whole.
    let files: [(day: Day, file: DayFile)]
    let tasks: [DatedTask]

    init(_ store: Journal, today: Day) throws {
        let days = store.workingTreeDays
        let tomorrow = today.adding(days: 1) ?? today
        if let latest = try store.headTree().latestDay(before: tomorrow) {
            let started = try StartDay(store).lastCarry(from: try store.repository.headCommit(), searching: WaitingTasks.commitsSearched)?.1
            files = try days.files(from: min(started ?? latest, latest))
        } else {
            files = try days.files(from: today)
        }
        tasks = files.flatMap { day, file in
            DayView(day: day, file: file, path: store.layout.path(for: day)).tasks.filter { $0.state.isUnfinished }.map { DatedTask(day: day.iso, task: $0) }
        }
    }

    /// Due before `today`, soonest due first.
    func overdue(on today: Day) -> [DatedTask] {
        tasks.filter { $0.task.isOverdue(on: today) }.sorted(by: DatedTask.byDate(\.due))
    }

    func due(on today: Day) -> [DatedTask] { tasks.filter { $0.task.isDue(on: today) } }
}
