import JournalModel

/// The days as the working tree holds them (what the user sees, hand edits included): the view
/// `search`, `standup`, `report` and `agenda` read. HEAD's days are `DayTree`'s, a commit's in the
/// making `Draft`'s.
package struct WorkingTreeDays {
    let tree: WorkingTree
    let marker: JournalMarker
    var layout: DayLayout { marker.layout }

    package init(_ tree: WorkingTree, marker: JournalMarker) {
        self.tree = tree
        self.marker = marker
    }

    /// The days that have a file in the working tree (what the user sees, hand edits included),
    /// oldest first, within the bounds when given. Only the folders that may hold those days are
    /// listed (in the standard layout, the `YYYY/MM/` folders of those months), so a short period
    /// costs little in a long journal.
    package func days(from start: Day? = nil, through end: Day? = nil) -> [Day] {
        // No name is checked for being a folder or a file: a file listed as a folder lists
        // nothing, and a folder named as a day fails to read as one, as it always did.
        layout.days(from: start, through: end) { folder, _ in FileSystem.names(in: tree.root + folder) ?? [] }
    }

    /// The files of those days, read from the working tree.
    package func files(from start: Day? = nil, through end: Day? = nil) throws -> [(day: Day, file: DayFile)] {
        try days(from: start, through: end).compactMap { day in
            try tree.read(layout.path(for: day)).map { (day, DayFile(bytes: $0, words: marker.taskWords)) }
        }
    }
}
