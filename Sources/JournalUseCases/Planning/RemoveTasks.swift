import JournalModel
import JournalStore

/// `journal rm`: tasks deleted on purpose, each with the lines written under it and its
/// subtasks. The history keeps them (`journal log ID` shows the deletion) and `journal undo`
/// brings them back.
public struct RemoveTasks {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct Removed: Equatable {
        public let day: Day
        public let task: TaskLine
        /// Tasks nested under it, removed with it.
        public let subtasks: Int
    }

    /// All or nothing, one commit.
    public func run(_ references: [TaskReference], near day: Day) throws -> [Removed] {
        try store.write { draft in
            let tasks = try TaskFinder(store).locateAll(references, near: day, in: &draft)
            var removed: [Removed] = []
            for (taskDay, group) in Dictionary(grouping: tasks, by: \.day).sorted(by: { $0.key < $1.key }) {
                var file = try draft.file(for: taskDay)!
                let items = group.map { (entry: $0.entry, lines: file.itemLines(atLine: $0.entry.lineIndex)) }
                // A task named along with one it is nested in goes with that one.
                let outermost = items.filter { item in !items.contains { $0.lines != item.lines && $0.lines.contains(item.entry.lineIndex) } }
                for item in outermost.sorted(by: { $0.entry.lineIndex > $1.entry.lineIndex }) {
                    let subtasks = file.entries.filter { item.lines.contains($0.lineIndex) }.count - 1
                    file.removeItem(atLine: item.entry.lineIndex)
                    removed.insert(Removed(day: taskDay, task: item.entry.task, subtasks: subtasks), at: 0)
                }
                draft.write(file, for: taskDay)
            }
            draft.message = CommitMessage.forTasks(.remove, removed.map { ($0.day, $0.task) })
            return removed
        }
    }
}
