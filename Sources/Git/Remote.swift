import CLibgit2

extension Repository {
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, pointer, name, url), "cannot add remote '\(name)'")
        git_remote_free(remote)
    }

    public func removeRemote(_ name: String) throws {
        try check(git_remote_delete(pointer, name), "cannot remove remote '\(name)'")
    }

    /// Remote names with their URLs, in the order Git lists them.
    public func remotes() throws -> [(name: String, url: String)] {
        var names = git_strarray()
        try check(git_remote_list(&names, pointer), "cannot list remotes")
        defer { git_strarray_dispose(&names) }
        return try (0..<names.count).compactMap { index in
            guard let name = names.strings[index].map({ String(cString: $0) }) else { return nil }
            return (name, try remoteURL(name) ?? "")
        }
    }

    /// The URL of a remote, or nil when there is no such remote.
    public func remoteURL(_ name: String) throws -> String? {
        var remote: OpaquePointer?
        let result = git_remote_lookup(&remote, pointer, name)
        if isAbsent(result, GIT_ENOTFOUND, GIT_EINVALIDSPEC) { return nil }
        try check(result, "cannot read remote '\(name)'")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Fetches `refspecs` from the remote `name`; the refs they map to that the remote no longer
    /// has are removed.
    public func fetch(_ name: String, refspecs: [String], handlers: TransferHandlers = TransferHandlers()) throws {
        let context = TransferContext(handlers)
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "cannot prepare a fetch")
        options.callbacks = try context.callbacks()
        // A branch deleted on the remote leaves no tracking ref that would say it is still there.
        options.prune = GIT_FETCH_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        let remote = try lookupRemote(name)
        defer { git_remote_free(remote) }
        // git_remote_fetch's steps, with the downloaded pack flushed to disk before any
        // tracking ref names what it holds (libgit2 flushes nothing itself: see Durability).
        try withStringArray(refspecs) { array in
            let downloaded = Result { try check(git_remote_download(remote, &array, &options), "cannot fetch from '\(name)'") }
            git_remote_disconnect(remote)
            try downloaded.get()
        }
        // Nothing received, nothing to flush: the tracking ref can only name what is on disk.
        if let received = git_remote_stats(remote)?.pointee, received.received_objects > 0 || received.indexed_objects > 0 {
            try flushToDisk()
        }
        try check(git_remote_update_tips(remote, &options.callbacks, 1, options.download_tags, "journal: fetch"),
                  "cannot fetch from '\(name)'")
        try check(git_remote_prune(remote, &options.callbacks), "cannot fetch from '\(name)'")
        withExtendedLifetime(context) {}
    }

    /// Pushes `refspecs` to the remote `name` and returns the refs the server refused, with its
    /// reasons: libgit2 reports success for a push whose updates were all refused.
    public func push(_ name: String, refspecs: [String], handlers: TransferHandlers = TransferHandlers()) throws -> [String: String] {
        let context = TransferContext(handlers)
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "cannot prepare a push")
        options.callbacks = try context.callbacks()
        let remote = try lookupRemote(name)
        defer { git_remote_free(remote) }
        // A remote on this machine (a path) is written by libgit2 itself, pack and refs, on a file
        // system the local flushes do not reach: libgit2 flushes them, as it once did everything.
        _ = journal_git_enable_fsync(1)
        defer { _ = journal_git_enable_fsync(0) }
        try withStringArray(refspecs) { array in
            try check(git_remote_push(remote, &array, &options), "cannot push to '\(name)'")
        }
        return context.refusals
    }

    private func lookupRemote(_ name: String) throws -> OpaquePointer {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "no remote '\(name)'")
        return remote!
    }

    /// The best common ancestor of two commits, or nil when they share none.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var first = one.raw, second = two.raw
        let result = git_merge_base(&base, pointer, &first, &second)
        if isAbsent(result, GIT_ENOTFOUND) { return nil }
        try check(result, "cannot find the common ancestor of \(one.short) and \(two.short)")
        return ObjectID(base)
    }

    /// Whether `commit` has `ancestor` in its history (a commit is not its own descendant).
    public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws -> Bool {
        var descendant = commit.raw, older = ancestor.raw
        return try check(git_graph_descendant_of(pointer, &descendant, &older), "cannot compare \(commit.short) with \(ancestor.short)") == 1
    }
}

extension Repository {
    /// How many commits `local` has that `upstream` lacks, and the reverse.
    public func aheadBehind(_ local: ObjectID, _ upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        var first = local.raw, second = upstream.raw
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &first, &second), "cannot compare \(local.short) with \(upstream.short)")
        return (ahead, behind)
    }
}
