import CLibgit2

public final class Tree {
    let pointer: OpaquePointer
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_tree_free(pointer) }

    public var id: ObjectID { ObjectID(git_tree_id(pointer)) }

    /// The entry at a slash-separated path below this tree, or nil when there is none.
    public func entry(atPath path: String) throws -> TreeEntry? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, pointer, path)
        if isAbsent(result, GIT_ENOTFOUND) { return nil }
        try check(result, "cannot read \(path) in tree \(id.short)")
        defer { git_tree_entry_free(entry) }
        return TreeEntry(entry!)
    }

    /// The entries directly in this tree, in Git's order.
    public var entries: [TreeEntry] {
        (0..<git_tree_entrycount(pointer)).map { TreeEntry(git_tree_entry_byindex(pointer, $0)!) }
    }

    /// The tree at `path` below this one, or nil when there is none or it is not a tree.
    public func subtree(atPath path: String) throws -> Tree? {
        guard let entry = try entry(atPath: path), entry.kind == .tree else { return nil }
        return try repository.tree(entry.id)
    }
}

public struct TreeEntry: Equatable {
    public enum Kind: Equatable { case blob, tree, symlink, submodule, other }

    public let name: String
    public let id: ObjectID
    public let kind: Kind
    /// A blob with the executable mode (100755).
    public let isExecutable: Bool

    init(_ entry: OpaquePointer) {
        name = String(cString: git_tree_entry_name(entry))
        id = ObjectID(git_tree_entry_id(entry))
        isExecutable = git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE
        switch git_tree_entry_filemode(entry) {
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: kind = .blob
        case GIT_FILEMODE_TREE: kind = .tree
        case GIT_FILEMODE_LINK: kind = .symlink
        case GIT_FILEMODE_COMMIT: kind = .submodule
        default: kind = .other
        }
    }
}
