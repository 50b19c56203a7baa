import JournalModel
import JournalStore

/// Whether tasks left on purpose: a task whose history ends in its deletion by `journal rm`,
/// which `diff` does not call dropped and `check` does not call lost. The history index is
/// opened at the first question, once for all of them (most runs ask none).
final class Removals {
    private let store: Journal
    private var index: HistoryIndex?

    init(_ store: Journal) {
        self.store = store
    }

    /// The deletion, when that is the last event of the task's history.
    func removal(of id: TaskID) throws -> TaskEvent? {
        if index == nil { index = try store.historyIndex(progress: nil) }
        guard let last = try index!.events(of: id).last, last.kind == .deleted,
              last.commit?.command == CommandName.remove.rawValue else { return nil }
        return last
    }
}
