import CLibgit2

/// The three versions of one file in a merge; nil where a side has no file.
public struct MergeSides: Sendable {
    public let path: String
    public let base: [UInt8]?
    public let ours: [UInt8]?
    public let theirs: [UInt8]?
    /// The file mode a merged version takes: the side that changed it, else ours, as Git does.
    let mode: UInt32
}

/// A merge driver registered with libgit2 (`git_merge_driver_register`) for the files whose
/// gitattributes say `merge=journal`. libgit2 registers drivers process-wide and hands them no
/// payload, so the driver holds no function: it leaves each such file in conflict, and
/// `mergeCommits` merges it with the function its caller passed.
enum MergeDriver {
    static let name = "journal"

    /// libgit2 keeps the pointer for the life of the process: allocated once, never freed.
    static let registered: Int32 = {
        let driver = UnsafeMutablePointer<git_merge_driver>.allocate(capacity: 1)
        driver.initialize(to: git_merge_driver())
        driver.pointee.version = UInt32(GIT_MERGE_DRIVER_VERSION)
        driver.pointee.apply = { _, _, _, _, _, _ in GIT_EMERGECONFLICT.rawValue }
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
    public func mergeCommits(_ ours: Commit, _ theirs: Commit, driver: (MergeSides) -> [UInt8]?,
                             resolve: (MergeSides) throws -> [String: [UInt8]]) throws -> ObjectID {
        try check(MergeDriver.registered, "cannot register the journal merge driver")
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "cannot prepare a merge")
        options.flags = 0
        var merged: OpaquePointer?
        try check(git_merge_commits(&merged, pointer, ours.pointer, theirs.pointer, &options), "cannot merge \(theirs.id.short) into \(ours.id.short)")
        defer { git_index_free(merged) }
        for sides in try conflicts(in: merged!) {
            try check(git_index_conflict_remove(merged, sides.path), "cannot resolve \(sides.path)")
            // As libgit2 runs a driver: only for a file both sides still have.
            let bothSides = sides.ours != nil && sides.theirs != nil
            let settled = try bothSides && selectsJournalDriver(sides.path) ? driver(sides) ?? lineMerge(sides) : nil
            for (path, bytes) in try settled.map({ [sides.path: $0] }) ?? resolve(sides) {
                var entry = git_index_entry()
                entry.mode = settled == nil ? UInt32(GIT_FILEMODE_BLOB.rawValue) : sides.mode
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

    private func selectsJournalDriver(_ path: String) throws -> Bool {
        var value: UnsafePointer<CChar>?
        try check(git_attr_get(&value, pointer, 0, path, "merge"), "cannot read the attributes of \(path)")
        return value.map { String(cString: $0) } == MergeDriver.name
    }

    /// Git's line merge of one file (`git_merge_file`), as libgit2 merges a file no driver
    /// claims; nil when the sides conflict or one side removed the file.
    private func lineMerge(_ sides: MergeSides) throws -> [UInt8]? {
        guard let ours = sides.ours, let theirs = sides.theirs else { return nil }
        var result = git_merge_file_result()
        let status = (sides.base ?? []).withUnsafeBytes { base in
            ours.withUnsafeBytes { ours in
                theirs.withUnsafeBytes { theirs in
                    func input(_ bytes: UnsafeRawBufferPointer) -> git_merge_file_input {
                        var input = git_merge_file_input()
                        git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
                        input.ptr = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                        input.size = bytes.count
                        return input
                    }
                    var (ancestor, mine, other) = (input(base), input(ours), input(theirs))
                    return git_merge_file(&result, &ancestor, &mine, &other, nil)
                }
            }
        }
        defer { git_merge_file_result_free(&result) }
        try check(status, "cannot merge \(sides.path) line by line")
        guard result.automergeable != 0 else { return nil }
        return result.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: result.len)) } ?? []
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
            let (baseMode, ourMode, theirMode) = (base?.pointee.mode, ours?.pointee.mode, theirs?.pointee.mode)
            let mode = ourMode == baseMode ? theirMode ?? ourMode : ourMode ?? theirMode
            result.append(MergeSides(path: String(cString: named.pointee.path), base: try content(base), ours: try content(ours),
                                     theirs: try content(theirs), mode: mode ?? UInt32(GIT_FILEMODE_BLOB.rawValue)))
        }
        return result
    }
}
