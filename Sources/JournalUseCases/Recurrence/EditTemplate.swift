import JournalModel
import JournalStore

/// `journal edit --template`: the day template in the user's editor, committed on exit.
public struct EditTemplate {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// Commits waiting hand edits and makes sure the template exists in the working tree (empty
    /// when new; it is committed only if the user writes something). Returns its absolute path.
    public func prepare() throws -> String {
        try EditDay(store).prepare(DayTemplate.path, blank: [])
    }

    /// Commits the template as the editor left it and reports what `journal new` would refuse in it.
    public func finish() throws -> EditDay.Edited {
        let committed = try EditDay(store).finish(DayTemplate.path, blank: [], command: .recur) { "edit the day template: " + $0 }
        let template = try store.files.read(DayTemplate.path).map { DayTemplate(DayFile(bytes: $0, words: store.marker.taskWords)) }
        return EditDay.Edited(committed: committed, problems: template?.problems ?? [])
    }
}
