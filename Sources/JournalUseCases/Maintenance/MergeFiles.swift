import JournalModel
import JournalStore

/// `journal merge-file BASE OURS THEIRS`: the merge driver Git calls as `%O %A %B`. Merges the
/// three versions task by task (see `DayMerge`) and writes the result over OURS, as Git expects.
/// It never leaves a conflict, so Git always takes the result. Git runs it at the top of the
/// repository, whose `.journal` says how tasks are written there.
public struct MergeFiles {
    public static func run(base: String, ours: String, theirs: String) throws -> DayMerge.Result {
        let files = WorkingTree(root: "")
        let words = try Journal.top(enclosing: ".").flatMap { try JournalMarker.read(atTop: $0) }?.taskWords ?? .checkboxes
        guard let ourBytes = try files.read(ours) else { throw JournalError.storage("cannot read \(ours): no such file") }
        guard let theirBytes = try files.read(theirs) else { throw JournalError.storage("cannot read \(theirs): no such file") }
        let baseBytes = try files.read(base)
        let result = DayMerge.merge(base: baseBytes.map { DayFile(bytes: $0, words: words) }, ours: DayFile(bytes: ourBytes, words: words),
                                    theirs: DayFile(bytes: theirBytes, words: words))
        let folder = ours.contains("/") ? String(ours[...ours.lastIndex(of: "/")!]) : "./"
        try files.write(result.file.bytes, to: ours, scratch: folder)
        return result
    }
}
