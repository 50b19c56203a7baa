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
    }

    /// `base`, `ours` and `theirs` hold the days either side changed since the merge base, as each
    /// version has them (a day without a file there is absent).
    public static func merge(base: TaskPlacement.Days, ours: TaskPlacement.Days, theirs: TaskPlacement.Days) -> Result {
        var result = Result()
        var merged: TaskPlacement.Days = [:]
        for day in Set(base.keys).union(ours.keys).union(theirs.keys) {
            result.days[day] = .some(nil)
            let original = base[day]
            if ours[day] == theirs[day] || theirs[day] == original {
                merged[day] = ours[day]
            } else if ours[day] == original {
                merged[day] = theirs[day]
            } else if let mine = ours[day], let other = theirs[day] {
                merged[day] = DayMerge.merge(base: original, ours: mine, theirs: other).file
                result.mergedByTask.append(day)
            } else {
                // Deleted on one side, changed on the other: the changed version stays.
                merged[day] = ours[day] ?? theirs[day]
            }
        }
        result.mergedByTask.sort()
        result.placement = TaskPlacement.merge(merged, base: base, ours: ours, theirs: theirs)
        merged.merge(result.placement.changed) { $1 }
        for (day, file) in merged { result.days[day] = file }
        return result
    }
}
