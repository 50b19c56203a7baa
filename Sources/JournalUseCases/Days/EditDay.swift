import JournalModel
import JournalStore

public struct EditDay {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// Before an editor opens a day: commits waiting hand edits and makes sure the file exists in
    /// the working tree (a new day gets its heading; it is committed only if the user keeps it).
    /// Returns the file's absolute path.
    public func prepare(of day: Day) throws -> String {
        try prepare(store.layout.path(for: day), blank: DayFile.new(for: day, words: store.marker.taskWords).bytes)
    }

    /// The same for any file of the journal, which starts as `blank` when it does not exist.
    func prepare(_ path: String, blank: [UInt8]) throws -> String {
        try store.exclusively {
            // A hook that refuses the waiting hand edits must not keep the user from fixing them.
            do {
                try store.commitHandEdits()
            } catch where error.isHookRefusal {
                store.warn("a hook refused the hand edits waiting in the working tree; they stay uncommitted and go in with this edit once the hook lets them through")
            }
            if try store.files.read(path) == nil {
                try store.files.write(blank, to: path, scratch: store.state.root)
            }
        }
        return store.files.absolute(path)
    }

    public struct Edited: Equatable {
        public let committed: Bool
        public let problems: [DayProblem]
    }

    /// After the editor closed: commits whatever changed (ids given to new tasks) as one `edit`
    /// commit and reports what looks wrong in the day, without refusing any of it.
    public func finish(of day: Day) throws -> Edited {
        let committed = try finish(store.layout.path(for: day), blank: DayFile.new(for: day, words: store.marker.taskWords).bytes, command: .edit) { "edit " + $0 }
        let file = try store.currentFile(for: day)
        return Edited(committed: committed, problems: file.map { DayProblem.find(in: $0, day: day, path: store.layout.path(for: day), headingRequired: store.layout == .standard) } ?? [])
    }

    /// The same for any file of the journal: whether a commit was made. A file left as `blank`
    /// that no commit has is removed: opened and closed without typing, it leaves nothing behind.
    func finish(_ path: String, blank: [UInt8], command: CommandName, subject: (String) -> String) throws -> Bool {
        try store.exclusively {
            if let bytes = try store.files.read(path), DayFile(bytes: bytes, words: store.marker.taskWords) == DayFile(bytes: blank, words: store.marker.taskWords),
               try store.headTree().bytes(at: path) == nil {
                try store.files.remove(path)
                return false
            }
            return try store.commitWorkingTree(command: command, subject: subject) != nil
        }
    }
}
