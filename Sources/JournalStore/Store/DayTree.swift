import Git
import JournalModel

/// The day files of one committed tree, found through the layout's folders without reading
/// the rest of the journal.
package struct DayTree {
    package let tree: Tree?
    package let repository: Repository
    /// Where the days are, and how their tasks are written.
    package let marker: JournalMarker
    package var layout: DayLayout { marker.layout }

    package init(tree: Tree?, repository: Repository, marker: JournalMarker) {
        self.tree = tree
        self.repository = repository
        self.marker = marker
    }

    /// The committed file of `day`, or nil when the tree has none.
    package func file(for day: Day) throws -> DayFile? {
        let path = layout.path(for: day)
        guard let tree, let entry = try tree.entry(atPath: path) else { return nil }
        guard entry.kind == .blob else {
            throw JournalError.unsafePath(path, "is not a regular file in the journal's history (a link or a folder)")
        }
        return DayFile(bytes: try repository.blobContent(entry.id), words: marker.taskWords)
    }

    /// The committed content of any file, nil when the tree has none there.
    package func bytes(at path: String) throws -> [UInt8]? {
        try tree?.entry(atPath: path).map { try repository.blobContent($0.id) }
    }

    /// Every day with a file, oldest first.
    package func allDays() throws -> [Day] {
        try layout.days(names: names)
    }

    /// The earliest day with a file, reading only the first folders.
    package func firstDay() throws -> Day? {
        try layout.firstDay(newestFirst: false, names: names)
    }

    /// The latest day with a file.
    package func lastDay() throws -> Day? {
        try layout.firstDay(newestFirst: true, names: names)
    }

    /// The latest day with a file strictly before `day`.
    package func latestDay(before day: Day) throws -> Day? {
        guard let end = Day(ordinal: day.ordinal - 1) else { return nil }
        return try layout.firstDay(through: end, newestFirst: true, names: names)
    }

    private func names(in folder: String, folders: Bool) throws -> [String] {
        let listed = folder.isEmpty ? tree : try tree?.subtree(atPath: folder)
        return (listed?.entries ?? []).filter { ($0.kind == .tree) == folders }.map(\.name)
    }
}
