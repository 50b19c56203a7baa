/// What a task line says besides its words, in the conventions people already write: Obsidian
/// Tasks' signs after the description (`⏫`, `📅 2025-01-24`…) and Day Planner's leading time
/// (`10:00 - 11:00`). journal acts on the dates, the priority and the time; the rest it keeps.
public struct TaskFields: Equatable, Sendable {
    public var time: TimeOfDay?
    public var endTime: TimeOfDay?
    public var priority: TaskPriority?
    public var created: Day?
    public var start: Day?
    public var scheduled: Day?
    public var due: Day?
    public var cancelled: Day?
    public var done: Day?
    /// Kept as written: a rule on a day's task is Obsidian's to act on (the template's are journal's).
    public var recurrence: String?
    /// Obsidian Tasks' own task id (`🆔`) and the ids a task waits for (`⛔`), kept as written.
    public var obsidianID: String?
    public var dependsOn: String?

    public init() {}

    public var isEmpty: Bool { self == TaskFields() }

    /// Takes every field `other` sets.
    public mutating func overwrite(with other: TaskFields) {
        time = other.time ?? time
        endTime = other.endTime ?? (other.time == nil ? endTime : nil)
        priority = other.priority ?? priority
        created = other.created ?? created
        start = other.start ?? start
        scheduled = other.scheduled ?? scheduled
        due = other.due ?? due
        cancelled = other.cancelled ?? cancelled
        done = other.done ?? done
        recurrence = other.recurrence ?? recurrence
        obsidianID = other.obsidianID ?? obsidianID
        dependsOn = other.dependsOn ?? dependsOn
    }

    /// Due before `today`, and a task in `state` is unfinished.
    public func isOverdue(_ state: TaskState, on today: Day) -> Bool { due.map { $0 < today } == true && state.isUnfinished }

    /// Due on `today`, and a task in `state` is unfinished.
    public func isDue(_ state: TaskState, on today: Day) -> Bool { due == today && state.isUnfinished }

    /// The names `clear` takes: the fields a person sets (Obsidian's own ids are kept as written).
    public static let clearableNames = ["due", "scheduled", "start", "priority", "time", "until", "done", "created", "cancelled", "recurrence"]

    /// Removes the fields of these names; `time` takes `until` with it.
    public mutating func clear(_ names: Set<String>) {
        for name in names {
            switch name {
            case "due": due = nil
            case "scheduled": scheduled = nil
            case "start": start = nil
            case "priority": priority = nil
            case "time": (time, endTime) = (nil, nil)
            case "until": endTime = nil
            case "done": done = nil
            case "created": created = nil
            case "cancelled": cancelled = nil
            case "recurrence": recurrence = nil
            default: break
            }
        }
    }

    /// Every field by the name `journal log` gives it, in one order, with its value as written
    /// (nil where the task has none).
    private var all: [(name: String, value: String?)] {
        [("time", time?.description), ("until", endTime?.description), ("priority", priority?.rawValue),
         ("created", created?.iso), ("start", start?.iso), ("scheduled", scheduled?.iso), ("due", due?.iso),
         ("cancelled", cancelled?.iso), ("done", done?.iso), ("recurrence", recurrence), ("id", obsidianID), ("depends on", dependsOn)]
    }

    /// Each field whose value differs, with its value before and after (nil: none).
    public static func changes(from old: TaskFields, to new: TaskFields) -> [(name: String, from: String?, to: String?)] {
        zip(old.all, new.all).filter { $0.value != $1.value }.map { ($0.name, $0.value, $1.value) }
    }

    /// The signed fields in Obsidian Tasks' order (its default serializer): the line ends with
    /// them, and journal's `^id` (Obsidian's block link) comes last.
    var signed: [String] {
        var parts: [String] = []
        if let obsidianID { parts.append("🆔 \(obsidianID)") }
        if let dependsOn { parts.append("⛔ \(dependsOn)") }
        if let priority { parts.append(String(priority.sign)) }
        if let recurrence { parts.append("🔁 \(recurrence)") }
        for (sign, day) in [("➕", created), ("🛫", start), ("⏳", scheduled), ("📅", due), ("❌", cancelled), ("✅", done)] {
            if let day { parts.append("\(sign) \(day.iso)") }
        }
        return parts
    }

    /// `10:00` or `10:00 - 11:00`, as Day Planner reads it at the start of the text.
    var timeSpan: String? {
        guard let time else { return nil }
        return endTime.map { "\(time) - \($0)" } ?? time.description
    }
}
