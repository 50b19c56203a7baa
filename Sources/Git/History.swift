import CLibgit2

/// Commits reachable from a starting commit, newest first.
public final class RevisionWalk: Sequence, IteratorProtocol {
    let pointer: OpaquePointer
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_revwalk_free(pointer) }

    public func next() -> Commit? {
        var oid = git_oid()
        guard git_revwalk_next(&oid, pointer) == 0 else { return nil }
        return try? repository.commit(ObjectID(oid))
    }
}

extension Repository {
    /// Walks back from `start`, newest first by commit time; with `firstParentOnly`, merged-in side
    /// branches are not entered. Commits are produced as the walk goes (topological order would
    /// make libgit2 read the whole history before the first one), so taking a few is cheap.
    public func history(from start: ObjectID, firstParentOnly: Bool = false) throws -> RevisionWalk {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        let result = RevisionWalk(walk!, repository: self)
        try check(git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue), "cannot sort history")
        if firstParentOnly { try check(git_revwalk_simplify_first_parent(walk), "cannot walk history") }
        var oid = start.raw
        try check(git_revwalk_push(walk, &oid), "cannot walk history from \(start.short)")
        return result
    }

    /// The paths of the blobs that differ between two trees (added, changed or removed).
    public func changedPaths(from old: Tree?, to new: Tree?) throws -> [String] {
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, old?.pointer, new?.pointer, nil), "cannot compare trees")
        defer { git_diff_free(diff) }
        return (0..<git_diff_num_deltas(diff)).compactMap { index in
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { return nil }
            return (delta.new_file.path ?? delta.old_file.path).map { String(cString: $0) }
        }
    }
}
