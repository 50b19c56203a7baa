import JournalUseCases

// How `--json` spells what the use cases return. Field names are part of the interface scripts rely on:
// add to them, never rename.

extension SearchHit.Kind: Encodable {}

extension SearchHit: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("kind", kind)
            try json.put("date", date)
            try json.put("line", line)
            try json.put("text", text)
            try json.put("id", id)
            try json.put("state", state)
        }
    }
}

extension PeriodReport.Group: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("tag", tag)
            try json.put("tasks", tasks)
        }
    }
}

extension PeriodReport.Counts: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("added", added)
            try json.put("finished", finished)
            try json.put("open", open)
            try json.put("cancelled", cancelled)
            // `cancelled` under its earlier name, for scripts written before.
            try json.put("dropped", cancelled)
        }
    }
}

extension PeriodReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("since", since)
            try json.put("until", until)
            try json.put("tag", tag)
            try json.put("finished", finished)
            try json.put("open", open)
            try json.put("cancelled", cancelled)
            // `cancelled` under its earlier name, for scripts written before.
            try json.put("dropped", cancelled)
            try json.put("recurring", recurring)
            try json.put("counts", counts)
        }
    }
}

extension Standup: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("date", date)
            try json.put("previousDay", previousDay)
            try json.put("done", done)
            try json.put("inProgress", inProgress)
            try json.put("planned", planned)
            try json.put("blocked", blocked)
            try json.put("carriedLongest", carriedLongest)
            try json.put("recurring", recurring)
            try json.put("overdue", overdue)
            try json.put("dueToday", dueToday)
        }
    }
}

extension JournalStats.Week: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("start", start)
            try json.put("created", created)
            try json.put("finished", finished)
            try json.put("cancelled", cancelled)
        }
    }
}

extension JournalStats.DayCount: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("date", date.iso)
            try json.put("finished", finished)
        }
    }
}

extension JournalStats: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("since", since)
            try json.put("until", until)
            try json.put("weeks", weeks)
            try json.put("completionRate", completionRate)
            try json.put("medianDaysToFinish", medianDaysToFinish)
            try json.put("carriedOften", carriedOften)
            try json.put("carriedThreshold", carriedThreshold)
            try json.put("days", days)
            try json.put("recurring", recurring)
        }
    }
}

extension TaskLog.Summary: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("created", created)
            try json.put("ageDays", ageDays)
            try json.put("daysOpen", daysOpen)
            try json.put("timesCarried", timesCarried)
            try json.put("state", state)
            try json.put("day", day)
        }
    }
}

extension TaskLog: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("task", task)
            try json.put("text", text)
            try json.put("events", events)
            try json.put("summary", summary)
            try json.put("occurrenceOf", occurrenceOf)
            try json.put("rule", rule)
        }
    }
}

extension LogEntry: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("commit", commit)
            try json.put("days", days)
        }
    }
}

extension UndoItem: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("commit", commit)
            try json.put("sync", sync)
            try json.put("restores", restores)
        }
    }
}

extension CheckDays.DayCheck: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("checkedFiles", checkedFiles)
            try json.put("problems", problems)
        }
    }
}

extension DoctorReport.Finding: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("kind", kind)
            try json.put("path", path)
            try json.put("problem", problem)
            try json.put("fix", fix)
        }
    }
}

extension HookListing.Entry: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("name", name)
            try json.put("installed", installed)
            try json.put("runs", runs)
            try json.put("ready", ready)
            try json.put("installedIsReady", installedIsReady)
            try json.put("summary", summary)
        }
    }
}

extension HookListing: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("directory", directory)
            try json.put("readySet", readySet)
            try json.put("hooks", hooks)
        }
    }
}

extension JournalStatus.RemoteState: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("name", name)
            try json.put("url", url)
            try json.put("ahead", ahead)
            try json.put("behind", behind)
            try json.put("lastSync", lastSync)
        }
    }
}

extension JournalStatus: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("directory", directory)
            try json.put("today", today)
            try json.put("todayStarted", todayStarted)
            try json.put("openTasks", openTasks)
            try json.put("overdue", overdue)
            try json.put("dueToday", dueToday)
            try json.put("lastDay", lastDay)
            try json.put("daysSinceLastDay", daysSinceLastDay)
            try json.put("uncommitted", uncommitted)
            try json.put("remotes", remotes)
        }
    }
}

extension SyncReport.Outcome: Encodable {}

extension SyncReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("remote", remote)
            try json.put("incoming", incoming)
            try json.put("outgoing", outgoing)
            try json.put("incomingDays", incomingDays)
            try json.put("outgoingDays", outgoingDays)
            try json.put("outcomes", outcomes)
            try json.put("remoteMainWasGone", remoteMainWasGone)
            try json.put("mergedDays", mergedDays)
            try json.put("keptBoth", keptBoth)
            try json.put("withdrawn", withdrawn)
            try json.put("redirected", redirected)
            try json.put("sameOccurrences", sameOccurrences)
        }
    }
}

extension DoctorReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("directory", directory)
            try json.put("findings", findings)
            try json.put("dayProblems", dayProblems)
            try json.put("commitsChecked", commitsChecked)
            try json.put("dayFilesChecked", dayFilesChecked)
            try json.put("healthy", healthy)
        }
    }
}

extension ManageRecurrence.TemplateTask: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("number", number)
            try json.put("id", id?.value)
            try json.put("text", text)
            try json.put("rule", rule)
            try json.put("readable", isReadable)
            try json.put("next", next?.iso)
            try json.put("depth", depth)
            try json.put("parent", parent?.value)
        }
    }
}

extension DatedTask: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("date", day)
            try json.put("task", task)
        }
    }
}

extension Agenda: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try encoder.object { json in
            try json.put("from", from)
            try json.put("through", through)
            try json.put("overdue", overdue)
            try json.put("due", due)
            try json.put("scheduled", scheduled)
            try json.put("days", daysAhead)
        }
    }
}
