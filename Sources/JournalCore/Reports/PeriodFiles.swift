extension Journal {
    /// The day files of a period, oldest first, preceded by the days before it back to where the
    /// tasks of its first day began. A carried task appears on every day it waited, so the walk
    /// back stops at the first earlier day that has none of them: each task's first day and times
    /// carried come out right without reading a long journal whole.
    func periodFiles(from start: Day, through end: Day) throws -> [(day: Day, file: DayFile)] {
        let days = daysWithFiles(through: end)
        let read = { (day: Day) in try self.files.read(DayPath.path(for: day)).map { (day: day, file: DayFile(bytes: $0)) } }
        let period = try days.filter { $0 >= start }.compactMap(read)
        guard let first = period.first else { return [] }
        var wanted = Set(first.file.tasks.map(TaskTimeline.key(of:)))
        var before: [(day: Day, file: DayFile)] = []
        for day in days.reversed() where day < first.day {
            guard !wanted.isEmpty, let earlier = try read(day) else { break }
            wanted.formIntersection(earlier.file.tasks.map(TaskTimeline.key(of:)))
            before.append(earlier)
        }
        return before.reversed() + period
    }
}
