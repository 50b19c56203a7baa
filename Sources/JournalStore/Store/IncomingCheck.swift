import Git
import JournalModel

/// What arrives from another machine is checked before any of it is written: day folders may hold
/// only day files, as regular files of sane size; nothing anywhere may be a link, a submodule, or
/// sit under `.git` or `..`.
package enum IncomingCheck {
    package static let largestDayFile = 16 << 20

    package static func refuseUnsafe(_ repository: Repository, from ours: Tree?, to theirs: Tree) throws {
        for path in try repository.changedPaths(from: ours, to: theirs) {
            let components = path.split(separator: "/").map { $0.lowercased() }
            if components.contains(".git") || components.contains("..") {
                throw JournalError.refusedIncoming(path, "is a path Git itself must not write")
            }
            guard let entry = try theirs.entry(atPath: path) else { continue }
            guard entry.kind == .blob else {
                throw JournalError.refusedIncoming(path, "is a \(entry.kind == .symlink ? "symbolic link" : "submodule or special file"), not a regular file")
            }
            guard DayPath.isInDayFolder(path) else { continue }
            guard DayPath.day(at: path) != nil else {
                throw JournalError.refusedIncoming(path, "is in a day folder but is not named YYYY/MM/YYYY-MM-DD.md")
            }
            if try repository.blobContent(entry.id).count > largestDayFile {
                throw JournalError.refusedIncoming(path, "is larger than \(largestDayFile >> 20) MiB")
            }
        }
    }
}
