import Git
import JournalModel

/// What crosses between machines is checked before any of it is written: day folders may hold
/// only day files, as regular files of sane size; nothing anywhere may be a link, a submodule, or
/// sit under `.git` or `..`; the journal's marker stays, naming a day-file format this version
/// reads. Sync checks what it would send by the same rules, so that one machine's stray file can
/// never stop the others.
package enum IncomingCheck {
    package static let largestDayFile = 16 << 20

    package static func refuseUnsafe(_ repository: Repository, from ours: Tree?, to theirs: Tree) throws {
        if let (path, reason) = try firstProblem(repository, from: ours, to: theirs) {
            throw JournalError.refusedIncoming(path, reason)
        }
    }

    package static func refuseToSend(_ repository: Repository, from theirs: Tree?, to ours: Tree) throws {
        if let (path, reason) = try firstProblem(repository, from: theirs, to: ours) {
            throw JournalError.refusedOutgoing(path, reason)
        }
    }

    private static func firstProblem(_ repository: Repository, from old: Tree?, to new: Tree) throws -> (String, String)? {
        for path in try repository.changedPaths(from: old, to: new) {
            let components = path.split(separator: "/").map { $0.lowercased() }
            if components.contains(".git") || components.contains("..") {
                return (path, "is a path Git itself must not write")
            }
            guard let entry = try new.entry(atPath: path) else {
                if path == Journal.markerPath { return (path, "is deleted: without it no machine takes the folder for a journal") }
                continue
            }
            guard entry.kind == .blob else {
                return (path, "is a \(entry.kind == .symlink ? "symbolic link" : "submodule or special file"), not a regular file")
            }
            if path == Journal.markerPath, !String(decoding: try repository.blobContent(entry.id), as: UTF8.self).contains("(\(Journal.markerFormat))") {
                return (path, "does not say '\(Journal.markerFormat)', the only day-file format this version of journal reads")
            }
            guard DayPath.isInDayFolder(path) else { continue }
            guard DayPath.day(at: path) != nil else {
                return (path, "is in a day folder but is not named YYYY/MM/YYYY-MM-DD.md")
            }
            if try repository.blobContent(entry.id).count > largestDayFile {
                return (path, "is larger than \(largestDayFile >> 20) MiB")
            }
        }
        return nil
    }
}
