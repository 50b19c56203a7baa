import ArgumentParser
import JournalModel

/// The options that set a task's fields, written on its line as Obsidian Tasks and Day Planner
/// read them. Dates take journal's date words.
struct TaskFieldOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Due date, written 📅 YYYY-MM-DD (a date word: friday (the coming one), +3, 2025-01-29).", valueName: "DATE"),
            completion: Completions.date)
    var due: String?
    @Option(name: .long, help: ArgumentHelp("Scheduled date, written ⏳ YYYY-MM-DD.", valueName: "DATE"), completion: Completions.date)
    var scheduled: String?
    @Option(name: .long, help: ArgumentHelp("Priority: highest, high, medium, low or lowest (🔺 ⏫ 🔼 🔽 ⏬).", valueName: "PRIORITY"))
    var priority: String?
    @Option(name: .long, help: ArgumentHelp("Start time HH:MM, written first on the line (10:00 Architecture review).", valueName: "HH:MM"))
    var at: String?
    @Option(name: .long, help: ArgumentHelp("End time HH:MM, with --at (10:00 - 11:00).", valueName: "HH:MM"))
    var until: String?

    var isEmpty: Bool { due == nil && scheduled == nil && priority == nil && at == nil && until == nil }

    /// The fields the options set. Checked here, in `run`, not in `validate`: a refusal is then one
    /// line, as every usage error of journal's own is.
    func fields(_ options: JournalOptions) throws -> TaskFields {
        var fields = TaskFields()
        fields.due = try due.map { try options.day($0, ahead: true) }
        fields.scheduled = try scheduled.map { try options.day($0, ahead: true) }
        fields.priority = try priority.map(TaskFieldOptions.priority)
        fields.time = try at.map { try TaskFieldOptions.time($0, option: "--at") }
        fields.endTime = try until.map { try TaskFieldOptions.time($0, option: "--until") }
        if fields.endTime != nil, fields.time == nil { throw ValidationError("--until needs --at: the meeting's start time") }
        if let start = fields.time, let end = fields.endTime, end <= start {
            throw ValidationError("--until \(typed(until!)) is not after --at \(typed(at!))")
        }
        return fields
    }

    /// A `--priority` value, by its name.
    static func priority(_ written: String) throws -> TaskPriority {
        guard let priority = TaskPriority(rawValue: written.lowercased()) else {
            throw ValidationError("invalid --priority '\(typed(written))': give highest, high, medium, low or lowest")
        }
        return priority
    }

    private static func time(_ text: String, option: String) throws -> TimeOfDay {
        guard let time = TimeOfDay(text) else {
            throw ValidationError("invalid \(option) '\(typed(text))': a time is HH:MM, from 00:00 to 23:59")
        }
        return time
    }
}
