import CLibgit2

/// The commits `start` descends from through first parents, starting with `start`, read one at a
/// time as they are asked for.
public struct FirstParentChain: Sequence, IteratorProtocol {
    let repository: Repository
    var upcoming: ObjectID?

    public mutating func next() -> Commit? {
        guard let id = upcoming, let commit = try? repository.commit(id) else { return nil }
        upcoming = commit.parentIDs.first
        return commit
    }
}

extension Repository {
    public func firstParents(from start: ObjectID) -> FirstParentChain {
        FirstParentChain(repository: self, upcoming: start)
    }
}

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
    /// Every commit reachable from `start`, newest first by commit time. libgit2 1.5 reads the
    /// whole reachable history before it returns the first commit, whatever the sorting: use
    /// `firstParents(from:)` to look back only a few commits.
    public func history(from start: ObjectID) throws -> RevisionWalk {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        let result = RevisionWalk(walk!, repository: self)
        try check(git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue), "cannot sort history")
        var oid = start.raw
        try check(git_revwalk_push(walk, &oid), "cannot walk history from \(start.short)")
        return result
    }

    /// The paths of the blobs that differ between two trees (added, changed or removed). Subtrees
    /// with the same id on both sides are skipped unread, so the cost follows what changed, not the
    /// size of the trees (libgit2's tree diff reads every subtree).
    public func changedPaths(from old: Tree?, to new: Tree?) throws -> [String] {
        var paths: [String] = []
        try collectChanges(old, new, prefix: "", into: &paths)
        return paths
    }

    private func collectChanges(_ old: Tree?, _ new: Tree?, prefix: String, into paths: inout [String]) throws {
        guard old?.id != new?.id else { return }
        let before = Dictionary((old?.entries ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary((new?.entries ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(before.keys).union(after.keys).sorted() {
            let (was, now) = (before[name], after[name])
            guard was != now else { continue }
            let path = prefix + name
            let wasTree = was?.kind == .tree ? try tree(was!.id) : nil
            let nowTree = now?.kind == .tree ? try tree(now!.id) : nil
            if wasTree != nil || nowTree != nil {
                try collectChanges(wasTree, nowTree, prefix: path + "/", into: &paths)
            }
            if (was != nil && was?.kind != .tree) || (now != nil && now?.kind != .tree) {
                paths.append(path)
            }
        }
    }
}

extension Repository {
    /// The first parent of a commit, or nil for a root commit or an unreadable one.
    public func firstParentOf(_ id: ObjectID) -> ObjectID? {
        (try? commit(id))?.parentIDs.first
    }
}
