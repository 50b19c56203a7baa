import JournalModel

// How `--json` spells the model's values. Field names are part of the interface scripts rely on:
// add to them, never rename.

extension DayProblem: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("path", path)
            try json.put("line", line)
            try json.put("message", message)
            try json.put("warning", isWarning)
        }
    }
}

extension DayView.TaskItem: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("number", number)
            try json.put("id", id)
            try json.put("state", state)
            try json.put("text", text)
            try json.put("tags", tags)
            try json.put("people", people)
            try json.put("depth", depth)
            try json.put("parent", parent)
            try json.put("parentId", parentId)
            try json.put("carriedTo", carriedTo)
            try json.put("occurrenceOf", occurrenceOf)
            try json.put("description", description)
            try fields.put(in: &json)
            try json.put("line", line)
            try json.put("content", content)
        }
    }
}

extension TaskFields {
    /// The fields journal acts on, each under its own name; none written where the task has none.
    func put(in json: inout JSONFields) throws {
        try json.put("due", due?.iso)
        try json.put("scheduled", scheduled?.iso)
        try json.put("start", start?.iso)
        try json.put("doneDate", done?.iso)
        try json.put("priority", priority?.rawValue)
        try json.put("time", time?.description)
        try json.put("endTime", endTime?.description)
    }
}

extension DayView.Note: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("line", line)
            try json.put("text", text)
        }
    }
}

extension DayView: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("date", date)
            try json.put("weekday", weekday)
            try json.put("path", path)
            try json.put("tasks", tasks)
            try json.put("notes", notes)
        }
    }
}

extension TaskState: Encodable {}

extension ReportedTask: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("id", id)
            try json.put("text", text)
            try json.put("state", state)
            try json.put("tags", tags)
            try json.put("since", since)
            try json.put("day", day)
            try json.put("timesCarried", timesCarried)
            try json.put("notes", notes)
        }
    }
}

extension TaskEvent.Kind: Encodable {}

extension TaskEvent: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("kind", kind)
            try json.put("task", task)
            try json.put("day", day)
            try json.put("text", text)
            try json.put("from", from)
            try json.put("to", to)
            try json.put("words", words)
            try json.put("commit", commit)
        }
    }
}

extension CommitInfo: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("id", id)
            try json.put("time", time)
            try json.put("offsetMinutes", offsetMinutes)
            try json.put("author", author)
            try json.put("command", command)
            try json.put("subject", subject)
        }
    }
}

extension DayComparison.Item: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("id", id)
            try json.put("text", text)
            try json.put("state", state)
            try json.put("before", before)
            try json.put("words", words)
            try json.put("parentBefore", parentBefore)
            try json.put("parentAfter", parentAfter)
            try json.put("day", day)
        }
    }
}

extension TaskID: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var json = encoder.singleValueContainer()
        try json.encode(value)
    }
}

extension DayComparison: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("from", from)
            try json.put("to", to)
            let counts = Section.allCases.map { ($0.name, items(in: $0).count) }
            try json.put("counts", Dictionary(uniqueKeysWithValues: counts))
            for section in Section.allCases { try json.put(section.field, items(in: section)) }
        }
    }
}

extension DayComparison.Section {
    /// The section's field in `--json`.
    var field: String {
        switch self {
        case .stillOpen: return "stillOpen"
        case .renested: return "renested"
        default: return name
        }
    }
}

extension TaskPlacement.Move: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("id", id.value)
            try json.put("day", day.iso)
            try json.put("standsOn", standsOn.iso)
        }
    }
}

extension JournalMerge.SameOccurrence: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("day", day.iso)
            try json.put("dropped", dropped.value)
            try json.put("kept", kept.value)
        }
    }
}

extension RecurringSummary: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("templateTask", templateTask)
            try json.put("text", text)
            try json.put("occurrences", occurrences)
            try json.put("done", done)
            try json.put("missed", missed)
            try json.put("streak", streak)
        }
    }
}
