import CLibgit2

/// The staging area. journal only mirrors into it what it has already committed, so that
/// `git status` stays clean; commits are never built from it.
public final class Index {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_index_free(pointer) }

    func reload() throws {
        try check(git_index_read(pointer, 0), "cannot read the index")
    }

    /// Stages the working-tree file at `path` (relative to the working directory) as it is now.
    public func add(path: String) throws {
        try check(git_index_add_bypath(pointer, path), "cannot stage \(path)")
    }

    public func remove(path: String) throws {
        try check(git_index_remove_bypath(pointer, path), "cannot unstage \(path)")
    }

    /// The blob staged at `path`, or nil when nothing is.
    public func stagedID(_ path: String) -> ObjectID? {
        git_index_get_bypath(pointer, path, 0).map { ObjectID($0.pointee.id) }
    }

    public func write() throws {
        try check(git_index_write(pointer), "cannot write the index \(git_index_path(pointer).map { String(cString: $0) } ?? "")")
    }
}
