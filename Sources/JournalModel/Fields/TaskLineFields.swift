extension TaskLine {
    /// The words without the fields: what search, diff and log compare.
    public var description: String { TaskText(parsing: text).description }

    public var fields: TaskFields { TaskText(parsing: text).fields }

    /// Description and fields, read once.
    public var parsedText: TaskText { TaskText(parsing: text) }

    /// Changes fields; the text is written anew (fields in Obsidian's order) only when one changed.
    public mutating func changeFields(_ change: (inout TaskFields) -> Void) {
        var parsed = TaskText(parsing: text)
        let before = parsed.fields
        change(&parsed.fields)
        if parsed.fields != before { text = parsed.written }
    }

    /// Rewords the task, its fields kept.
    public mutating func reword(_ description: String) {
        var parsed = TaskText(parsing: text)
        guard parsed.description != description else { return }
        parsed.description = description
        text = parsed.written
    }

    public func isOverdue(on today: Day) -> Bool { fields.isOverdue(state, on: today) }
}
