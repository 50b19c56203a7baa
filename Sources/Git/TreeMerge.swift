import CLibgit2

/// The three versions of one file in a merge; nil where a side has no file.
public struct MergeSides: Sendable {
    public let path: String
    public let base: [UInt8]?
    public let ours: [UInt8]?
    public let theirs: [UInt8]?
}

extension Repository {
    /// Merges `theirs` into `ours` in memory (`git_merge_commits`, paths compared as they are,
    /// no rename detection) and returns the merged tree, written to the object database. What is
    /// in conflict after Git's line merge goes to `resolve`, which names the files to write
    /// instead: at the path (absent: the path is removed) and beside it. A merge driver that
    /// `.gitattributes` names and this process never registered (`merge=journal`) is Git's line merge.
    public func mergeCommits(_ ours: Commit, _ theirs: Commit, resolve: (MergeSides) throws -> [String: [UInt8]]) throws -> ObjectID {
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "cannot prepare a merge")
        options.flags = 0
        var merged: OpaquePointer?
        try check(git_merge_commits(&merged, pointer, ours.pointer, theirs.pointer, &options), "cannot merge \(theirs.id.short) into \(ours.id.short)")
        defer { git_index_free(merged) }
        for sides in try conflicts(in: merged!) {
            try check(git_index_conflict_remove(merged, sides.path), "cannot resolve \(sides.path)")
            for (path, bytes) in try resolve(sides) {
                var entry = git_index_entry()
                entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
                entry.id = try writeBlob(bytes).raw
                try path.withCString { name in
                    entry.path = name
                    try check(git_index_add(merged, &entry), "cannot stage the merge of \(path)")
                }
            }
        }
        var tree = git_oid()
        try check(git_index_write_tree_to(&tree, merged, pointer), "cannot write the merged tree")
        return ObjectID(tree)
    }

    private func conflicts(in index: OpaquePointer) throws -> [MergeSides] {
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index), "cannot read the merge's conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var result: [MergeSides] = []
        var base: UnsafePointer<git_index_entry>?, ours: UnsafePointer<git_index_entry>?, theirs: UnsafePointer<git_index_entry>?
        while true {
            // Only GIT_ITEROVER ends the list; any other failure is an error, never a shorter list.
            let next = git_index_conflict_next(&base, &ours, &theirs, iterator)
            if isAbsent(next, GIT_ITEROVER) { break }
            try check(next, "cannot read the merge's conflicts")
            guard let named = base ?? ours ?? theirs else { continue }
            func content(_ entry: UnsafePointer<git_index_entry>?) throws -> [UInt8]? {
                try entry.map { try blobContent(ObjectID($0.pointee.id)) }
            }
            result.append(MergeSides(path: String(cString: named.pointee.path), base: try content(base), ours: try content(ours),
                                     theirs: try content(theirs)))
        }
        return result
    }
}
