/// Three versions of a day file merged task by task, never into conflict markers and never
/// losing a line: Git's line merge would conflict on two edits of one task; this reads both.
///
/// - A task (matched by id) added on either side is kept, once.
/// - Its state: a change on one side wins over no change; two changes, the furthest along
///   (done or cancelled, then carried, then in progress, then open; ours on a tie, but an
///   occurrence done outranks the same one closed as missed). A finish
///   stays on the day it was made: the copy a carry made on another day is `TaskPlacement`'s.
/// - Its text: description and each field merged apart (`TaskTextMerge`); what gave way where
///   both changed one part is recorded as a note line beneath it.
/// - A task deleted on one side is deleted if the other side left it unchanged, kept otherwise.
/// - Two occurrences of one template task (two machines started the day) are one: see
///   `sameOccurrences`.
/// - Notes merge line by line: lines added on either side are kept in place, a line deleted on
///   one side is deleted, and where both sides wrote at the same place both sides' lines stay.
public enum DayMerge {
    public struct Result: Equatable {
        public let file: DayFile
        /// Tasks on which both sides had changes, resolved by the rules above.
        public let resolved: [TaskID]
        /// Tasks and note lines the merged file took from theirs.
        public let fromTheirs: Int
        /// Occurrences both sides added of one template task: each left out, with the one kept.
        public var sameOccurrences: [SameOccurrence] = []
    }

    /// Two occurrences of one template task on one day, written by two machines: one is kept.
    /// (Only the occurrence is left out: a pasted task may share its id until journal next commits.)
    public struct SameOccurrence: Equatable, Sendable {
        public let dropped: TaskID
        public let kept: TaskID
    }

    public static func merge(base: DayFile?, ours: DayFile, theirs: DayFile) -> Result {
        let baseItems = Item.items(of: base ?? DayFile(bytes: [], words: ours.words))
        let ourItems = Item.items(of: ours)
        let theirItems = Item.items(of: theirs)
        let baseByKey = Dictionary(uniqueKeysWithValues: baseItems.map { ($0.key, $0) })
        let ourKeys = Set(ourItems.map(\.key))
        let theirByKey = Dictionary(uniqueKeysWithValues: theirItems.map { ($0.key, $0) })

        var merged = ourItems
        var fromTheirs = 0
        var resolved: [TaskID] = []

        // What theirs deleted: gone, unless ours changed it.
        merged.removeAll { item in
            guard let original = baseByKey[item.key], theirByKey[item.key] == nil else { return false }
            return item.line.content == original.line.content
        }
        // What theirs added, or changed where ours deleted it: placed after the line it follows in theirs.
        var anchor: Item.Key?
        for item in theirItems {
            defer { anchor = item.key }
            if ourKeys.contains(item.key) { continue }
            if let original = baseByKey[item.key], original.line.content == item.line.content { continue }
            var position = anchor.flatMap { key in merged.firstIndex { $0.key == key } }.map { $0 + 1 }
                ?? merged.firstIndex { !$0.isHeading } ?? merged.count
            // Where both sides wrote at the same place, ours come first.
            while position < merged.count, baseByKey[merged[position].key] == nil, theirByKey[merged[position].key] == nil {
                position += 1
            }
            merged.insert(item, at: position)
            fromTheirs += 1
        }
        // Tasks both sides have: each field resolved three ways.
        let ending = ours.preferredEnding
        var output: [DayFile.Line] = []
        for item in merged {
            guard let ourTask = item.task, let id = ourTask.id, let theirTask = theirByKey[item.key]?.task, ourKeys.contains(item.key),
                  theirTask != ourTask else {
                output.append(item.line)
                continue
            }
            let baseTask = baseByKey[item.key]?.task
            let (task, notes) = resolve(base: baseTask, ours: ourTask, theirs: theirTask)
            if baseTask != ourTask && baseTask != theirTask { resolved.append(id) }
            if task != ourTask && task == theirTask { fromTheirs += 1 }
            output.append(task == ourTask ? item.line : DayFile.Line(task: task, ending: item.line.ending))
            output += notes.map { DayFile.Line(content: Array($0.utf8), ending: ending) }
        }
        // Each line keeps its own ending; only the last may go without one. A task keeps being
        // one: the last line of a side may be a task that the merge puts before others.
        for index in output.indices.dropLast() where output[index].ending.isEmpty {
            output[index] = output[index].ending(with: ending)
        }
        var file = DayFile(keepingTasksOf: output, words: ours.words)
        // Decided on the merged file, where the other side's lines may have put a copy in code.
        let sameOccurrences = sameOccurrences(among: file.tasks, base: base, ours: ours)
        if !sameOccurrences.isEmpty {
            let dropped = Set(sameOccurrences.map(\.dropped))
            let kept = file.lines.filter { line in
                !(line.task.map { $0.occurrenceOf != nil && $0.id.map(dropped.contains) == true } ?? false)
            }
            file = DayFile(keepingTasksOf: kept, words: ours.words)
        }
        return Result(file: file, resolved: resolved, fromTheirs: fromTheirs, sameOccurrences: sameOccurrences)
    }

    /// Two machines that started the same day each wrote the template's occurrences, with ids of
    /// their own: occurrences are the same when they name the same template task, whatever their
    /// ids (a day has one of each). Where both sides added one, the one furthest along is kept
    /// (done, then missed, then carried, in progress, open), the smaller id on a tie, so that
    /// every order of syncs keeps the same one; lines written under the other stay. Occurrences
    /// one side alone has are left as they are.
    private static func sameOccurrences(among merged: [TaskLine], base: DayFile?, ours: DayFile) -> [SameOccurrence] {
        let baseIDs = Set(base?.tasks.compactMap(\.id) ?? [])
        let ourIDs = Set(ours.tasks.compactMap(\.id))
        var added: [TaskID: [TaskLine]] = [:]
        for task in merged {
            guard let templateTask = task.occurrenceOf, let id = task.id, !baseIDs.contains(id) else { continue }
            added[templateTask, default: []].append(task)
        }
        var result: [SameOccurrence] = []
        for tasks in added.values where tasks.contains(where: { ourIDs.contains($0.id!) }) && tasks.contains(where: { !ourIDs.contains($0.id!) }) {
            let kept = tasks.min { (-occurrenceRank($0.state), $0.id!) < (-occurrenceRank($1.state), $1.id!) }!
            result += tasks.filter { $0.id != kept.id }.map { SameOccurrence(dropped: $0.id!, kept: kept.id!) }
        }
        return result.sorted { $0.dropped < $1.dropped }
    }

    /// How far along an occurrence is: done beats missed, which an unfinished copy left behind.
    private static func occurrenceRank(_ state: TaskState) -> Int {
        state == .done ? rank(state) + 1 : rank(state)
    }

    /// One task as both sides left it: the merged task, and a note line for each part of theirs's
    /// text that had to give way to ours.
    package static func resolve(base: TaskLine?, ours: TaskLine, theirs: TaskLine) -> (TaskLine, [String]) {
        var task = ours
        if ours.state != theirs.state {
            // An occurrence done outranks the same one closed as missed on another machine.
            let rankOf = ours.occurrenceOf == nil ? rank : occurrenceRank
            let takeTheirs = base?.state == ours.state || (base?.state != theirs.state && rankOf(theirs.state) > rankOf(ours.state))
            if takeTheirs {
                task.setState(theirs.state)
                task.carriedTo = theirs.carriedTo
            }
        } else if ours.carriedTo == nil, base?.carriedTo != theirs.carriedTo {
            task.carriedTo = theirs.carriedTo
        }
        let text = TaskTextMerge.merge(base: base?.text, ours: ours.text, theirs: theirs.text)
        task.text = text.text
        if ours.indent != theirs.indent, base?.indent == ours.indent { task.indent = theirs.indent }
        return (task, text.notes.map { note(under: ours, $0) })
    }

    /// A line under a task that keeps what the other side wrote where both changed one part of
    /// it, indented to the task's text so that it belongs to the task's list item.
    package static func note(under task: TaskLine, _ note: String) -> String {
        "\(task.childIndent)> \(note)"
    }

    /// Whether a line is such a note under `task`.
    package static func isNote(_ line: String, under task: TaskLine) -> Bool {
        line.hasPrefix(note(under: task, "")) && line.contains(" on another machine")
    }

    /// How far along a state is. A finish outranks a carry: it stays on the day it was made, and
    /// the copy the carry left on a later day is withdrawn across days.
    package static func rank(_ state: TaskState) -> Int {
        switch state {
        case .open: return 0
        case .inProgress: return 1
        case .carried: return 2
        case .done, .cancelled: return 3
        }
    }

    /// A line with the key it is matched by across versions: a task's id, or a note's bytes, and
    /// how many times that id or those bytes came before it in the file (a pasted copy of a task
    /// keeps its id until journal next commits).
    private struct Item {
        enum Key: Hashable {
            case task(TaskID, occurrence: Int)
            case line([UInt8], occurrence: Int)
        }

        let key: Key
        let line: DayFile.Line
        var task: TaskLine? { line.task?.id == nil ? nil : line.task }
        let isHeading: Bool

        static func items(of file: DayFile) -> [Item] {
            var taskOccurrences: [TaskID: Int] = [:]
            var lineOccurrences: [[UInt8]: Int] = [:]
            return file.lines.enumerated().map { index, line in
                if let id = line.task?.id {
                    defer { taskOccurrences[id, default: 0] += 1 }
                    return Item(key: .task(id, occurrence: taskOccurrences[id, default: 0]), line: line, isHeading: false)
                }
                defer { lineOccurrences[line.content, default: 0] += 1 }
                return Item(key: .line(line.content, occurrence: lineOccurrences[line.content, default: 0]), line: line,
                            isHeading: index == 0 && line.content.starts(with: Array("# ".utf8)))
            }
        }
    }
}
