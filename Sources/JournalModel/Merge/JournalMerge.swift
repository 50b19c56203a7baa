/// A sync's merge of the journal's days, with no I/O: a day both sides changed is merged task by
/// task (`DayMerge`), a day one side changed is taken from that side, and then the rules across
/// days put each task in one place (`TaskPlacement`). Only the day files decide: whatever
/// `.gitattributes` either side has plays no part.
public enum JournalMerge {
    public struct Result: Equatable, Sendable {
        /// Each day either side changed, as it reads after the merge; nil when it has no file.
        public var days: [Day: DayFile?] = [:]
        /// The days both sides changed, merged task by task.
        public var mergedByTask: [Day] = []
        public var placement = TaskPlacement.Result()
        /// Occurrences of one template task both sides added to a day, each left out for another.
        public var sameOccurrences: [SameOccurrence] = []
    }

    public struct SameOccurrence: Equatable, Sendable {
        public let day: Day
        public let dropped: TaskID
        public let kept: TaskID
    }

    /// `base`, `ours` and `theirs` hold the days either side changed since the merge base, as each
    /// version has them (a day without a file there is absent).
    public static func merge(base: TaskPlacement.Days, ours: TaskPlacement.Days, theirs: TaskPlacement.Days) -> Result {
        var result = Result()
        var merged: TaskPlacement.Days = [:]
        for day in Set(base.keys).union(ours.keys).union(theirs.keys) {
            result.days[day] = .some(nil)
            let (file, byTask) = mergeFile(base: base[day], ours: ours[day], theirs: theirs[day])
            merged[day] = file
            if let byTask {
                result.mergedByTask.append(day)
                result.sameOccurrences += byTask.sameOccurrences.map { SameOccurrence(day: day, dropped: $0.dropped, kept: $0.kept) }
            }
        }
        result.mergedByTask.sort()
        result.sameOccurrences.sort { ($0.day, $0.dropped) < ($1.day, $1.dropped) }
        withdrawCopies(of: Set(result.sameOccurrences.map(\.dropped)), from: &merged)
        result.placement = TaskPlacement.merge(merged, base: base, ours: ours, theirs: theirs)
        merged.merge(result.placement.changed) { $1 }
        for (day, file) in merged { result.days[day] = file }
        return result
    }

    /// Three versions of one file (nil: none there): the side that changed it wins over the side
    /// that did not, two changes are merged task by task (`byTask`), and a file deleted on one
    /// side and changed on the other stays as changed.
    public static func mergeFile(base: DayFile?, ours: DayFile?, theirs: DayFile?) -> (file: DayFile?, byTask: DayMerge.Result?) {
        if ours == theirs || theirs == base { return (ours, nil) }
        if ours == base { return (theirs, nil) }
        guard let ours, let theirs else { return (ours ?? theirs, nil) }
        let byTask = DayMerge.merge(base: base, ours: ours, theirs: theirs)
        return (byTask.file, byTask)
    }

    /// An occurrence left out as the same as another may have been carried (`when done`) by the
    /// machine that wrote it: its copies on the other days go too, or they would stay open with
    /// no day they came from. A copy with tasks nested in it stays, so that no task is lost.
    private static func withdrawCopies(of dropped: Set<TaskID>, from days: inout TaskPlacement.Days) {
        guard !dropped.isEmpty else { return }
        for (day, file) in days {
            var changed = file
            let entries = file.entries
            let parents = Set(entries.compactMap(\.parentLineIndex))
            for entry in entries.reversed() where entry.task.occurrenceOf != nil && entry.task.id.map(dropped.contains) == true
                && !parents.contains(entry.lineIndex) {
                changed.removeItem(atLine: entry.lineIndex)
            }
            if changed != file { days[day] = changed }
        }
    }
}
