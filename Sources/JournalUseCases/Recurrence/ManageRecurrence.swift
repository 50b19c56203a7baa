import JournalModel
import JournalStore

/// `journal recur`: the day template's tasks and their rules, added, listed and removed, each
/// change one commit of `templates/day.md`.
public struct ManageRecurrence {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// A task of the day template, as `recur list` shows it.
    public struct TemplateTask: Equatable {
        public let number: Int
        /// Nil for a task written by hand that no command has given an id yet.
        public let id: TaskID?
        public let text: String
        /// The rule as written after `🔁`, or nil for a task that comes on every day started.
        public let rule: String?
        /// False when the rule (or one of a task it is nested in) cannot be read: `journal check` says why.
        public let isReadable: Bool
        /// The next day on or after today it comes on, that does not have its occurrence yet.
        public let next: Day?
        /// How many template tasks it is nested in.
        public let depth: Int
        /// The template task it is nested under.
        public let parent: TaskID?
    }

    /// Adds `text` to the day template, recurring by `every` (`weekday`, `week on friday`, or
    /// with its leading `every`). A rule that counts from a start date gets `today`'s.
    public func add(_ text: String, every: String, today: Day) throws -> TemplateTask {
        let taskText = try AddTask.taskText(text, tags: [])
        if let sign = DayTemplate.fieldSign(in: taskText) {
            throw JournalError.invalidTaskText("it contains \(sign), which Obsidian Tasks reads as the start of a field; leave it out")
        }
        let written = every.lowercased().hasPrefix("every") ? every : "every " + every
        var start: Day?
        do {
            _ = try Recurrence(parsing: written)
        } catch {
            guard Recurrence.needsStart(written) else { throw JournalError.invalidRecurrence(String(describing: error)) }
            start = today
        }
        return try store.write { draft in
            var file = try draft.dayTemplate()?.file ?? DayFile(bytes: [], words: store.marker.taskWords)
            let startField = start.map { " 🛫 \($0.iso)" } ?? ""
            let task = TaskLine(state: .open, text: "\(taskText) 🔁 \(written)\(startField)",
                                id: try draft.freshID(besides: Set(file.tasks.compactMap(\.id))))
            file.appendTasks([task])
            draft.writeFile(file.bytes, at: DayTemplate.path)
            draft.message = CommitMessage(command: .recur, subject: "recur add ^\(task.id!.value) \(taskText) (\(written))")
            return try listed(DayTemplate(file), today: today).first { $0.id == task.id }!
        }
    }

    /// The day template's tasks, in its order.
    public func list(today: Day) throws -> [TemplateTask] {
        guard let bytes = try store.files.read(DayTemplate.path) else { return [] }
        return try listed(DayTemplate(DayFile(bytes: bytes, words: store.marker.taskWords)), today: today)
    }

    /// Removes a task (with the tasks nested under it) from the day template, by id or by its
    /// number in `recur list`. Occurrences already on days stay. It works on a template with
    /// problems too: removing the task may be the fix.
    public func remove(_ reference: String, today: Day) throws -> TemplateTask {
        try store.write { draft in
            guard let template = try draft.dayTemplate(toleratingProblems: true) else { throw JournalError.noSuchRule(reference) }
            let tasks = try listed(template, today: today)
            let number = Int(reference)
            guard let rule = tasks.first(where: { $0.id == TaskID(reference: reference) || $0.number == number }),
                  let id = rule.id, let task = template.task(withID: id) else { throw JournalError.noSuchRule(reference) }
            var file = template.file
            file.removeItem(atLine: task.lineIndex)
            draft.writeFile(file.bytes, at: DayTemplate.path)
            draft.message = CommitMessage(command: .recur, subject: "recur remove ^\(id.value) \(rule.text)")
            return rule
        }
    }

    private func listed(_ template: DayTemplate, today: Day) throws -> [TemplateTask] {
        let startedToday = Set(try store.currentFile(for: today)?.tasks.compactMap(\.occurrenceOf) ?? [])
        return template.tasks.enumerated().map { index, task in
            let from = task.id.map(startedToday.contains) == true ? today.adding(days: 1) ?? today : today
            return TemplateTask(number: index + 1, id: task.id, text: task.text, rule: task.rule, isReadable: template.isReadable(task),
                                next: template.next(task, onOrAfter: from), depth: task.depth, parent: template.parent(of: task)?.id)
        }
    }
}
