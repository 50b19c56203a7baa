import CLibgit2
import Glibc

/// One change to a tree, by path from its root.
public enum TreeChange: Equatable {
    case upsertBlob(path: String, id: ObjectID)
    case remove(path: String)

    var path: String {
        switch self {
        case .upsertBlob(let path, _), .remove(let path): return path
        }
    }
}

extension Repository {
    /// The id `bytes` have as a blob, without writing it.
    public static func hash(ofBlob bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "cannot hash a blob")
        }
        return ObjectID(oid)
    }

    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try check(git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count), "cannot write a blob in \(objectsDirectory)")
        }
        return ObjectID(oid)
    }

    /// Writes the tree that is `base` with `changes` applied; only the subtrees on the changed paths
    /// are rewritten, so the cost does not grow with the size of the journal. A file replaced
    /// keeps its mode: an executable script stays one.
    public func writeTree(updating base: Tree?, with changes: [TreeChange]) throws -> ObjectID {
        let executable = try Set(changes.compactMap { change -> String? in
            guard case .upsertBlob(let path, _) = change, try base?.entry(atPath: path)?.isExecutable == true else { return nil }
            return path
        })
        // libgit2 reads the paths during the call only; strdup keeps them alive until then.
        let paths = changes.map { strdup($0.path)! }
        defer { paths.forEach { free($0) } }
        var updates = zip(changes, paths).map { change, path -> git_tree_update in
            var update = git_tree_update()
            update.path = UnsafePointer(path)
            switch change {
            case .upsertBlob(_, let id):
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = id.raw
                update.filemode = executable.contains(change.path) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
            case .remove:
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            return update
        }
        var oid = git_oid()
        try check(
            git_tree_create_updated(&oid, pointer, base?.pointer, updates.count, &updates),
            "cannot write a tree in \(objectsDirectory)")
        return ObjectID(oid)
    }

    /// Writes a commit object without moving any reference; see `updateReference` for that.
    public func writeCommit(
        tree: ObjectID, parents: [Commit], message: String, author: Signature, committer: Signature
    ) throws -> ObjectID {
        let commitTree = try self.tree(tree)
        var oid = git_oid()
        var parentPointers: [OpaquePointer?] = parents.map { $0.pointer }
        _ = try author.withGitSignature { author in
            try committer.withGitSignature { committer in
                try check(
                    git_commit_create(
                        &oid, pointer, nil, author, committer, "UTF-8", message, commitTree.pointer,
                        parentPointers.count, &parentPointers),
                    "cannot write a commit in \(objectsDirectory)")
            }
        }
        return ObjectID(oid)
    }

    /// Points `name` at `target` only if it still points at `expected` (nil: only if it does
    /// not exist yet), once every object written before is on disk. Another writer in between
    /// makes this throw a GitError with code `.modified` (or `.exists`), never silently
    /// overwrite its commit.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?, logMessage: String) throws {
        var oid = target.raw
        var reference: OpaquePointer?
        try flushToDisk()
        if var current = expected?.raw {
            try check(
                git_reference_create_matching(&reference, pointer, name, &oid, 1, &current, logMessage),
                "cannot update \(name) in \(gitDirectory)")
        } else {
            try check(git_reference_create(&reference, pointer, name, &oid, 0, logMessage), "cannot create \(name) in \(gitDirectory)")
        }
        git_reference_free(reference)
    }

    /// Removes the reference `name`, if there is one.
    public func removeReference(_ name: String) throws {
        let result = git_reference_remove(pointer, name)
        guard result != GIT_ENOTFOUND.rawValue else {
            git_error_clear()
            return
        }
        try check(result, "cannot remove \(name) from \(gitDirectory)")
    }

    /// Points `name` at `target` whatever it pointed at before, once every object written
    /// before is on disk.
    public func setReference(_ name: String, to target: ObjectID, logMessage: String) throws {
        var oid = target.raw
        var reference: OpaquePointer?
        try flushToDisk()
        try check(git_reference_create(&reference, pointer, name, &oid, 1, logMessage), "cannot update \(name) in \(gitDirectory)")
        git_reference_free(reference)
    }
}
