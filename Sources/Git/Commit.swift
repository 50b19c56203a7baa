import CLibgit2

public final class Commit {
    let pointer: OpaquePointer
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    public var id: ObjectID { ObjectID(git_commit_id(pointer)) }

    public var message: String { git_commit_message(pointer).map { String(cString: $0) } ?? "" }

    public var author: Signature { Signature(git_commit_author(pointer)) }

    public var committer: Signature { Signature(git_commit_committer(pointer)) }

    public var parentIDs: [ObjectID] {
        (0..<git_commit_parentcount(pointer)).compactMap { index in
            git_commit_parent_id(pointer, index).map { ObjectID($0) }
        }
    }

    public func tree() throws -> Tree {
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, pointer), "cannot read the tree of commit \(id.short)")
        return Tree(tree!, repository: repository)
    }
}
