import JournalModel
import JournalStore

public struct ChangeState {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct StateChange: Equatable {
        public let day: Day
        public let task: TaskLine
        public let previous: TaskState
        public var changed: Bool { previous != task.state }
    }

    /// Sets the box of each task named: `start` ([/]), `done` ([x]), `cancel` ([-]), `reopen`
    /// ([ ]). All or nothing, in one commit: every reference is resolved on the day as it was
    /// before any change, so numbers mean what `journal show` printed, and one that names no
    /// task stops the command before anything is written. A task named twice changes once.
    /// `doneDate` (given when `journal.doneDate` is on): a task done gets `✅ DATE`, and loses it
    /// when it leaves done, as Obsidian Tasks does.
    public func run(_ state: TaskState, of references: [TaskReference], near day: Day, doneDate: Day? = nil) throws -> [StateChange] {
        try store.write { draft in
            let targets = try TaskFinder(store).locateAll(references, near: day, in: &draft)
            var changes: [StateChange] = []
            for (taskDay, entry) in targets {
                var file = try draft.file(for: taskDay)!
                file.updateTask(atLine: entry.lineIndex) { task in
                    task.setState(state)
                    if let doneDate { task.changeFields { $0.done = state == .done ? doneDate : nil } }
                }
                let task = file.lines[entry.lineIndex].task!
                if task.state != entry.task.state { draft.write(file, for: taskDay) }
                changes.append(StateChange(day: taskDay, task: task, previous: entry.task.state))
            }
            let changed = changes.filter(\.changed)
            if !changed.isEmpty {
                let command = CommandName(settingStateTo: state)
                draft.message = CommitMessage.forTasks(command, changed.map { ($0.day, $0.task) })
            }
            return changes
        }
    }
}
