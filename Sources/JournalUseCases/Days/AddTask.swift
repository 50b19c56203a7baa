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
    /// carries into it without duplicating anything).
    public func run(_ text: String, tags: [String], to day: Day) throws -> Added {
        let fullText = try AddTask.taskText(text, tags: tags)
        return try store.write { draft in
            let existing = try draft.file(for: day)
            var file = existing ?? DayFile.new(for: day)
            let task = TaskLine(state: .open, text: fullText, id: try draft.freshID(besides: Set(file.tasks.compactMap(\.id))))
            file.appendTasks([task])
            draft.write(file, for: day)
            draft.message = CommitMessage(command: .add, subject: CommitMessage.taskSubject("add", task) + " (\(day.iso))", day: day, tasks: [task.id!])
            return Added(day: day, number: file.entries.count, task: task, startedDay: existing == nil)
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
