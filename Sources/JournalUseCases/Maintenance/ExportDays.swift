import JournalModel
import JournalStore

public struct ExportDays {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// Every committed day from `since` to `until` (both included, either open), oldest first.
    /// What is committed, not the working tree: hand edits go out once a command commits them.
    public func run(since: Day?, until: Day?) throws -> [ExportedDay] {
        let days = try store.headTree()
        return try days.allDays().filter { day in since.map { day >= $0 } ?? true && until.map { day <= $0 } ?? true }.compactMap { day in
            guard let file = try days.file(for: day) else { return nil }
            return ExportedDay(view: DayView(day: day, file: file, path: store.layout.path(for: day)), bytes: file.bytes)
        }
    }
}
