import Git
import JournalModel

/// What crosses between machines is checked before any of it is written: day folders may hold
/// only day files, as regular files of sane size; nothing anywhere may be a link, a submodule, or
/// sit under `.git` or `..`; the journal's marker stays, naming a day-file format this version
/// reads. Sync checks what it would send by the same rules, so that one machine's stray file can
/// never stop the others.
package enum IncomingCheck {
    package static let largestDayFile = 16 << 20

    package static func refuseUnsafe(_ repository: Repository, marker: JournalMarker, from ours: Tree?, to theirs: Tree) throws {
        if let (path, reason) = try firstProblem(repository, marker: marker, from: ours, to: theirs) {
            throw JournalError.refusedIncoming(path, reason)
        }
    }

    package static func refuseToSend(_ repository: Repository, marker: JournalMarker, from theirs: Tree?, to ours: Tree) throws {
        if let (path, reason) = try firstProblem(repository, marker: marker, from: theirs, to: ours) {
            throw JournalError.refusedOutgoing(path, reason)
        }
    }

    private static func firstProblem(_ repository: Repository, marker: JournalMarker, from old: Tree?, to new: Tree) throws -> (String, String)? {
        let layout = marker.layout
        for path in try repository.changedPaths(from: old, to: new) {
            let components = path.split(separator: "/").map { $0.lowercased() }
            if components.contains(".git") || components.contains("..") {
                return (path, "is a path Git itself must not write")
            }
            guard let entry = try new.entry(atPath: path) else {
                if path == JournalMarker.path { return (path, "is deleted: without it no machine takes the folder for a journal") }
                continue
            }
            guard entry.kind == .blob else {
                return (path, "is a \(entry.kind == .symlink ? "symbolic link" : "submodule or special file"), not a regular file")
            }
            if path == JournalMarker.path, let problem = try markerProblem(try repository.blobContent(entry.id), ours: marker) {
                return (path, problem)
            }
            if layout.day(at: path) != nil {
                if try repository.blobContent(entry.id).count > largestDayFile {
                    return (path, "is larger than \(largestDayFile >> 20) MiB")
                }
            } else if layout.isInDayFolder(path) {
                return (path, "is in a day folder but is not named \(layout.pattern)")
            }
        }
        return nil
    }

    /// Why a changed marker cannot be taken: a format this version does not read, or another
    /// layout than the journal's (its days would be looked for where they are not).
    private static func markerProblem(_ bytes: [UInt8], ours: JournalMarker) throws -> String? {
        guard let theirs = try? JournalMarker(bytes: bytes) else {
            return "does not say \(JournalMarker.formats.map { "'\($0)'" }.joined(separator: " or ")), the day-file formats this version of journal reads"
        }
        if theirs.layout != ours.layout { return "keeps days as \(theirs.layout.pattern), where this journal keeps them as \(ours.layout.pattern)" }
        if theirs.taskWords != ours.taskWords { return "writes tasks as \(theirs.taskWords.rawValue), where this journal writes them as \(ours.taskWords.rawValue)" }
        return nil
    }
}
