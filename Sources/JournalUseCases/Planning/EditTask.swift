import JournalModel
import JournalStore

/// `journal edit-task`: a task's words or fields changed from the command line, without an
/// editor. Its id, state, nesting and the lines under it stay.
public struct EditTask {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct Change {
        /// New words (fields typed in them are read as `add` reads them), or nil to keep them.
        public var wording: String?
        /// Fields to set.
        public var fields = TaskFields()
        /// Fields to remove, by their names in `TaskFields.clearableNames` (`due`, `priority`, `time`…).
        public var clearing: Set<String> = []

        public init(wording: String? = nil, fields: TaskFields = TaskFields(), clearing: Set<String> = []) {
            self.wording = wording
            self.fields = fields
            self.clearing = clearing
        }
    }

    public struct Edited: Equatable {
        public let day: Day
        public let before: TaskLine
        public let task: TaskLine
        public var changed: Bool { before != task }
    }

    public func run(_ reference: TaskReference, near day: Day, _ change: Change) throws -> Edited {
        let typed = try change.wording.map { TaskText(parsing: try AddTask.taskText($0, tags: [])) }
        if let typed, typed.description.isEmpty { throw JournalError.invalidTaskText("it has fields but no words") }
        return try store.write { draft in
            let (taskDay, entry) = try TaskFinder(store).locate(reference, near: day, in: &draft)
            var file = try draft.file(for: taskDay)!
            file.updateTask(atLine: entry.lineIndex) { task in
                let original = TaskText(parsing: task.text)
                var text = original
                if let typed {
                    text.description = typed.description
                    text.fields.overwrite(with: typed.fields)
                }
                text.fields.overwrite(with: change.fields)
                text.fields.clear(change.clearing)
                if text != original { task.text = text.written }
            }
            let task = file.lines[entry.lineIndex].task!
            if task != entry.task {
                draft.write(file, for: taskDay)
                draft.message = CommitMessage.forTasks(.editTask, [(taskDay, task)])
            }
            return Edited(day: taskDay, before: entry.task, task: task)
        }
    }
}
