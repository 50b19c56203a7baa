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

        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(command: String, subject: String, day: Day? = nil, tasks: [TaskID] = [], body: [String] = []) {
        self.subject = CommitMessage.shorten(subject)
        self.body = body
        trailers = [Trailer(key: "Journal-Command", value: command)]
        if let day { trailers.append(Trailer(key: "Journal-Day", value: day.iso)) }
        trailers += tasks.map { Trailer(key: "Journal-TaskLine", value: $0.value) }
    }

    /// Trailers of an undo commit: the commit it undoes, and the one whose state it brings back
    /// (the undone commit's parent; for a sync, the main before it), where undo looks next.
    package static let undoesKey = "Journal-Undoes"
    package static let restoresKey = "Journal-Restores"

    /// The journal command that made the commit (`Journal-Command`).
    public var command: String { trailers.first { $0.key == "Journal-Command" }?.value ?? "" }

    public var text: String {
        subject + "\n\n" + body.map { $0 + "\n" }.joined() + (body.isEmpty ? "" : "\n")
            + trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
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
                if line.hasPrefix("Journal-Command: ") { command = String(line.dropFirst(17)) }
                if line.hasPrefix("Journal-Day: ") { day = Day(iso: line.dropFirst(13)) }
                if line.hasPrefix(CommitMessage.restoresKey + ": ") { restores = String(line.dropFirst(CommitMessage.restoresKey.count + 2)) }
            }
            self.command = command
            self.day = day
            self.restores = restores
        }
    }
}
