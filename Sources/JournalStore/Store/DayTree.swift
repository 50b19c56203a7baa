import Git
import JournalModel

/// The day files of one committed tree, found through the `YYYY/MM/` folders without reading
/// the rest of the journal.
package struct DayTree {
    package let tree: Tree?
    package let repository: Repository

    package init(tree: Tree?, repository: Repository) {
        self.tree = tree
        self.repository = repository
    }

    /// The committed file of `day`, or nil when the tree has none.
    package func file(for day: Day) throws -> DayFile? {
        let path = DayPath.path(for: day)
        guard let tree, let entry = try tree.entry(atPath: path) else { return nil }
        guard entry.kind == .blob else {
            throw JournalError.unsafePath(path, "is not a regular file in the journal's history (a link or a folder)")
        }
        return DayFile(bytes: try repository.blobContent(entry.id))
    }

    /// The committed content of any file, nil when the tree has none there.
    package func bytes(at path: String) throws -> [UInt8]? {
        try tree?.entry(atPath: path).map { try repository.blobContent($0.id) }
    }

    /// Every day with a file, oldest first.
    package func allDays() throws -> [Day] {
        try years().flatMap { year in try months(of: year).flatMap { try days(of: year, $0) } }
    }

    /// The earliest day with a file, reading only the first folders.
    package func firstDay() throws -> Day? {
        for year in try years() {
            for month in try months(of: year) {
                if let found = try days(of: year, month).first { return found }
            }
        }
        return nil
    }

    /// The latest day with a file strictly before `day`.
    package func latestDay(before day: Day) throws -> Day? {
        for year in try years().reversed() where year <= day.year {
            for month in try months(of: year).reversed() where (year, month) <= (day.year, day.month) {
                if let found = try days(of: year, month).last(where: { $0 < day }) { return found }
            }
        }
        return nil
    }

    private func years() throws -> [Int] {
        (tree?.entries ?? []).compactMap { $0.kind == .tree && $0.name.count == 4 ? Int($0.name) : nil }.sorted()
    }

    private func months(of year: Int) throws -> [Int] {
        guard let folder = try tree?.subtree(atPath: String(year)) else { return [] }
        return folder.entries.compactMap { $0.kind == .tree && $0.name.count == 2 ? Int($0.name) : nil }.sorted()
    }

    private func days(of year: Int, _ month: Int) throws -> [Day] {
        let path = String(year) + "/" + (month < 10 ? "0" : "") + String(month)
        guard let folder = try tree?.subtree(atPath: path) else { return [] }
        return folder.entries.compactMap { DayPath.day(at: path + "/" + $0.name) }.sorted()
    }
}
