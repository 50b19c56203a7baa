import CLibgit2
import Glibc

/// libgit2 writes objects, packs and references without flushing them (`Libgit2.ready` turns
/// its flushes off): flushing each loose object and its folder cost a commit about 20 `fsync`
/// calls. Instead everything written before a reference moves is flushed at once, right before
/// it moves, so a crash never leaves a reference naming an object that is not on disk; the
/// caller flushes once more when it has finished, to make the move itself lasting.
extension Repository {
    /// Waits until everything written so far on the repository's file system is on disk. One
    /// `syncfs` covers every object, pack, folder and renamed file, the working tree's included
    /// (a journal keeps `.git` inside its working tree).
    public func flushToDisk() throws {
        let folder = Glibc.open(gitDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw flushFailure() }
        defer { close(folder) }
        guard journal_syncfs(folder) == 0 else { throw flushFailure() }
    }

    private func flushFailure() -> GitError {
        GitError(code: .other(-1), operation: "cannot flush \(gitDirectory) to disk", message: String(cString: strerror(errno)))
    }
}
