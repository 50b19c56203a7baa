import JournalModel
import JournalStore

extension Journal {
    /// A task's deletion by `journal rm`, when that is the last its history holds: the task left
    /// on purpose, which `diff` does not call dropped and `check` does not call lost.
    func removal(of id: TaskID) throws -> TaskEvent? {
        guard let last = try historyIndex(progress: nil).events(of: id).last, last.kind == .deleted,
              last.commit?.command == CommandName.remove.rawValue else { return nil }
        return last
    }
}
