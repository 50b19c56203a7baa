#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Git

extension Journal {
    /// Cleans up after a journal command that died holding the lock (see `LockHolder`), before
    /// this one starts. Runs only under the lock, so no other journal command is at work.
    ///
    /// libgit2 writes through temporary files that a killed process leaves behind: `index.lock`,
    /// `refs/heads/main.lock` and the like, which make every later write fail, and half-written
    /// objects under temporary names. Only files the dead command could have made are removed:
    /// those modified since it took the lock (a `.lock` from an earlier, crashed `git` is left
    /// for the user, and `journal doctor` reports it). A `git` command still running in the
    /// journal may own such a file too; then nothing is removed and the user is told.
    ///
    /// Objects written since are read back whole: one truncated by a power cut would make
    /// libgit2 1.5 loop forever, so the command stops instead, naming it.
    func recover(from holder: LockHolder) throws {
        let leftovers = gitTemporaryFiles(of: holder)
            .filter { FileSystem.isModified($0, since: holder.since) }
        var removed: [String] = []
        let running = ProcessTree.gitProcesses(inside: directory)
        if !leftovers.isEmpty && !running.isEmpty {
            warn("an interrupted journal command (pid \(holder.pid)) left \(leftovers.map(shown).joined(separator: ", ")); kept, since git (pid \(running.map(String.init).joined(separator: ", "))) is running in the journal")
        } else {
            for path in leftovers where unlink(path) == 0 { removed.append(shown(path)) }
            warn("recovered from an interrupted journal command (pid \(holder.pid)): " + (removed.isEmpty ? "nothing was left half-done" : "removed " + removed.joined(separator: ", ")))
        }
        let damaged = repository.damagedLooseObjects(modifiedSince: holder.since)
        guard damaged.isEmpty else { throw JournalError.damagedByCrash(holder.pid, damaged.map(\.description)) }
    }

    private func shown(_ path: String) -> String {
        path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : path
    }

    /// The temporary files libgit2 writes through for journal's operations (lock files of the
    /// index, configuration and references; objects and packs being written) and journal's own
    /// scratch file of the dead process.
    private func gitTemporaryFiles(of holder: LockHolder) -> [String] {
        let objects = repository.gitDirectory + "objects/"
        let written = (FileSystem.names(in: objects) ?? []).filter { $0.hasPrefix("tmp_object_git2_") }.map { objects + $0 }
        let packs = (FileSystem.names(in: objects + "pack/") ?? []).filter { $0.hasPrefix("pack_git2_") }.map { objects + "pack/" + $0 }
        return gitLockFiles() + written + packs + [state.absolute(WorkingTree.scratchName(for: holder.pid))]
    }

    /// The `.lock` files in `.git` itself and under its `refs/` and `logs/`, where Git and libgit2
    /// lock what they are about to replace.
    func gitLockFiles() -> [String] {
        let gitDirectory = repository.gitDirectory
        func below(_ folder: String) -> [String] {
            (FileSystem.names(in: folder) ?? []).flatMap { name -> [String] in
                FileSystem.isDirectory(folder + name) ? below(folder + name + "/") : [folder + name]
            }
        }
        let top = (FileSystem.names(in: gitDirectory) ?? []).map { gitDirectory + $0 }.filter { !FileSystem.isDirectory($0) }
        return (top + below(gitDirectory + "refs/") + below(gitDirectory + "logs/")).filter { $0.hasSuffix(".lock") }
    }
}
