import CLibgit2

extension Repository {
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
