import Git
import Glibc
import JournalModel

extension Journal {
    /// Cleans up after a journal command that died holding the lock (see `LockHolder`), before
    /// this one starts. Runs only under the lock, so no other journal command is at work here.
    ///
    /// libgit2 writes through temporary files that a killed process leaves behind: `index.lock`,
    /// `refs/heads/main.lock` and the like, which make every later write fail, and objects and
    /// packs under temporary names. A sync pushing to a remote on this machine writes into that
    /// repository itself (libgit2 starts no receive-pack there), so a killed sync can leave the
    /// remote's `refs/heads/main.lock` too. Only files the dead command could have made are
    /// removed: those modified since it took the lock (a `.lock` from an earlier, crashed `git`
    /// is left for the user; `journal doctor` reports it), and none that a running process holds
    /// open. A `git` command running in the repository may own such a file without holding it
    /// open; then nothing is removed and the user is told.
    ///
    /// Objects written here since are read back whole: one truncated by a power cut would make
    /// libgit2 1.5 loop forever, so the command stops instead, naming it.
    package func recover(from holder: LockHolder) throws {
        let folders = [repository.gitDirectory] + (holder.command == CommandName.sync.rawValue ? localRemoteFolders() : [])
        let leftovers = (folders.flatMap(Journal.temporaryFiles(in:)) + [state.absolute(WorkingTree.scratchName(for: holder.pid))])
            .filter { FileSystem.isModified($0, since: holder.since) }
        let open = ProcessTree.openFiles()
        let running = folders.flatMap { ProcessTree.gitProcesses(inside: $0) } + ProcessTree.gitProcesses(inside: directory)
        if !running.isEmpty || leftovers.contains(where: open.contains) {
            if !leftovers.isEmpty {
                let owner = running.isEmpty ? "another process holds them open" : "git (pid \(running.map(String.init).joined(separator: ", "))) is running there"
                warn("an interrupted journal command (pid \(holder.pid)) left \(leftovers.map(shown).joined(separator: ", ")); kept, since \(owner)")
            }
        } else {
            let removed = leftovers.filter { unlink($0) == 0 }.map(shown)
            warn("recovered from an interrupted journal command (pid \(holder.pid)): " + (removed.isEmpty ? "nothing was left half-done" : "removed " + removed.joined(separator: ", ")))
        }
        let damaged = repository.damagedLooseObjects(modifiedSince: holder.since)
        guard damaged.isEmpty else { throw JournalError.damagedByCrash(holder.pid, damaged.map(\.description)) }
    }

    private func shown(_ path: String) -> String {
        path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : path
    }

    /// The Git folders of the remotes that are paths on this machine.
    private func localRemoteFolders() -> [String] {
        ((try? repository.remotes()) ?? []).compactMap { LocalRemote.gitFolder(of: $0.url) }
    }

    /// The temporary files libgit2 writes through in a Git folder: lock files of the index,
    /// configuration and references, and objects and packs being written.
    private static func temporaryFiles(in gitDirectory: String) -> [String] {
        let objects = gitDirectory + "objects/"
        let written = (FileSystem.names(in: objects) ?? []).filter { $0.hasPrefix("tmp_object_git2_") }.map { objects + $0 }
        let packs = (FileSystem.names(in: objects + "pack/") ?? []).filter { $0.hasPrefix("pack_git2_") }.map { objects + "pack/" + $0 }
        return lockFiles(in: gitDirectory) + written + packs
    }

    /// The `.lock` files in a Git folder itself and under its `refs/` and `logs/`, where Git and
    /// libgit2 lock what they are about to replace.
    package static func lockFiles(in gitDirectory: String) -> [String] {
        func below(_ folder: String) -> [String] {
            (FileSystem.names(in: folder) ?? []).flatMap { name -> [String] in
                FileSystem.isDirectory(folder + name) ? below(folder + name + "/") : [folder + name]
            }
        }
        let top = (FileSystem.names(in: gitDirectory) ?? []).map { gitDirectory + $0 }.filter { !FileSystem.isDirectory($0) }
        return (top + below(gitDirectory + "refs/") + below(gitDirectory + "logs/")).filter { $0.hasSuffix(".lock") }
    }
}
