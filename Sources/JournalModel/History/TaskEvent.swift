/// One thing that happened to a task in one commit. `from` and `to` hold what changed: states
/// for `state`, days for `carried` and `moved`, parent ids for `renested`, descriptions for
/// `reworded`, a field's values for `field` (nil where it had none).
public struct TaskEvent: Equatable {
    public enum Kind: String, Sendable {
        case created, scheduled, reworded, field, state, carried, moved, renested, deleted, restored, withdrawn
        /// A task written without an id got one: `from` is the name history knew it by before.
        case named
    }

    public let kind: Kind
    public let task: String
    /// The day the event happened on: where the task stands after it.
    public let day: String
    /// The task's text after the event.
    public let text: String
    public var from: String?
    public var to: String?
    /// For a rewording: the change word by word; for a field: its name (`due`, `priority`…).
    public var words: String?
    /// The commit, filled in by the history index.
    public var commit: CommitInfo?

    /// How many times a task was carried: its carries, less those a merge withdrew because another
    /// machine had finished the task first. The one count `log`, `standup`, `report` and `stats` give
    /// (the history index counts the same way in SQL).
    public static func timesCarried(in events: [TaskEvent]) -> Int {
        max(0, events.filter { $0.kind == .carried }.count - events.filter { $0.kind == .withdrawn }.count)
    }

    package init(_ kind: Kind, _ id: TaskID, day: Day, text: String, from: String? = nil, to: String? = nil, words: String? = nil) {
        self.kind = kind
        task = id.value
        self.day = day.iso
        self.text = text
        self.from = from
        self.to = to
        self.words = words
    }

    package init(kind: Kind, task: String, day: String, text: String, from: String?, to: String?, words: String?, commit: CommitInfo?) {
        self.kind = kind
        self.task = task
        self.day = day
        self.text = text
        self.from = from
        self.to = to
        self.words = words
        self.commit = commit
    }
}

/// A commit as the history shows it.
public struct CommitInfo: Equatable {
    public let id: String
    public let time: Int64
    public let offsetMinutes: Int
    public let author: String
    public let command: String?
    public let subject: String

    package init(id: String, time: Int64, offsetMinutes: Int, author: String, command: String?, subject: String) {
        self.id = id
        self.time = time
        self.offsetMinutes = offsetMinutes
        self.author = author
        self.command = command
        self.subject = subject
    }

    public var shortID: String { String(id.prefix(7)) }

    /// `YYYY-MM-DD HH:MM` in the committer's own time zone.
    public var localTime: String {
        let seconds = time + Int64(offsetMinutes * 60)
        let day = Day(ordinal: Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400))?.iso ?? "?"
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let hour = secondOfDay / 3600, minute = secondOfDay % 3600 / 60
        return "\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
