extension Journal {
    public struct StateChange: Equatable {
        public let day: Day
        public let task: Task
        public let previous: TaskState
        public var changed: Bool { previous != task.state }
    }

    /// Sets a task's box: `start` ([/]), `done` ([x]), `cancel` ([-]), `reopen` ([ ]).
    public func setState(_ state: TaskState, of reference: TaskReference, near day: Day, verb: String) throws -> StateChange {
        try write { draft in
            let (taskDay, entry) = try locate(reference, near: day, in: &draft)
            var file = try draft.file(for: taskDay)!
            file.updateTask(atLine: entry.lineIndex) { $0.setState(state) }
            let task = file.lines[entry.lineIndex].task!
            if task.state != entry.task.state {
                draft.write(file, for: taskDay)
                draft.message = CommitMessage(command: verb, subject: CommitMessage.taskSubject(verb, task), day: taskDay, tasks: task.id.map { [$0] } ?? [])
            }
            return StateChange(day: taskDay, task: task, previous: entry.task.state)
        }
    }
}
