/// The task events of one commit, from the day files it changed (each as it was before and after).
/// Pure: what happened is read from the files alone, matched across days by task id.
package enum CommitEvents {
    package struct Change {
        package let day: Day
        package let before: DayFile?
        package let after: DayFile?

        package init(day: Day, before: DayFile?, after: DayFile?) {
            self.day = day
            self.before = before
            self.after = after
        }
    }

    private struct Seen {
        let day: Day
        let task: TaskLine
        let parent: TaskID?
    }

    /// `isKnown` says whether an id was seen in an earlier commit; `commitDay` is the day the commit
    /// was made, so that a task created for a later day reads as scheduled. `moving`: the commit is
    /// `journal move`'s, whose `[>]` is a deferral, not a carry.
    package static func events(in changes: [Change], commitDay: Day?, moving: Bool = false,
                               isKnown: (TaskID) throws -> Bool) rethrows -> [TaskEvent] {
        var events: [TaskEvent] = []
        var gained: [TaskID: Seen] = [:]
        var lost: [TaskID: Seen] = [:]
        /// Every copy lost, not only the last: each one withdrawn undoes a carry.
        var lostCopies: [TaskID: [Seen]] = [:]
        var carriedAway: [TaskID: Seen] = [:]
        for change in changes.sorted(by: { $0.day < $1.day }) {
            var before = tasks(of: change.before, on: change.day)
            let after = tasks(of: change.after, on: change.day)
            if before.keys.contains(where: \.isUnnamed) {
                // A task written without an id that got one here is the same task, named.
                for (id, now) in after.sorted(by: { $0.key < $1.key }) where !id.isUnnamed && before[id] == nil {
                    let unnamed = TaskID(unnamed: now.task.description)
                    guard let was = before.removeValue(forKey: unnamed) else { continue }
                    before[id] = was
                    events.append(TaskEvent(.named, id, day: change.day, text: now.task.text, from: unnamed.value))
                }
            }
            for (id, now) in after {
                guard let was = before[id] else {
                    gained[id] = now
                    continue
                }
                if now.task.state != was.task.state {
                    if now.task.state == .carried {
                        carriedAway[id] = now
                    } else {
                        events.append(TaskEvent(.state, id, day: change.day, text: now.task.text, from: was.task.state.rawValue, to: now.task.state.rawValue))
                    }
                }
                if now.task.text != was.task.text {
                    events += textEvents(id, on: change.day, from: was.task.text, to: now.task.text, stateChanged: now.task.state != was.task.state)
                }
                if now.parent != was.parent {
                    events.append(TaskEvent(.renested, id, day: change.day, text: now.task.text, from: was.parent?.value, to: now.parent?.value))
                }
            }
            for (id, was) in before where after[id] == nil {
                lost[id] = was
                lostCopies[id, default: []].append(was)
            }
        }
        for (id, now) in gained.sorted(by: { ($0.value.day, $0.key) < ($1.value.day, $1.key) }) {
            if let source = carriedAway.removeValue(forKey: id) {
                events.append(TaskEvent(moving ? .moved : .carried, id, day: now.day, text: now.task.text, from: source.day.iso, to: now.day.iso))
            } else if let source = lost.removeValue(forKey: id) {
                events.append(TaskEvent(.moved, id, day: now.day, text: now.task.text, from: source.day.iso, to: now.day.iso))
            } else if try isKnown(id) {
                events.append(TaskEvent(.restored, id, day: now.day, text: now.task.text, to: now.task.state.rawValue))
            } else {
                let ahead = commitDay.map { now.day > $0 } ?? false
                events.append(TaskEvent(ahead ? .scheduled : .created, id, day: now.day, text: now.task.text, to: now.task.state.rawValue))
            }
        }
        for (id, source) in carriedAway.sorted(by: { $0.key < $1.key }) {
            events.append(TaskEvent(.carried, id, day: source.task.carriedTo ?? source.day, text: source.task.text,
                                    from: source.day.iso, to: source.task.carriedTo?.iso))
        }
        let finished = finishedCopies(in: changes)
        for (id, was) in lost.sorted(by: { $0.key < $1.key }) {
            if let standing = finished[id], standing.day < was.day {
                for copy in lostCopies[id]! where copy.day > standing.day {
                    events.append(TaskEvent(.withdrawn, id, day: standing.day, text: standing.task.text, from: copy.day.iso, to: standing.day.iso))
                }
            } else {
                events.append(TaskEvent(.deleted, id, day: was.day, text: was.task.text, from: was.task.state.rawValue))
            }
        }
        return events
    }

    /// A rewording (the description) and each field changed (`due 2025-01-24 → 2025-01-29`).
    /// A done date (`✅`) that came or went with the box is the state event's, not one of its own.
    private static func textEvents(_ id: TaskID, on day: Day, from old: String, to new: String, stateChanged: Bool) -> [TaskEvent] {
        let before = TaskText(parsing: old), after = TaskText(parsing: new)
        var events: [TaskEvent] = []
        if before.description != after.description {
            events.append(TaskEvent(.reworded, id, day: day, text: new, from: before.description, to: after.description,
                                    words: WordDiff.marked(from: before.description, to: after.description)))
        }
        for change in TaskFields.changes(from: before.fields, to: after.fields) where !(stateChanged && change.name == "done") {
            events.append(TaskEvent(.field, id, day: day, text: new, from: change.from, to: change.to, words: change.name))
        }
        return events
    }

    /// The events of a merge commit that are the merge's own decisions: those the merged side's
    /// commits (`otherSide`: from the merge base to the second parent) did not already make. Those
    /// commits are read too, each with its own author and time.
    package static func decidedByMerge(_ events: [TaskEvent], otherSide: [TaskEvent]) -> [TaskEvent] {
        let madeThere = Set(otherSide.map(Signature.init))
        return events.filter { !madeThere.contains(Signature($0)) }
    }

    /// What makes two events the same change, whichever commit made it: a task that appears is
    /// created there and restored here when the merge reads it second.
    private struct Signature: Hashable {
        let task: String
        let kind: String
        let day: String
        let to: String?

        init(_ event: TaskEvent) {
            task = event.task
            let appears: Set<TaskEvent.Kind> = [.created, .scheduled, .restored]
            kind = appears.contains(event.kind) ? "appeared" : event.kind.rawValue
            day = event.day
            to = event.to
        }
    }

    /// Each id's earliest finished copy after the commit, among the days it changed.
    private static func finishedCopies(in changes: [Change]) -> [TaskID: Seen] {
        var result: [TaskID: Seen] = [:]
        for change in changes.sorted(by: { $0.day < $1.day }) {
            for (id, seen) in tasks(of: change.after, on: change.day) where seen.task.state.isFinished && result[id] == nil {
                result[id] = seen
            }
        }
        return result
    }

    /// The tasks of a day by id; a task without one by the name `TaskID(unnamed:)` gives it.
    private static func tasks(of file: DayFile?, on day: Day) -> [TaskID: Seen] {
        guard let file else { return [:] }
        var result: [TaskID: Seen] = [:]
        for entry in file.entries {
            let id = entry.task.id ?? TaskID(unnamed: entry.task.description)
            guard result[id] == nil else { continue }
            result[id] = Seen(day: day, task: entry.task, parent: entry.parentLineIndex.flatMap { file.lines[$0].task?.id })
        }
        return result
    }
}
