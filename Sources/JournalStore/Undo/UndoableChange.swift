import Git
import JournalModel

/// A change `journal undo` can take back: the commit that made it, and the commit whose state
/// taking it back restores (its parent; for the latest sync, main as it was before the sync).
package struct UndoableChange {
    package let commit: Commit
    package let restores: Commit
    package let isSync: Bool

    /// The changes made by journal commands, newest first, as undo sees history: an undo commit
    /// and what it undid are passed over (undo never redoes), and so are commits made without
    /// journal (a `git commit`), whose changes an undo keeps. It stops at `init`.
    package static func changes(in repository: Repository, from head: Commit?, limit: Int) throws -> [UndoableChange] {
        guard let head else { return [] }
        var changes: [UndoableChange] = []
        var next: ObjectID? = head.id
        if let preSync = try latestSync(head, in: repository) {
            changes.append(UndoableChange(commit: head, restores: preSync, isSync: true))
            next = preSync.id
        }
        while let id = next, changes.count < limit {
            let commit = try repository.commit(id)
            let message = CommitMessage.Parsed(commit.message)
            let parent = commit.parentIDs.first
            switch message.command {
            case CommandName.initialize.rawValue?:
                next = nil
            case CommandName.undo.rawValue?:
                next = message.restores.flatMap(ObjectID.init(hex:)) ?? parent
            case let command?:
                guard let parent else { next = nil; break }
                changes.append(UndoableChange(commit: commit, restores: try repository.commit(parent), isSync: command == CommandName.sync.rawValue))
                next = parent
            case nil:
                next = parent
            }
        }
        return changes
    }

    /// Main before the sync that put HEAD where it is (a merge, or a fast-forward that made no
    /// commit of its own), or nil when the last thing to move main was not a sync.
    private static func latestSync(_ head: Commit, in repository: Repository) throws -> Commit? {
        guard let preSync = try repository.referenceTarget(Journal.preSyncReference), preSync != head.id else { return nil }
        let movedBySync = try repository.lastReflogMessage(of: try repository.headBranchName()).map(ReflogMessage.isSync) ?? false
        guard movedBySync || CommitMessage.Parsed(head.message).commandName == .sync,
              try repository.isDescendant(head.id, of: preSync) else { return nil }
        return try repository.commit(preSync)
    }
}
