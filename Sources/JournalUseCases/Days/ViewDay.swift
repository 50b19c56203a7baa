import JournalModel
import JournalStore

public struct ViewDay {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// The day as it stands in the working tree (uncommitted edits included). Its numbering is
    /// recorded: a number typed later means what was shown (see `ShownListings`). Not when
    /// nothing is shown to a person (`recording: false`: the shell's completion).
    public func run(of day: Day, recording: Bool = true) throws -> DayView {
        guard let file = try store.currentFile(for: day) else { throw JournalError.noSuchDay(day) }
        if recording { ShownListings.record(file, for: day, in: store.state) }
        return DayView(day: day, file: file, path: store.layout.path(for: day))
    }
}
