import CLibgit2

/// An object that history needs but that cannot be read: missing, or damaged.
public struct UnreadableObject: Equatable {
    public enum Kind: String { case commit, tree, blob }

    public let id: ObjectID
    public let kind: Kind
    /// Where it sits in the tree of `commit` ("" for a commit or a root tree).
    public let path: String
    /// The newest commit found to need it.
    public let commit: ObjectID
    public let isMissing: Bool
    public let reason: String
}

extension Repository {
    /// Every commit, tree and blob reachable from `start` that cannot be read, each reported once.
    /// Trees are read (each distinct one once); blobs are only looked up, as their content is
    /// checked by `damagedLooseObjects`. Returns the problems and the number of commits walked.
    public func unreadableObjects(reachableFrom start: ObjectID) throws -> (objects: [UnreadableObject], commits: Int) {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, pointer), "cannot open the object database")
        defer { git_odb_free(database) }
        var found: [UnreadableObject] = []
        var seen: Set<ObjectID> = [start]
        var pending = [start]
        var commits = 0

        func note(_ id: ObjectID, _ kind: UnreadableObject.Kind, _ path: String, in commit: ObjectID, _ error: Error?) {
            var oid = id.raw
            let missing = git_odb_exists(database, &oid) == 0
            found.append(UnreadableObject(id: id, kind: kind, path: path, commit: commit, isMissing: missing,
                                          reason: missing ? "missing" : error.map { String(describing: $0) } ?? "unreadable"))
        }

        func walk(_ treeID: ObjectID, _ prefix: String, in commit: ObjectID) {
            let tree: Tree
            do { tree = try self.tree(treeID) } catch { return note(treeID, .tree, prefix, in: commit, error) }
            for entry in tree.entries where seen.insert(entry.id).inserted {
                let path = prefix + entry.name
                switch entry.kind {
                case .tree: walk(entry.id, path + "/", in: commit)
                case .blob, .symlink:
                    var oid = entry.id.raw
                    if git_odb_exists(database, &oid) == 0 { note(entry.id, .blob, path, in: commit, nil) }
                case .submodule, .other: continue
                }
            }
        }

        while let id = pending.popLast() {
            let commit: Commit
            do { commit = try self.commit(id) } catch {
                note(id, .commit, "", in: id, error)
                continue
            }
            commits += 1
            var treeOID = git_oid()
            git_oid_cpy(&treeOID, git_commit_tree_id(commit.pointer))
            let tree = ObjectID(treeOID)
            if seen.insert(tree).inserted { walk(tree, "", in: id) }
            for parent in commit.parentIDs where seen.insert(parent).inserted { pending.append(parent) }
        }
        return (found, commits)
    }

    /// The commits a reference pointed at, newest first, as its reflog recorded them.
    public func reflog(_ name: String) throws -> [ObjectID] {
        var log: OpaquePointer?
        try check(git_reflog_read(&log, pointer, name), "cannot read the reflog of \(name)")
        defer { git_reflog_free(log) }
        return (0..<git_reflog_entrycount(log)).compactMap { index in
            git_reflog_entry_byindex(log, index).flatMap { git_reflog_entry_id_new($0) }.map { ObjectID($0) }
        }
    }

    /// The commit can be read, with its tree.
    public func isReadableCommit(_ id: ObjectID) -> Bool {
        (try? commit(id).tree()) != nil
    }
}
