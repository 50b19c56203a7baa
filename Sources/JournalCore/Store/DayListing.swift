import JournalModel
extension Journal {
    /// The days that have a file in the working tree (what the user sees, hand edits included),
    /// oldest first, within the bounds when given. Only the `YYYY/MM/` folders of those years are
    /// listed, so a short period costs little in a long journal.
    func daysWithFiles(from start: Day? = nil, through end: Day? = nil) -> [Day] {
        let root = files.root
        let years = (FileSystem.names(in: root) ?? []).compactMap { $0.count == 4 ? Int($0) : nil }
            .filter { (start?.year ?? .min) <= $0 && $0 <= (end?.year ?? .max) }
        return years.flatMap { year in
            (FileSystem.names(in: root + String(year)) ?? []).flatMap { month in
                (FileSystem.names(in: root + "\(year)/\(month)") ?? []).compactMap { DayPath.day(at: "\(year)/\(month)/\($0)") }
            }
        }.filter { day in (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true) }
    }

    /// The files of those days, read from the working tree.
    func dayFiles(from start: Day? = nil, through end: Day? = nil) throws -> [(day: Day, file: DayFile)] {
        try daysWithFiles(from: start, through: end).compactMap { day in
            try files.read(DayPath.path(for: day)).map { (day, DayFile(bytes: $0)) }
        }
    }
}
