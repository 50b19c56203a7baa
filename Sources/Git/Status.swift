import CLibgit2

/// A path whose working-tree or staged content differs from HEAD.
public struct StatusEntry: Equatable {
    public let path: String
}

extension Repository {
    /// Every path that differs between HEAD, the index and the working tree, untracked files
    /// included (but not ignored ones), each once, in path order. With `indexMatchesHead` the
    /// caller vouches that the index holds HEAD's tree, and only the working tree is compared
    /// with the index: that skips reading every tree of HEAD.
    public func status(indexMatchesHead: Bool = false) throws -> [StatusEntry] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "cannot prepare status")
        options.show = indexMatchesHead ? GIT_STATUS_SHOW_WORKDIR_ONLY : GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, pointer, &options), "cannot compute the status of the working tree")
        defer { git_status_list_free(list) }
        var paths: [String] = []
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position)?.pointee else { continue }
            for delta in [entry.index_to_workdir, entry.head_to_index] {
                guard let file = delta?.pointee else { continue }
                for path in [file.new_file.path, file.old_file.path] {
                    if let path { paths.append(String(cString: path)) }
                }
            }
        }
        return Array(Set(paths)).sorted().map(StatusEntry.init)
    }
}
