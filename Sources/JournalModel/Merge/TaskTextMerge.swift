/// A task's text as two sides left it, merged part by part: the description as a whole, each
/// field on its own. A part changed on one side only takes that change; a part both changed
/// differently keeps ours (for a due date, the earlier) and records the other in a note line.
package enum TaskTextMerge {
    package struct Result: Equatable {
        package let text: String
        /// What gave way, each for a note line under the task: "due on another machine: 2025-01-29".
        package let notes: [String]
    }

    package static func merge(base: String?, ours: String, theirs: String) -> Result {
        if ours == theirs || base == theirs { return Result(text: ours, notes: []) }
        if base == ours { return Result(text: theirs, notes: []) }
        let baseText = base.map(TaskText.init(parsing:))
        let ourText = TaskText(parsing: ours)
        let theirText = TaskText(parsing: theirs)
        var merged = ourText
        var notes: [String] = []
        if let description = threeWay(baseText?.description, ourText.description, theirText.description) {
            merged.description = description
        } else {
            notes.append(rewording(theirText.description))
        }
        var fields = FieldMerge(base: baseText?.fields, ours: ourText.fields, theirs: theirText.fields)
        fields.take(\.due, named: "due", preferring: { min($0, $1) })
        for (field, name) in [(\TaskFields.created, "created"), (\.start, "start"), (\.scheduled, "scheduled"),
                              (\.cancelled, "cancelled"), (\.done, "done")] {
            fields.take(field, named: name)
        }
        fields.take(\.time, named: "time")
        fields.take(\.endTime, named: "until")
        fields.take(\.priority, named: "priority")
        fields.take(\.recurrence, named: "recurrence")
        fields.take(\.obsidianID, named: "id")
        fields.take(\.dependsOn, named: "depends on")
        merged.fields = fields.merged
        if merged == ourText, notes.isEmpty, fields.notes.isEmpty { return Result(text: ours, notes: []) }
        return Result(text: merged.written, notes: notes + fields.notes)
    }

    /// The note that keeps the other side's wording when both reworded a task.
    package static func rewording(_ text: String) -> String { "reworded on another machine as: \(text)" }

    /// The value one side changed, or both the same way; nil when both changed it differently.
    package static func threeWay<Value: Equatable>(_ base: Value?, _ ours: Value, _ theirs: Value) -> Value? {
        if ours == theirs || base == theirs { return ours }
        return base == ours ? theirs : nil
    }

    private struct FieldMerge {
        let base: TaskFields?
        let ours: TaskFields
        let theirs: TaskFields
        var merged: TaskFields
        var notes: [String] = []

        init(base: TaskFields?, ours: TaskFields, theirs: TaskFields) {
            self.base = base
            self.ours = ours
            self.theirs = theirs
            merged = ours
        }

        /// Where both set a value, `preferring` picks one; else ours stays. A removal on one side
        /// against a change on the other keeps the value.
        mutating func take<Value: Equatable & CustomStringConvertible>(
            _ field: WritableKeyPath<TaskFields, Value?>, named name: String,
            preferring: (Value, Value) -> Value = { ours, _ in ours }
        ) {
            let ourValue = ours[keyPath: field], theirValue = theirs[keyPath: field]
            if let value = threeWay(base.map { $0[keyPath: field] }, ourValue, theirValue) {
                merged[keyPath: field] = value
                return
            }
            guard let ourValue, let theirValue else {
                merged[keyPath: field] = ourValue ?? theirValue
                return
            }
            let kept = preferring(ourValue, theirValue)
            merged[keyPath: field] = kept
            notes.append("\(name) on another machine: \(kept == ourValue ? theirValue : ourValue)")
        }
    }
}

extension TaskPriority: CustomStringConvertible {
    public var description: String { rawValue }
}
