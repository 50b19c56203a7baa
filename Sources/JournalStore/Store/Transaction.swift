import Git
import Glibc
import JournalModel

extension Journal {
    /// Runs `change` under journal's write lock on a draft of HEAD and commits what it wrote as
    /// one commit. Hand edits waiting in the working tree are committed first, on their own, so
    /// that nothing typed is lost. The commit is published by one compare-and-swap of the branch:
    /// if something outside journal moved the branch meanwhile, the swap fails and the change is
    /// derived again from the new HEAD. Nothing else is retried: once the branch has moved, the
    /// command has happened.
    @discardableResult
    package func write<T>(_ change: (inout Draft) throws -> T) throws -> T {
        try exclusively {
            try commitHandEdits()
            var attempts = 0
            while true {
                var draft = try Draft(repository: repository, state: state, marker: marker)
                let result = try change(&draft)
                do {
                    try commit(&draft)
                    return result
                } catch let race as BranchMovedMeanwhile {
                    attempts += 1
                    guard attempts < 5 else { throw race.error }
                    // A git command holding the branch's lock lets go within moments.
                    usleep(UInt32(20_000 * attempts))
                }
            }
        }
    }

    /// The branch swap found another commit than the one the change was made on (or Git held the
    /// branch's lock): nothing was published, and the change may be made again on the new HEAD.
    /// Where it is not (a hand-edit commit, a sync's merge), it stops the command in one line.
    package struct BranchMovedMeanwhile: Error, CustomStringConvertible {
        package let error: GitError
        package var description: String {
            "another commit moved the branch while journal was committing (\(error.message)); nothing was committed. Run the command again"
        }
    }

    /// Commits files edited outside journal, on their own, before a command changes anything.
    package func commitHandEdits() throws {
        try commitWorkingTree(command: .handEdit, subject: { "edit by hand: " + $0 })
    }

    /// Commits what differs between the working tree and HEAD (ids assigned to new tasks).
    /// `subject` gets the changed paths in words, each day with what changed in it
    /// (`2025-01-15: 2 added, 1 done`).
    @discardableResult
    package func commitWorkingTree(command: CommandName, subject: (String) -> String) throws -> ObjectID? {
        let (paths, edited, strays, committed) = try classifyUncommitted()
        if !strays.isEmpty {
            warn("left uncommitted: \(strays.joined(separator: ", ")) (only day files belong in a day folder, and "
                + "Git's temporary files in none; every other machine would refuse them): move or delete")
        }
        guard !paths.isEmpty else { return nil }
        guard !edited.isEmpty else {
            // Only the index is behind (its write failed after a commit): bring it up to date.
            refreshIndex(paths, head: try repository.referenceTarget("HEAD"), afterCommit: false)
            return nil
        }
        // What git writes half-way through a stash, a pull or a merge is not the user's edit.
        try GitActivity.waitForQuiet(gitDirectory: repository.gitDirectory, directory: directory, seconds: Journal.gitWaitLimit)
        var draft = try Draft(repository: repository, state: state, marker: marker)
        for path in paths {
            let bytes = try files.read(path)
            draft.readFromDisk[path] = bytes
            if let day = layout.day(at: path), let bytes {
                draft.write(DayFile(bytes: bytes, words: marker.taskWords), for: day)
            } else {
                draft.writeFile(bytes, at: path)
            }
        }
        draft.authoredAt = paths.compactMap { FileSystem.modificationTime(files.absolute($0)) }.max()
        let days = paths.compactMap(layout.day(at:))
        let changes = try paths.map { path -> (name: String, summary: String) in
            guard let day = layout.day(at: path) else { return (path, "") }
            let after = (draft.readFromDisk[path] ?? nil).map { DayFile(bytes: $0, words: marker.taskWords) }
            return (day.iso, DayChangeSummary(before: try committed?.file(for: day), after: after).description)
        }
        let words = changes.count == 1
            ? changes[0].name + (changes[0].summary.isEmpty ? "" : ": " + changes[0].summary)
            : changes.map { $0.name + ($0.summary.isEmpty ? "" : " (\($0.summary))") }.joined(separator: ", ")
        draft.message = CommitMessage(command: command, subject: subject(words), day: days.count == 1 ? days[0] : nil)
        return try commit(&draft, alwaysSync: paths)
    }

    /// Writes the draft as a commit on HEAD's branch. Order matters for a crash at any point:
    /// objects first, then the working tree, then the branch, then the index. Killed before the
    /// branch moves, the next command finds the new files as hand edits and commits them; killed
    /// after, it finds only a stale index, which it refreshes.
    @discardableResult
    package func commit(_ draft: inout Draft, alwaysSync extraPaths: [String] = []) throws -> ObjectID? {
        try draft.assignIDs()
        let changes = draft.changes
        try faults.check(.writeObjects)
        var treeChanges: [TreeChange] = []
        for (path, bytes) in changes {
            treeChanges.append(try bytes.map { .upsertBlob(path: path, id: try repository.writeBlob($0)) } ?? .remove(path: path))
        }
        let headTree = try draft.head?.tree()
        let tree = try repository.writeTree(updating: headTree, with: treeChanges)
        // Nothing to record, unless it is a merge: its other parent must enter history even when
        // the merged tree is ours.
        if tree == headTree?.id && draft.otherParents.isEmpty {
            refreshIndex(extraPaths, head: draft.head?.id, afterCommit: false)
            return nil
        }
        let identity = try Identity(configuration: try configuration(), environment: environment, clock: clock,
                                    authoredAt: draft.authoredAt)
        let message = draft.message ?? CommitMessage(command: .change, subject: "change")
        let isMerge = !draft.otherParents.isEmpty
        let refusal: Refusal
        if isMerge {
            refusal = .merge
        } else {
            refusal = message.command == .handEdit ? .handEdits : .change
        }
        // Every file must still hold what the command read: an editor that saved meanwhile wins,
        // and the command stops before anything is written.
        var replaced: [(path: String, previous: [UInt8]?, written: [UInt8]?)] = []
        for (path, bytes) in changes {
            let onDisk = try files.read(path)
            guard onDisk != bytes else { continue }
            let read = try draft.readFromDisk[path] ?? headTree?.entry(atPath: path).map { try repository.blobContent($0.id) }
            guard onDisk == read else { throw JournalError.changedMeanwhile(path) }
            replaced.append((path, onDisk, bytes))
        }
        let commit: ObjectID
        do {
            for (path, _, _) in replaced {
                if let bytes = changes.first(where: { $0.path == path })?.bytes {
                    try files.write(bytes, to: path, scratch: state.root, executable: try headTree?.entry(atPath: path)?.isExecutable ?? false)
                } else {
                    try files.remove(path)
                }
                try faults.check(.replaceFile)
            }
            // Git runs pre-merge-commit, not pre-commit, for a merge; sync merges by task anyway.
            if !isMerge, try willRunRefusableHook(.preCommit) {
                try stage(changes.map(\.path) + extraPaths)
                try runRefusableHook(.preCommit, consequence: refusal)
            }
            let text = try messageAfterHook(message.text, refusal: refusal)
            commit = try repository.writeCommit(
                tree: tree, parents: (draft.head.map { [$0] } ?? []) + draft.otherParents, message: text,
                author: identity.author, committer: identity.committer)
            try publish(commit, replacing: draft.head?.id, subject: CommitMessage.Parsed(text).subject)
        } catch {
            // A refused commit leaves the change in the working tree, as Git does. Otherwise the
            // branch did not move: the files go back to what they were, so that the next command
            // does not take this attempt for a hand edit.
            if !(error.isHookRefusal && !isMerge) { putBack(replaced) }
            throw error
        }
        // The command has happened: what fails from here on is told, never a reason to run it again.
        refreshIndex(changes.map(\.path) + extraPaths, head: commit)
        do {
            try faults.check(.saveIDs)
            try draft.recordCommit(commit)
        } catch {
            warn("committed, but the list of used ids was not saved (\(error)); the next journal command rebuilds it")
        }
        flushCommitted()
        if !isMerge { announceLater(.postCommit) }
        return commit
    }

    /// Moves HEAD's branch from `expected` to `commit`, or throws `BranchMovedMeanwhile` when
    /// another commit took its place first.
    private func publish(_ commit: ObjectID, replacing expected: ObjectID?, subject: String) throws {
        try faults.beforeSwap?()
        do {
            try faults.check(.swapBranch)
            try repository.updateReference(
                try repository.headBranchName(), to: commit, expecting: expected, logMessage: ReflogMessage.commit(subject))
        } catch let error as GitError where [.modified, .exists, .locked].contains(error.code) {
            throw BranchMovedMeanwhile(error: error)
        }
    }

    /// Waits until the moved branch, its reflog, Git's index and journal's own records are on
    /// disk, in one flush: a crash before it can undo the move, never half of it (the files the
    /// commit holds were flushed before the branch moved, so the next command commits them again).
    package func flushCommitted() {
        do {
            try repository.flushToDisk()
        } catch {
            warn("committed, but not yet safe from a crash of the machine: \(error)")
        }
    }

    /// Writes back what the working tree held before a change that was not published (nil: the
    /// file did not exist), where the file still holds what journal wrote: anything else was
    /// written there since (an editor, a `git commit -a` that took journal's change) and stays.
    package func putBack(_ replaced: [(path: String, previous: [UInt8]?, written: [UInt8]?)]) {
        for (path, previous, written) in replaced where (try? files.read(path)) == written {
            if let previous { try? files.write(previous, to: path, scratch: state.root) } else { try? files.remove(path) }
        }
    }

    /// What the next command that writes will commit as hand edits: the paths whose working-tree
    /// content differs from HEAD's, strays left out (a stale index alone is no edit).
    package func pendingHandEdits() throws -> [String] { try classifyUncommitted().edited }

    /// The paths Git sees as uncommitted, sorted out: those a hand-edit commit takes (`paths`),
    /// the part of them whose content differs from HEAD's (`edited`; the rest differ only in a
    /// stale index), and `strays`, new files never committed as a hand edit: anything in a day
    /// folder that is not a day file (an image, an editor's swap or backup file) and the
    /// temporary files of a git merge driver. Files already committed are the user's.
    private func classifyUncommitted() throws -> (paths: [String], edited: [String], strays: [String], committed: DayTree?) {
        // The usual case reads no tree: nothing waits in the working tree.
        let uncommitted = try uncommittedPaths()
        guard !uncommitted.isEmpty else { return ([], [], [], nil) }
        let committed = try headTree()
        var kept: [String] = [], edited: [String] = [], strays: [String] = []
        for path in uncommitted {
            let name = path.split(separator: "/").last ?? ""
            let misplaced = (layout.isInDayFolder(path) && layout.day(at: path) == nil) || name.hasPrefix(".merge_file_")
            let onDisk = try files.read(path)
            let inHead = try committed.bytes(at: path)
            if misplaced, inHead == nil, onDisk != nil {
                strays.append(path)
                continue
            }
            kept.append(path)
            if onDisk != inHead { edited.append(path) }
        }
        return (kept, edited, strays, committed)
    }

    /// Seconds a command waits for a git process working in the journal before it takes the
    /// working tree as the user's edit.
    package static let gitWaitLimit = 10.0

    /// `syncIndex`, where a failure is only told: after a commit, the command has happened;
    /// before one (an index left behind by an earlier command), the command goes on.
    package func refreshIndex(_ paths: [String], head: ObjectID?, afterCommit: Bool = true) {
        do {
            try faults.check(.writeIndex)
            try syncIndex(paths, head: head)
        } catch {
            let what = afterCommit ? "committed, but Git's index was not updated" : "Git's index is behind HEAD and could not be updated"
            warn(what + indexBlocked(because: error))
        }
    }

    /// Why the index could not be written, and what the next command does about it.
    private func indexBlocked(because error: Error) -> String {
        let lock = indexPath + ".lock"
        let next = "the next journal command brings it up to date"
        guard FileSystem.exists(lock) else { return " (\(error)); \(next)" }
        let holders = ProcessTree.gitProcesses(inside: directory)
        if holders.isEmpty && !ProcessTree.openFiles().contains(lock) {
            return ": \(lock) is left from a git command that did not finish "
                + "(no process holds it); if no git command is running, remove it with: rm '\(lock)'; then \(next)"
        }
        let holder = holders.isEmpty ? "another process" : "git (pid \(holders.map(String.init).joined(separator: ", ")))"
        return ": \(holder) holds \(lock); \(next)"
    }

    /// The message once the commit-msg hook, given it in a file, has checked or edited it.
    private func messageAfterHook(_ text: String, refusal: Refusal) throws -> String {
        guard try willRunRefusableHook(.commitMsg) else { return text }
        let gitFolder = WorkingTree(root: repository.gitDirectory)
        try gitFolder.write(Array(text.utf8), to: Journal.messageFile, scratch: state.root, durable: false)
        try runRefusableHook(.commitMsg, arguments: [gitFolder.absolute(Journal.messageFile)], consequence: refusal)
        let edited = String(decoding: try gitFolder.read(Journal.messageFile) ?? [], as: UTF8.self)
        guard edited.contains(where: { !$0.isWhitespace }) else { throw JournalError.emptyCommitMessage(refusal) }
        return edited
    }

    private static let messageFile = "COMMIT_EDITMSG"

    /// Paths edited outside journal: the working tree against HEAD and the index.
    package func uncommittedPaths() throws -> [String] {
        let indexMatchesHead = IndexStamp.holds(in: state, head: try repository.referenceTarget("HEAD"), indexPath: indexPath)
        return try repository.status(indexMatchesHead: indexMatchesHead).map(\.path)
    }

    private var indexPath: String { repository.gitDirectory + "index" }

    /// Makes the index entries of `paths` match the working tree, as `git add` would.
    @discardableResult
    private func stage(_ paths: [String]) throws -> Index {
        let index = try repository.index()
        for path in Set(paths) {
            if try files.read(path) != nil { try index.add(path: path) } else { try index.remove(path: path) }
        }
        try index.write()
        return index
    }

    /// Makes the index entries of `paths` match the working tree, so `git status` is clean, and
    /// stamps the index as holding `head`'s tree, but only if what it staged is what `head` holds:
    /// a file saved by an editor in between must stay visible as a hand edit.
    package func syncIndex(_ paths: [String], head: ObjectID?) throws {
        guard !paths.isEmpty else { return }
        let index = try stage(paths)
        let tree = try head.map { try repository.commit($0).tree() }
        for path in Set(paths) where try index.stagedID(path) != tree?.entry(atPath: path)?.id {
            return
        }
        try IndexStamp.record(in: state, head: head, indexPath: indexPath)
    }
}
