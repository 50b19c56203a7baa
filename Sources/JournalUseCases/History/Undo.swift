import Git
import JournalModel
import JournalStore

/// A change `journal undo` can take back, as `undo --list` shows it.
public struct UndoItem: Equatable {
    public let commit: CommitInfo
    /// A sync: undoing it goes back to the journal as it was before (refs/journal/pre-sync).
    public let sync: Bool
    /// The commit whose state undoing this brings back.
    public let restores: String

    init(_ change: UndoableChange) {
        let commit = change.commit
        let message = CommitMessage.Parsed(commit.message)
        let subject = change.isSync && message.commandName != .sync ? "sync: fast-forward to \(commit.id.short)" : message.subject
        self.commit = CommitInfo(id: commit.id.hex, time: commit.committer.time, offsetMinutes: commit.committer.offsetMinutes,
                                 author: commit.author.name, command: change.isSync ? CommandName.sync.rawValue : message.command, subject: subject)
        sync = change.isSync
        restores = change.restores.id.hex
    }
}

public struct Undo {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct Undone: Equatable {
        public let item: UndoItem
        /// The new commit that takes the change back.
        public let commit: String?
        /// The files it changed, day files as their dates.
        public let changed: [String]
    }

    /// What `journal undo` would take back, newest first, at most `limit` of them.
    public func items(limit: Int) throws -> [UndoItem] {
        try UndoableChange.changes(in: store.repository, from: try store.repository.headCommit(), limit: limit).map(UndoItem.init)
    }

    /// `journal undo`: takes back the last change made by a journal command in a new commit
    /// (history is never rewritten, so what was pushed stays valid). Each file that change touched
    /// goes back to its earlier version where nothing changed it since; a day file changed since
    /// is merged task by task (`DayMerge`); any other file changed since stops the undo. A sync is
    /// taken back whole, to main before it, only if `confirmSync` says yes. Hand edits waiting in
    /// the working tree are committed first, as by every command: they are then the last change.
    public func run(confirmSync: (UndoItem) -> Bool) throws -> Undone {
        let (item, changed) = try store.write { draft in
            guard let change = try UndoableChange.changes(in: store.repository, from: draft.head, limit: 1).first else { throw JournalError.nothingToUndo }
            let item = UndoItem(change)
            if change.isSync, !confirmSync(item) {
                throw JournalError.syncUndoNotConfirmed("\(change.commit.id.short) \(item.commit.subject)", change.restores.id.short)
            }
            let changed = try takeBack(change, named: item.commit.subject, into: &draft)
            guard !changed.isEmpty else { throw JournalError.undoFoundNothing(item.commit.subject) }
            let days = changed.compactMap(store.layout.day(at:))
            var message = CommitMessage(command: .undo, subject: "undo: " + item.commit.subject, day: days.count == 1 ? days[0] : nil)
            message.trailers += [CommitMessage.Trailer(.undoes, change.commit.id.hex),
                                 CommitMessage.Trailer(.restores, change.restores.id.hex)]
            draft.message = message
            // The tasks come back as they were, ids included.
            draft.givesCopiesFreshIDs = false
            return (item, changed.map { store.layout.day(at: $0)?.iso ?? $0 })
        }
        return Undone(item: item, commit: try store.repository.referenceTarget("HEAD")?.hex, changed: changed)
    }

    /// Writes into the draft each file `change` touched as it was before, three-way: the change
    /// is the base, HEAD ours, the earlier version theirs. Returns the paths that change.
    private func takeBack(_ change: UndoableChange, named subject: String, into draft: inout Draft) throws -> [String] {
        let base = try change.commit.tree(), wanted = try change.restores.tree(), current = draft.committed.tree
        func content(_ tree: Tree?, _ path: String) throws -> [UInt8]? {
            try tree?.entry(atPath: path).map { try store.repository.blobContent($0.id) }
        }
        var changed: [String] = []
        for path in try store.repository.changedPaths(from: base, to: wanted) {
            let (was, before, now) = (try content(base, path), try content(wanted, path), try content(current, path))
            guard now != before else { continue }
            var result = before
            if now != was {
                guard store.layout.day(at: path) != nil, let was, let before, let now else { throw JournalError.undoConflict(path, subject) }
                result = DayMerge.merge(base: DayFile(bytes: was, words: store.marker.taskWords), ours: DayFile(bytes: now, words: store.marker.taskWords), theirs: DayFile(bytes: before, words: store.marker.taskWords)).file.bytes
                guard result != now else { continue }
            }
            if let day = store.layout.day(at: path), let result { draft.write(DayFile(bytes: result, words: store.marker.taskWords), for: day) } else { draft.writeFile(result, at: path) }
            changed.append(path)
        }
        return changed
    }
}
