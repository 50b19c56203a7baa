import JournalModel
extension Journal {
    /// Before an editor opens a day: commits waiting hand edits and makes sure the file exists in
    /// the working tree (a new day gets its heading; it is committed only if the user keeps it).
    /// Returns the file's absolute path.
    public func prepareEdit(of day: Day) throws -> String {
        let path = DayPath.path(for: day)
        try exclusively {
            // A hook that refuses the waiting hand edits must not keep the user from fixing them.
            do {
                try commitHandEdits()
            } catch where error.isHookRefusal {
                warn("a hook refused the hand edits waiting in the working tree; they stay uncommitted and go in with this edit once the hook lets them through")
            }
            if try files.read(path) == nil {
                try files.write(DayFile.new(for: day).bytes, to: path, scratch: state.root)
            }
        }
        return files.absolute(path)
    }

    public struct Edited: Equatable {
        public let committed: Bool
        public let problems: [DayProblem]
    }

    /// After the editor closed: commits whatever changed (ids given to new tasks) as one `edit`
    /// commit and reports what looks wrong in the day, without refusing any of it.
    public func finishEdit(of day: Day) throws -> Edited {
        let path = DayPath.path(for: day)
        let committed = try exclusively {
            if let bytes = try files.read(path), DayFile(bytes: bytes) == DayFile.new(for: day),
               try headTree().file(for: day) == nil {
                // Opened and closed without typing anything: leave no empty day behind.
                try files.remove(path)
                return false
            }
            return try commitWorkingTree(command: "edit", subject: { "edit " + $0 }) != nil
        }
        let file = try currentFile(for: day)
        return Edited(committed: committed, problems: file.map { DayProblem.find(in: $0, day: day) } ?? [])
    }
}
