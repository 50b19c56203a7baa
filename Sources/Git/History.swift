import CLibgit2
import Glibc

extension Repository {
    /// Visits the commits `start` descends from through first parents, starting with `start`,
    /// newest first, until `visit` returns false or history ends. A commit that cannot be read is
    /// thrown, never taken for the end of history: a damaged commit in the middle would otherwise
    /// silently cut off everything before it. In a shallow clone, history ends where Git cut it.
    public func walkFirstParents(from start: ObjectID, _ visit: (Commit) throws -> Bool) throws {
        let cut = shallowCommits()
        var upcoming: ObjectID? = start
        while let id = upcoming {
            let commit = try self.commit(id)
            guard try visit(commit), !cut.contains(id) else { return }
            upcoming = commit.parentIDs.first
        }
    }

    /// Every commit `start` descends from that `stop` does not (all of it without `stop`), merged
    /// branches included, parents before children: the order history can be replayed in. A shallow
    /// clone lacks the parents a full walk would need; there it is the first parents.
    public func commitsSince(_ stop: ObjectID?, upTo start: ObjectID) throws -> [ObjectID] {
        guard shallowCommits().isEmpty else {
            var ids: [ObjectID] = []
            try walkFirstParents(from: start) { commit in
                guard commit.id != stop else { return false }
                ids.append(commit.id)
                return true
            }
            return ids.reversed()
        }
        let walk = try RevisionWalk(self)
        try walk.sort(GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
        try walk.push(start)
        if let stop { try walk.hide(stop) }
        return try walk.all()
    }

    /// The commits whose parents a shallow clone (`git clone --depth`) left out: `.git/shallow`.
    private func shallowCommits() -> Set<ObjectID> {
        guard let file = fopen(gitDirectory + "shallow", "r") else { return [] }
        defer { fclose(file) }
        var found: Set<ObjectID> = []
        var line = [CChar](repeating: 0, count: 128)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let id = ObjectID(hex: text) { found.insert(id) }
        }
        return found
    }
}

extension Repository {
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

    /// The message of the newest entry in a reference's reflog: what moved it last. Nil when the
    /// reference has no reflog.
    public func lastReflogMessage(of name: String) throws -> String? {
        var reflog: OpaquePointer?
        try check(git_reflog_read(&reflog, pointer, name), "cannot read the reflog of \(name)")
        defer { git_reflog_free(reflog) }
        guard git_reflog_entrycount(reflog) > 0, let entry = git_reflog_entry_byindex(reflog, 0) else { return nil }
        return git_reflog_entry_message(entry).map { String(cString: $0) }
    }
}

/// A libgit2 revision walk, freed with its owner.
private final class RevisionWalk {
    private let pointer: OpaquePointer

    init(_ repository: Repository) throws {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, repository.pointer), "cannot walk the history")
        pointer = walk!
    }

    deinit { git_revwalk_free(pointer) }

    func sort(_ mode: UInt32) throws {
        try check(git_revwalk_sorting(pointer, mode), "cannot order the history walk")
    }

    func push(_ id: ObjectID) throws {
        var raw = id.raw
        try check(git_revwalk_push(pointer, &raw), "cannot walk the history from \(id.short)")
    }

    func hide(_ id: ObjectID) throws {
        var raw = id.raw
        try check(git_revwalk_hide(pointer, &raw), "cannot leave \(id.short) out of the history walk")
    }

    func all() throws -> [ObjectID] {
        var ids: [ObjectID] = []
        var raw = git_oid()
        while true {
            let result = git_revwalk_next(&raw, pointer)
            if result == GIT_ITEROVER.rawValue { return ids }
            try check(result, "cannot read the history")
            ids.append(ObjectID(raw))
        }
    }
}
