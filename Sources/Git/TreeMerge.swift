import CLibgit2

/// The three versions of one file in a merge; nil where a side has no file.
public struct MergeSides: Sendable {
    public let path: String
    public let base: [UInt8]?
    public let ours: [UInt8]?
    public let theirs: [UInt8]?
}

/// A merge driver registered with libgit2 (`git_merge_driver_register`): libgit2 calls it for
/// each file both sides changed whose gitattributes say `merge=NAME`, as Git runs a configured
/// driver. Registration is process-wide, so the Swift function behind it is set per merge.
enum MergeDriver {
    static let name = "journal"
    /// The function of the merge under way; nil from it means Git's line merge.
    nonisolated(unsafe) static var current: ((MergeSides) -> [UInt8]?)?

    /// libgit2 keeps the pointer for the life of the process: allocated once, never freed.
    static let registered: Int32 = {
        let driver = UnsafeMutablePointer<git_merge_driver>.allocate(capacity: 1)
        driver.initialize(to: git_merge_driver())
        driver.pointee.version = UInt32(GIT_MERGE_DRIVER_VERSION)
        driver.pointee.apply = { _, pathOut, modeOut, mergedOut, _, source in
            guard let source, let merge = MergeDriver.current, let repository = git_merge_driver_source_repo(source),
                  let ours = git_merge_driver_source_ours(source), let theirs = git_merge_driver_source_theirs(source)
            else { return GIT_PASSTHROUGH.rawValue }
            func content(_ entry: UnsafePointer<git_index_entry>?) -> [UInt8]? {
                guard let entry else { return nil }
                var blob: OpaquePointer?
                var id = entry.pointee.id
                guard git_blob_lookup(&blob, repository, &id) == 0 else { return nil }
                defer { git_blob_free(blob) }
                guard let bytes = git_blob_rawcontent(blob) else { return [] }
                return Array(UnsafeRawBufferPointer(start: bytes, count: Int(git_blob_rawsize(blob))))
            }
            let sides = MergeSides(path: String(cString: ours.pointee.path), base: content(git_merge_driver_source_ancestor(source)),
                                   ours: content(ours), theirs: content(theirs))
            guard let merged = merge(sides) else { return GIT_PASSTHROUGH.rawValue }
            let stored = merged.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { git_buf_set(mergedOut, $0, buffer.count) } } ?? git_buf_set(mergedOut, "", 0)
            }
            guard stored == 0 else { return stored }
            pathOut?.pointee = ours.pointee.path
            modeOut?.pointee = ours.pointee.mode
            return 0
        }
        return git_merge_driver_register(name, driver)
    }()
}

extension Repository {
    /// Merges `theirs` into `ours` in memory (`git_merge_commits`, paths compared as they are,
    /// no rename detection) and returns the merged tree, written to the object database.
    /// `driver` merges the files that select the `journal` merge driver (`*.md merge=journal` in
    /// `.gitattributes`); what is still in conflict after it and Git's line merge goes to
    /// `resolve`, which names the files to write instead: at the path (absent: the path is
    /// removed) and beside it.
    public func mergeCommits(_ ours: Commit, _ theirs: Commit, driver: @escaping (MergeSides) -> [UInt8]?,
                             resolve: (MergeSides) throws -> [String: [UInt8]]) throws -> ObjectID {
        try check(MergeDriver.registered, "cannot register the journal merge driver")
        MergeDriver.current = driver
        defer { MergeDriver.current = nil }
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
            result.append(MergeSides(path: String(cString: named.pointee.path), base: try content(base), ours: try content(ours), theirs: try content(theirs)))
        }
        return result
    }
}
