import JournalModel
import JournalStore

/// `journal move`: tasks deferred to another day. Each becomes `[>] … → DAY` where it was and
/// stands on that day with its id and history, its unfinished subtasks nested under it; a day
/// that has it already (moved there before) keeps that line.
public struct MoveTasks {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct Moved: Equatable {
        public let from: Day
        public let task: TaskLine
    }

    /// All or nothing, one commit. `today`: no task moves to a day before it, where no `journal
    /// new` would carry it on.
    public func run(_ references: [TaskReference], to target: Day, near day: Day, today: Day) throws -> [Moved] {
        guard target >= today else {
            throw JournalError.refusedRequest("cannot move to \(target.iso): it is before today (\(today.iso)); a task moves to today or later")
        }
        return try store.write { draft in
            let tasks = try TaskFinder(store).locateAll(references, near: day, in: &draft)
            for (taskDay, entry) in tasks {
                let name = "^\(entry.task.id?.value ?? "?") \(entry.task.description)"
                guard entry.task.state.isUnfinished else {
                    throw JournalError.refusedRequest("cannot move \(name): it is \(entry.task.state.rawValue) on \(taskDay.iso); reopen it first")
                }
                guard taskDay != target else { throw JournalError.refusedRequest("cannot move \(name): it is on \(target.iso) already") }
            }
            var moved: [Moved] = []
            for (source, group) in Dictionary(grouping: tasks, by: \.day).sorted(by: { $0.key < $1.key }) {
                let file = try draft.file(for: source)!
                let lines = Set(group.flatMap { file.itemLines(atLine: $0.entry.lineIndex) })
                let result = CarryForward.carry(
                    from: [(source, file)], into: try draft.file(for: target) ?? DayFile.new(for: target, words: store.marker.taskWords), on: target,
                    carriedTemplateTasks: Set(file.tasks.compactMap(\.occurrenceOf)), onlyLines: lines)
                draft.write(result.changedSources[source] ?? file, for: source)
                draft.write(result.target, for: target)
                moved += group.map { Moved(from: source, task: $0.entry.task) }
            }
            draft.message = CommitMessage.forTasks(.move, moved.map { ($0.from, $0.task) }, verb: "move to \(target.iso):")
            return moved
        }
    }
}
