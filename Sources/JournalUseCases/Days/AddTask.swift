import JournalModel
import JournalStore

public struct AddTask {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct Added: Equatable {
        public let day: Day
        public let number: Int
        public let task: TaskLine
        /// True when the day had no file yet and this started it.
        public let startedDay: Bool
    }

    /// Appends an open task to `day`, creating the day file when needed (`journal new` later
    /// carries into it without duplicating anything). Fields typed in the text (`📅 2025-01-24`)
    /// are read as Obsidian reads them; `fields` set on the command line replace them. With
    /// `parent`, the task goes last under that task, which must be on `day`.
    public func run(_ text: String, tags: [String], fields: TaskFields = TaskFields(), to day: Day,
                    under parent: TaskReference? = nil) throws -> Added {
        var typed = TaskText(parsing: try AddTask.taskText(text, tags: tags))
        typed.fields.overwrite(with: fields)
        guard !typed.description.isEmpty else { throw JournalError.invalidTaskText("it has fields but no words") }
        return try store.write { draft in
            let existing = try draft.file(for: day)
            var file = existing ?? DayFile.new(for: day, words: store.marker.taskWords)
            let task = TaskLine(state: .open, text: typed.written, id: try draft.freshID(besides: Set(file.tasks.compactMap(\.id))))
            if let parent {
                let (parentDay, entry) = try TaskFinder(store).locate(parent, near: day, in: &draft)
                guard parentDay == day else {
                    throw JournalError.refusedRequest(
                        "--under: ^\(entry.task.id?.value ?? "?") is on \(parentDay.iso), not \(day.iso); a subtask goes on its parent's day")
                }
                file.addSubtask(task, under: entry.lineIndex)
            } else {
                file.appendTasks([task])
            }
            draft.write(file, for: day)
            draft.message = CommitMessage(command: .add, subject: CommitMessage.taskSubject("add", task) + " (\(day.iso))", day: day, tasks: [task.id!])
            let number = file.entries.first { $0.task.id == task.id }!.number
            return Added(day: day, number: number, task: task, startedDay: existing == nil)
        }
    }

    /// The text of a new task: one line, no control characters, tags appended as `#tag`.
    static func taskText(_ text: String, tags: [String]) throws -> String {
        if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let name = bad == "\n" || bad == "\r" ? "a line break" : "the control character \(bad.codePoint)"
            throw JournalError.invalidTaskText("it contains \(name); a task is one line")
        }
        var result = text.trimmingCharacters(in: " ")
        guard !result.isEmpty else { throw JournalError.invalidTaskText("it is empty") }
        if result.unicodeScalars.last == TaskLine.occurrenceSign {
            throw JournalError.invalidTaskText("it ends in 🔁, which marks an occurrence of a recurring task before an id; put a word after it")
        }
        for tag in tags {
            let bare = tag.hasPrefix("#") ? String(tag.dropFirst()) : tag
            guard bare.first?.isLetter == true, bare.allSatisfy(TaskLine.isWordCharacter) else { throw JournalError.invalidTag(tag) }
            if !TaskLine(state: .open, text: result).tags.contains(bare) { result += " #" + bare }
        }
        return result
    }
}
