import Glibc

/// What `git` is doing in the journal's repository. While git is half-way through an operation
/// (a stash resetting files, a pull or merge writing them, a rebase), the working tree is not the
/// user's edit, and committing it would record git's intermediate state, deleting what journal
/// wrote a moment before.
package enum GitActivity: Equatable {
    /// An operation git left unfinished on purpose (a merge with conflicts, a rebase stopped):
    /// it lasts until the user finishes or aborts it.
    case unfinished(operation: String, marker: String, abort: String)
    /// A git process at work in the journal while Git's index is locked, as a stash, a pull or a
    /// checkout is while it writes the working tree: it ends by itself. A `git log` waiting in its
    /// pager, or the git that runs journal (an alias, a hook), locks nothing and is not waited for;
    /// nor is a lock held by another program, such as an editor's integration.
    case running(String)

    /// What is under way in the repository at `gitDirectory`, whose working tree is `directory`.
    package static func current(gitDirectory: String, directory: String) -> GitActivity? {
        if let unfinished = unfinishedOperation(gitDirectory: gitDirectory) { return unfinished }
        guard FileSystem.exists(gitDirectory + "index.lock") else { return nil }
        let ancestors = ProcessTree.ancestors(of: getpid())
        let processes = ProcessTree.gitProcesses(inside: directory).filter { !ancestors.contains($0) }
        guard processes.isEmpty else {
            return .running("git (pid \(processes.map(String.init).joined(separator: ", "))) is working in \(directory)")
        }
        return nil
    }

    /// A merge, rebase, cherry-pick or revert that git stopped in, from its marker files alone.
    package static func unfinishedOperation(gitDirectory: String) -> GitActivity? {
        let markers = [
            ("MERGE_HEAD", "a merge", "git merge --abort"),
            ("rebase-merge", "a rebase", "git rebase --abort"),
            ("rebase-apply", "a rebase or git am", "git rebase --abort"),
            ("CHERRY_PICK_HEAD", "a cherry-pick", "git cherry-pick --abort"),
            ("REVERT_HEAD", "a revert", "git revert --abort"),
        ]
        for (marker, operation, abort) in markers where FileSystem.exists(gitDirectory + marker) {
            return .unfinished(operation: operation, marker: gitDirectory + marker, abort: abort)
        }
        return nil
    }

    /// Waits up to `seconds` for a running git to finish; throws when git is still at work then,
    /// or when an operation was left unfinished.
    package static func waitForQuiet(gitDirectory: String, directory: String, seconds: Double) throws {
        var waited = 0.0
        while let activity = current(gitDirectory: gitDirectory, directory: directory) {
            switch activity {
            case .unfinished(let operation, let marker, let abort):
                throw JournalError.gitOperationUnfinished(operation, marker: marker, abort: abort)
            case .running(let what):
                guard waited < seconds else { throw JournalError.gitAtWork(what) }
            }
            usleep(50_000)
            waited += 0.05
        }
    }
}
