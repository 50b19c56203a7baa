/// A journal commit message: a subject a person reads in `git log --oneline`, and trailers
/// (`Journal-Command: done`, `Journal-Task: m2d8a`) that later commands read back.
public struct CommitMessage: Equatable, Sendable {
    public var subject: String
    /// Lines between the subject and the trailers.
    public var body: [String] = []
    public var trailers: [Trailer]

    public struct Trailer: Equatable, Sendable {
        public let key: String
        public let value: String

        package init(_ key: TrailerKey, _ value: String) {
            self.key = key.rawValue
            self.value = value
        }
    }

    public init(command: CommandName, subject: String, day: Day? = nil, tasks: [TaskID] = [], body: [String] = []) {
        self.subject = CommitMessage.shorten(subject)
        self.body = body
        trailers = [Trailer(.command, command.rawValue)]
        if let day { trailers.append(Trailer(.day, day.iso)) }
        trailers += tasks.map { Trailer(.task, $0.value) }
    }

    /// The journal command that made the commit (`Journal-Command`).
    public var command: CommandName? {
        trailers.first { $0.key == TrailerKey.command.rawValue }.flatMap { CommandName(rawValue: $0.value) }
    }

    public var text: String {
        subject + "\n\n" + body.map { $0 + "\n" }.joined() + (body.isEmpty ? "" : "\n")
            + trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
    }

    /// One commit for a command on several tasks: each named in the subject (by id when it has
    /// one), after `verb` (the command's name by default).
    package static func forTasks(_ command: CommandName, _ tasks: [(day: Day, task: TaskLine)], verb: String? = nil) -> CommitMessage {
        let verb = verb ?? command.rawValue
        let days = Set(tasks.map(\.day))
        let subject = tasks.count == 1
            ? taskSubject(verb, tasks[0].task)
            : "\(verb) \(tasks.count) tasks: " + tasks.map { $0.task.id.map { "^" + $0.value } ?? $0.task.text }.joined(separator: " ")
        return CommitMessage(command: command, subject: subject, day: days.count == 1 ? days.first : nil, tasks: tasks.compactMap(\.task.id))
    }

    /// The subject of a task commit: `done ^m2d8a Review the implementation …`.
    package static func taskSubject(_ verb: String, _ task: TaskLine) -> String {
        "\(verb) \(task.id.map { "^\($0.value) " } ?? "")\(task.text)"
    }

    private static let subjectLimit = 72

    private static func shorten(_ subject: String) -> String {
        subject.count <= subjectLimit ? subject : subject.prefix(subjectLimit - 1) + "…"
    }
}

extension CommitMessage {
    /// The trailers journal wrote into a commit message, read back.
    package struct Parsed {
        package let subject: String
        /// The `Journal-Command` trailer as written (a later version of journal may write others).
        package let command: String?
        package let day: Day?
        /// For an undo: the commit whose state it brought back (`Journal-Restores`).
        package let restores: String?

        package init(_ text: String) {
            subject = String(text.prefix { $0 != "\n" })
            var command: String?
            var day: Day?
            var restores: String?
            for line in text.split(separator: "\n") {
                if let value = Parsed.value(of: .command, in: line) { command = String(value) }
                if let value = Parsed.value(of: .day, in: line) { day = Day(iso: value) }
                if let value = Parsed.value(of: .restores, in: line) { restores = String(value) }
            }
            self.command = command
            self.day = day
            self.restores = restores
        }

        /// The command, when it is one this version of journal knows.
        package var commandName: CommandName? { command.flatMap(CommandName.init(rawValue:)) }

        private static func value(of key: TrailerKey, in line: Substring) -> Substring? {
            let prefix = key.rawValue + ": "
            return line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : nil
        }
    }
}
