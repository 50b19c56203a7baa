import JournalModel

/// The days as the working tree holds them (what the user sees, hand edits included): the view
/// `search`, `standup`, `report` and `agenda` read. HEAD's days are `DayTree`'s, a commit's in the
/// making `Draft`'s.
package struct WorkingTreeDays {
    let tree: WorkingTree

    package init(_ tree: WorkingTree) {
        self.tree = tree
    }

    /// The days that have a file in the working tree (what the user sees, hand edits included),
    /// oldest first, within the bounds when given. Only the `YYYY/MM/` folders of those months are
    /// listed, so a short period costs little in a long journal.
    package func days(from start: Day? = nil, through end: Day? = nil) -> [Day] {
        let root = tree.root
        let years = (FileSystem.names(in: root) ?? []).compactMap { $0.count == 4 ? Int($0) : nil }
            .filter { (start?.year ?? .min) <= $0 && $0 <= (end?.year ?? .max) }
        let inRange = { (year: Int, month: Int) in
            (start.map { (year, month) >= ($0.year, $0.month) } ?? true) && (end.map { (year, month) <= ($0.year, $0.month) } ?? true)
        }
        return years.flatMap { year in
            (FileSystem.names(in: root + String(year)) ?? []).filter { Int($0).map { inRange(year, $0) } ?? true }.flatMap { month in
                (FileSystem.names(in: root + "\(year)/\(month)") ?? []).compactMap { DayPath.day(at: "\(year)/\(month)/\($0)") }
            }
        }.filter { day in (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true) }
    }

    /// The files of those days, read from the working tree.
    package func files(from start: Day? = nil, through end: Day? = nil) throws -> [(day: Day, file: DayFile)] {
        try days(from: start, through: end).compactMap { day in
            try tree.read(DayPath.path(for: day)).map { (day, DayFile(bytes: $0)) }
        }
    }
}
