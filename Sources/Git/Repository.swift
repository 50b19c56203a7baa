import CLibgit2

/// An open Git repository. Objects read from it keep it alive.
public final class Repository {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_repository_free(pointer) }

    /// Opens the repository whose working directory (or `.git`) is exactly `path`; no search upwards.
    public static func open(at path: String) throws -> Repository {
        _ = Libgit2.ready
        var repository: OpaquePointer?
        try check(
            git_repository_open_ext(&repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
            "cannot open Git repository at \(path)")
        return try guarded(Repository(repository!))
    }

    /// Creates a non-bare repository at `path` (and any missing parent directories)
    /// whose unborn HEAD points at `initialBranch`.
    public static func create(at path: String, initialBranch: String) throws -> Repository {
        _ = Libgit2.ready
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "cannot prepare repository options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repository: OpaquePointer?
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try check(git_repository_init_ext(&repository, path, &options), "cannot create Git repository at \(path)")
        }
        return try guarded(Repository(repository!))
    }

    /// Every loose object this handle reads goes through journal's own reader first.
    private static func guarded(_ repository: Repository) throws -> Repository {
        try GuardedObjectReads.install(in: repository.pointer, objectsDirectory: repository.objectsDirectory)
        return repository
    }

    /// The working directory, with a trailing slash, or nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// The `.git` directory, with a trailing slash.
    public var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    /// The commit HEAD points at, or nil while the branch is unborn.
    public func headCommit() throws -> Commit? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, "HEAD")
        if isAbsent(result, GIT_ENOTFOUND, GIT_EUNBORNBRANCH) { return nil }
        try check(result, "cannot resolve HEAD")
        return try commit(ObjectID(oid))
    }

    /// The full name of the branch HEAD points at, such as `refs/heads/main`, even when unborn.
    public func headBranchName() throws -> String {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "cannot read HEAD")
        defer { git_reference_free(head) }
        guard let target = git_reference_symbolic_target(head) else {
            throw GitError(code: .other(-1), operation: "cannot read HEAD", message: "HEAD is detached")
        }
        return String(cString: target)
    }

    /// The object a reference points at directly, or nil when there is no such reference.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if isAbsent(result, GIT_ENOTFOUND) { return nil }
        try check(result, "cannot resolve \(name)")
        return ObjectID(oid)
    }

    public func commit(_ id: ObjectID) throws -> Commit {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "cannot read commit \(id.short)")
        return Commit(commit!, repository: self)
    }

    /// The commit a revision names (`abc1234`, `HEAD~2`, a branch), as `git rev-parse` reads it.
    public func commit(revision: String) throws -> Commit {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "unknown revision '\(revision)'")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT), "'\(revision)' is not a commit")
        return Commit(peeled!, repository: self)
    }

    public func tree(_ id: ObjectID) throws -> Tree {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "cannot read tree \(id.short)")
        return Tree(tree!, repository: self)
    }

    /// The bytes of a blob.
    public func blobContent(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "cannot read blob \(id.short)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    /// A read-only snapshot of the configuration Git would use here (repository, global, system).
    public func configuration() throws -> Configuration {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "cannot read Git configuration")
        return Configuration(config!)
    }

    /// The repository's index, re-read from disk if another process changed it.
    public func index() throws -> Index {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "cannot open the index")
        let result = Index(index!)
        try result.reload()
        return result
    }
}
