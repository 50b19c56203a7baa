/// A day as the commands show it: its tasks numbered, with their nesting and the lines under
/// them, and its notes.
public struct DayView: Equatable {
    public struct TaskItem: Equatable {
        public let number: Int
        public let id: String?
        public let state: TaskState
        /// The text as written, fields included.
        public let text: String
        /// The text without its fields (`description`), and the fields.
        public let description: String
        public let fields: TaskFields
        public let tags: [String]
        public let people: [String]
        public let depth: Int
        /// The number of the task this one is nested under.
        public let parent: Int?
        /// The id of the task this one is nested under.
        public let parentId: String?
        public let carriedTo: String?
        /// For an occurrence of a recurring task: the day template's task it came from.
        public let occurrenceOf: String?
        /// 1-based line in the file.
        public let line: Int
        /// The lines written under the task, indented deeper than it (a link, a sentence, a
        /// merge's "reworded on another machine" note): the task's own, shown with it.
        public let content: [Note]

        public func isOverdue(on today: Day) -> Bool { fields.isOverdue(state, on: today) }

        public func isDue(on today: Day) -> Bool { fields.isDue(state, on: today) }
    }

    public struct Note: Equatable {
        public let line: Int
        public let text: String
    }

    public let date: String
    public let weekday: String
    public let path: String
    public let tasks: [TaskItem]
    /// Every line that is not a task and not the heading, blank lines left out.
    public let notes: [Note]

    public init(day: Day, file: DayFile, path: String) {
        date = day.iso
        weekday = day.weekday.name
        self.path = path
        let entries = file.entries
        let entryOfLine = Dictionary(uniqueKeysWithValues: entries.map { ($0.lineIndex, $0) })
        let contentOfLine = Dictionary(uniqueKeysWithValues: entries.map { entry in
            (entry.lineIndex, file.contentLines(ofTaskAt: entry.lineIndex).filter { !file.lines[$0].isBlank }
                .map { Note(line: $0 + 1, text: file.lines[$0].text) })
        })
        tasks = entries.map { entry in
            let parsed = entry.task.parsedText
            return TaskItem(number: entry.number, id: entry.task.id?.value, state: entry.task.state, text: entry.task.text,
                     description: parsed.description, fields: parsed.fields, tags: entry.task.tags, people: entry.task.people, depth: entry.depth,
                     parent: entry.parentLineIndex.flatMap { entryOfLine[$0]?.number },
                     parentId: entry.parentLineIndex.flatMap { entryOfLine[$0]?.task.id?.value }, carriedTo: entry.task.carriedTo?.iso,
                     occurrenceOf: entry.task.occurrenceOf?.value, line: entry.lineIndex + 1, content: contentOfLine[entry.lineIndex] ?? [])
        }
        let headingLine = file.headingLine ?? -1
        let owned = Set(contentOfLine.values.joined().map(\.line))
        notes = file.lines.enumerated().compactMap { index, line in
            guard line.task == nil, index != headingLine, !line.isBlank, !owned.contains(index + 1) else { return nil }
            return Note(line: index + 1, text: line.text)
        }
    }
}
