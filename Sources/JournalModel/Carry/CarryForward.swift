/// What `journal new` does to the files, with no I/O: unfinished tasks of the source days are
/// copied to the new day with their ids, text, state, nesting and the lines written under them, and
/// become `[>] … → DAY`. An occurrence of a recurring task is never carried: the new day has its
/// own, so an unfinished one is closed as missed (`[-]`), unless its rule says `when done`.
public enum CarryForward {
    public struct Result: Equatable {
        public var target: DayFile
        /// The source days whose files changed.
        public var changedSources: [Day: DayFile] = [:]
        /// The ids copied into the target, by the day they came from.
        public var carried: [Day: [TaskID]] = [:]
        /// Unfinished tasks the target already had (run twice, or added ahead): marked carried, not copied.
        public var alreadyPresent = 0
        /// Occurrences closed as missed, by their day.
        public var missed: [Day: [TaskID]] = [:]

        public var carriedCount: Int { carried.values.reduce(0) { $0 + $1.count } }

        package init(target: DayFile) {
            self.target = target
        }
    }

    /// `carriedTemplateTasks`: the template tasks whose occurrences carry (`when done`). `heading`: the
    /// line the carried tasks go under (`## Carried`), added at the end when the day lacks it.
    /// `lines`: only the tasks on these lines of each source (`journal move`), else every unfinished one.
    public static func carry(from sources: [(day: Day, file: DayFile)], into target: DayFile, on day: Day,
                             carriedTemplateTasks: Set<TaskID> = [], underHeading heading: String? = nil,
                             onlyLines lines: Set<Int>? = nil) -> Result {
        var result = Result(target: target)
        var presentIDs = Set(target.tasks.compactMap(\.id))
        for (sourceDay, original) in sources.sorted(by: { $0.day < $1.day }) {
            var source = original
            let entries = source.entries
            let parentOf = Dictionary(uniqueKeysWithValues: entries.map { ($0.lineIndex, $0.parentLineIndex) })
            var childIndentInTarget: [Int: String] = [:]
            // Each copied line with its line in the source: the copies keep the source's order,
            // so that lines written after a subtask come after it (before it, they could take it in).
            var copies: [(source: Int, line: DayFile.Line)] = []
            for entry in entries where entry.task.state.isUnfinished && lines.map({ $0.contains(entry.lineIndex) }) != false {
                if let templateTask = entry.task.occurrenceOf, !carriedTemplateTasks.contains(templateTask) {
                    source.updateTask(atLine: entry.lineIndex) { $0.setState(.cancelled) }
                    if let id = entry.task.id { result.missed[sourceDay, default: []].append(id) }
                    continue
                }
                // A finished parent stays behind; its unfinished children nest under the nearest
                // ancestor that carries, or move to the top level.
                var ancestor = entry.parentLineIndex
                while let line = ancestor, childIndentInTarget[line] == nil { ancestor = parentOf[line] ?? nil }
                var copy = entry.task
                copy.indent = ancestor.flatMap { childIndentInTarget[$0] } ?? ""

                if let id = entry.task.id, presentIDs.contains(id) {
                    result.alreadyPresent += 1
                } else {
                    childIndentInTarget[entry.lineIndex] = copy.childIndent
                    // The task's item goes with it: the lines written under it, moved only as far
                    // as the task itself moved left or right.
                    let shift = copy.contentColumn - entry.task.contentColumn
                    copies.append((entry.lineIndex, DayFile.Line(task: copy, ending: [])))
                    copies += original.contentLines(ofTaskAt: entry.lineIndex).map { ($0, original.lines[$0].shifted(by: shift)) }
                    if let id = entry.task.id {
                        presentIDs.insert(id)
                        result.carried[sourceDay, default: []].append(id)
                    }
                }
                source.updateTask(atLine: entry.lineIndex) { task in
                    task.setState(.carried)
                    task.carriedTo = day
                }
            }
            result.target.append(copies.sorted { $0.source < $1.source }.map(\.line), underHeading: heading)
            if source != original { result.changedSources[sourceDay] = source }
        }
        return result
    }
}
