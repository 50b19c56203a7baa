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
    public func run(_ state: TaskState, of references: [TaskReference], near day: Day) throws -> [StateChange] {
        try store.write { draft in
            var targets: [(day: Day, entry: DayFile.Entry)] = []
            for reference in references {
                let (taskDay, entry) = try TaskFinder(store).locate(reference, near: day, in: &draft)
                if !targets.contains(where: { $0.day == taskDay && $0.entry.lineIndex == entry.lineIndex }) {
                    targets.append((taskDay, entry))
                }
            }
            var changes: [StateChange] = []
            for (taskDay, entry) in targets {
                var file = try draft.file(for: taskDay)!
                file.updateTask(atLine: entry.lineIndex) { $0.setState(state) }
                let task = file.lines[entry.lineIndex].task!
                if task.state != entry.task.state { draft.write(file, for: taskDay) }
                changes.append(StateChange(day: taskDay, task: task, previous: entry.task.state))
            }
            let changed = changes.filter(\.changed)
            if !changed.isEmpty {
                let command = CommandName(settingStateTo: state)
                let verb = command.rawValue
                let days = Set(changed.map(\.day))
                let subject = changed.count == 1
                    ? CommitMessage.taskSubject(verb, changed[0].task)
                    : "\(verb) \(changed.count) tasks: " + changed.map { $0.task.id.map { "^" + $0.value } ?? $0.task.text }.joined(separator: " ")
                draft.message = CommitMessage(command: command, subject: subject, day: days.count == 1 ? days.first : nil,
                                              tasks: changed.compactMap(\.task.id))
            }
            return changes
        }
    }
}
