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

    /// Removes the fields of these names (as `named` calls them); `time` takes `until` with it.
    public mutating func clear(_ names: Set<String>) {
        let paths: [String: WritableKeyPath<TaskFields, Day?>] = [
            "created": \.created, "start": \.start, "scheduled": \.scheduled, "due": \.due, "cancelled": \.cancelled, "done": \.done,
        ]
        for name in names {
            if let path = paths[name] { self[keyPath: path] = nil }
        }
        if names.contains("time") { (time, endTime) = (nil, nil) }
        if names.contains("until") { endTime = nil }
        if names.contains("priority") { priority = nil }
        if names.contains("recurrence") { recurrence = nil }
    }

    /// The fields' names, in the order `named` lists them.
    public static let names = ["time", "until", "priority", "created", "start", "scheduled", "due", "cancelled", "done",
                               "recurrence", "id", "depends on"]

    /// The named fields a person sets and `journal log` follows, each with its value as written.
    public var named: [(name: String, value: String)] {
        var result: [(String, String)] = []
        func add(_ name: String, _ value: CustomStringConvertible?) {
            if let value { result.append((name, value.description)) }
        }
        add("time", time)
        add("until", endTime)
        add("priority", priority?.rawValue)
        add("created", created)
        add("start", start)
        add("scheduled", scheduled)
        add("due", due)
        add("cancelled", cancelled)
        add("done", done)
        add("recurrence", recurrence)
        add("id", obsidianID)
        add("depends on", dependsOn)
        return result
    }

    /// Each named field whose value differs, with its value before and after (nil: none).
    public static func changes(from old: TaskFields, to new: TaskFields) -> [(name: String, from: String?, to: String?)] {
        let before = Dictionary(old.named, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.named, uniquingKeysWith: { first, _ in first })
        return names.filter { before[$0] != after[$0] }.map { ($0, before[$0], after[$0]) }
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
